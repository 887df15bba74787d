namespace Docket.Server;

/// <summary>
/// <c>dotnet run --project src/Docket.Server -- --scenario FILE [--urls URL] [--storage sqlite|memory] [--data DIR]</c>.
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
