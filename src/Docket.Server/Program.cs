namespace Docket.Server;

/// <summary>
/// <c>dotnet run --project src/Docket.Server -- --scenario FILE [--urls URL] [--storage sqlite|postgres|memory] [--data DIR]
/// [--postgres CONNECTION] [--cluster localhost|redis] [--redis CONNECTION] [--config FILE] [--demo]</c>, or
/// <c>dotnet run --project src/Docket.Server -- migrate --postgres CONNECTION</c> (create or migrate the PostgreSQL schema, then stop).
/// Exit 0 after a clean stop, 2 for bad configuration (every problem printed), 1 for a failure.
/// </summary>
public sealed class Program
{
    private Program()
    {
    }

    public static async Task<int> Main(string[] args)
    {
        try
        {
            if (args is ["migrate", .. var rest])
            {
                var version = await DocketServer.MigrateAsync(rest);
                await Console.Out.WriteLineAsync($"docket-server: the PostgreSQL docket schema is at version {version}");
                return 0;
            }
            var app = DocketServer.Build(args);
            await app.RunAsync();
            return 0;
        }
        catch (StartupException e)
        {
            foreach (var problem in e.Problems)
            {
                await Console.Error.WriteLineAsync($"docket-server: {problem}");
            }
            return 2;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var inner = e is AggregateException { InnerExceptions.Count: 1 } a ? a.InnerExceptions[0] : e;
            if (inner is StartupException startup)
            {
                foreach (var problem in startup.Problems)
                {
                    await Console.Error.WriteLineAsync($"docket-server: {problem}");
                }
                return 2;
            }
            await Console.Error.WriteLineAsync($"docket-server: failed: {inner.GetType().Name}: {inner.Message}");
            return 1;
        }
    }
}
