using System.CommandLine;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Docket.Cli.Commands;

/// <summary>
/// <c>docket serve</c>: the live assignment service, the same program as <c>src/Docket.Server</c>, run as a child
/// process with the console passed through (the CLI stays a console program; the server is an ASP.NET Core one).
/// It runs <c>Docket.Server.dll</c> from <c>DOCKET_SERVER_DLL</c> or beside <c>docket</c> when there is one, and
/// otherwise <c>dotnet run --project src/Docket.Server</c> of the source tree <c>docket</c> was built in. The
/// server's exit code is <c>docket</c>'s: 0, 2 for bad configuration, 1 for a failure. Besides its options, any
/// setting of the server's configuration given as <c>--Section:Key=value</c> is passed on (<see cref="IsSetting"/>).
/// </summary>
internal static class ServeCommand
{
    private const int SigTerm = 15;

    public const string Name = "serve";

    public static Command Create(TextWriter output)
    {
        var scenario = new Option<string>("--scenario") { Description = "Scenario file whose courts, teams, case types and policies the service runs", Required = true };
        var urls = new Option<string?>("--urls") { Description = "Where to listen (default http://127.0.0.1:5000)" };
        var storage = new Option<string?>("--storage") { Description = "sqlite (default, durable), postgres (shared by a cluster) or memory" };
        var postgres = new Option<string?>("--postgres") { Description = "PostgreSQL connection string (with --storage postgres)" };
        var cluster = new Option<string?>("--cluster") { Description = "localhost (default, one silo) or redis (several silos)" };
        var redis = new Option<string?>("--redis") { Description = "Redis connection string (with --cluster redis)" };
        var data = new Option<string?>("--data") { Description = "Directory of the SQLite database (default ./data)" };
        var config = new Option<string?>("--config") { Description = "A JSON configuration file (users, keys, limits: see docs/api.md and users.example.json)" };
        var demo = new Option<bool>("--demo") { Description = "Make a demo user of each role for the first court, with keys for this run only (printed at start); loopback only" };
        var siloPort = new Option<int?>("--silo-port") { Description = "The silo's port on loopback (default a free port)" };
        var gatewayPort = new Option<int?>("--gateway-port") { Description = "The silo's gateway port on loopback (default a free port)" };
        var command = new Command(Name, "Run the live assignment service (the same as running src/Docket.Server); any setting of its configuration as --Section:Key=value")
        {
            scenario, urls, storage, data, config, postgres, cluster, redis, demo, siloPort, gatewayPort,
        };
        // Configuration settings (--Docket:Limits:MaxBodyBytes=131072) are the server's: passed on, not parsed here.
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(scenario)!;
            ScenarioInput.RequireFile(path);
            var args = new List<string> { "--scenario", Path.GetFullPath(path) };
            Add(args, "--urls", parse.GetValue(urls));
            Add(args, "--storage", parse.GetValue(storage));
            Add(args, "--data", parse.GetValue(data) is { } d ? Path.GetFullPath(d) : null);
            Add(args, "--config", parse.GetValue(config) is { } c ? Path.GetFullPath(c) : null);
            Add(args, "--postgres", parse.GetValue(postgres));
            Add(args, "--cluster", parse.GetValue(cluster));
            Add(args, "--redis", parse.GetValue(redis));
            Add(args, "--silo-port", parse.GetValue(siloPort)?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Add(args, "--gateway-port", parse.GetValue(gatewayPort)?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (parse.GetValue(demo))
            {
                args.Add("--demo");
            }
            args.AddRange(parse.UnmatchedTokens.Where(IsSetting));
            var info = ServerStart(args);
            output.Flush();
            using var server = Process.Start(info) ?? throw new InvalidOperationException("could not start the server");
            // Ctrl+C reaches the server too (same process group); a SIGTERM sent to docket alone is passed on.
            using var forward = cancellationToken.Register(() => Terminate(server));
            await server.WaitForExitAsync(CancellationToken.None);
            return server.ExitCode;
        });
        return command;
    }

    /// <summary>
    /// Whether a token left over on <c>docket serve</c>'s command line is a setting of the server's configuration,
    /// <c>--Section:Key=value</c> (ASP.NET Core's command-line form, with the section named), passed on as it is.
    /// </summary>
    public static bool IsSetting(string token)
    {
        var equals = token.IndexOf('=', StringComparison.Ordinal);
        var key = equals > 2 && token.StartsWith("--", StringComparison.Ordinal) ? token[2..equals] : "";
        return key.Contains(':', StringComparison.Ordinal) && !key.StartsWith(':') && !key.EndsWith(':')
            && key.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is ':' or '_' or '.' or '-');
    }

    private static void Add(List<string> args, string name, string? value)
    {
        if (value is not null)
        {
            args.Add(name);
            args.Add(value);
        }
    }

    private static ProcessStartInfo ServerStart(List<string> args)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        var dll = Environment.GetEnvironmentVariable("DOCKET_SERVER_DLL") is { Length: > 0 } fromEnv ? fromEnv
            : Path.Combine(AppContext.BaseDirectory, "Docket.Server.dll");
        if (File.Exists(dll))
        {
            info.ArgumentList.Add(dll);
        }
        else
        {
            var project = FindServerProject()
                ?? throw new BadInputException("docket serve: Docket.Server.dll was not found (set DOCKET_SERVER_DLL, or run docket from the source tree)");
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
            foreach (var arg in new[] { "run", "--project", project, "-c", configuration, "--no-launch-profile", "--" })
            {
                info.ArgumentList.Add(arg);
            }
        }
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        return info;
    }

    private static string? FindServerProject()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Docket.Server", "Docket.Server.csproj");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    private static void Terminate(Process server)
    {
        try
        {
            if (!server.HasExited && !OperatingSystem.IsWindows())
            {
                _ = Kill(server.Id, SigTerm);
            }
        }
        catch (InvalidOperationException)
        {
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
