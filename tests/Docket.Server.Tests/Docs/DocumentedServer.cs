using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Docket.Server.Tests.Docs;

/// <summary>
/// The server started the way docs/api.md's walk-through starts it, from the repository root:
/// <c>dotnet run --project src/Docket.Server -c Release -- …</c> with the doc's own arguments, plus <c>--no-build</c>
/// (the test run built it), the configuration this test was built in, and a free port in place of 5000.
/// </summary>
public sealed class DocumentedServer : IAsyncLifetime
{
    private const string DocumentedPrefix = "dotnet run --project src/Docket.Server -c Release -- ";
    private readonly StringBuilder _output = new();
    private Process? _process;

    public WalkThrough WalkThrough { get; } = WalkThrough.Read(RepositoryRoot.File("docs/api.md"));

    public int Port { get; } = FreePort();

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public async Task InitializeAsync()
    {
        var start = WalkThrough.StartCommand;
        Assert.StartsWith(DocumentedPrefix, start, StringComparison.Ordinal);
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Release";
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "run", "--project", "src/Docket.Server", "-c", configuration, "--no-build", "--" })
        {
            info.ArgumentList.Add(arg);
        }
        // The doc's arguments hold no quotes or spaces inside one argument.
        foreach (var arg in start[DocumentedPrefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            info.ArgumentList.Add(arg);
        }
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(BaseUrl);
        // dotnet test's MSBuild variables would send the child's dotnet run to the test host's MSBuild.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(key);
        }
        _process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        _process.OutputDataReceived += (_, e) => Add(e.Data);
        _process.ErrorDataReceived += (_, e) => Add(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"'{start}' exited with {_process.ExitCode}:\n{Output}");
            }
            try
            {
                if ((await client.GetAsync(new Uri($"{BaseUrl}/health"))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"'{start}' did not answer /health within 120 s:\n{Output}");
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Runs a block of the doc with bash in the repository root, its requests sent to this server; curl's output.</summary>
    public async Task<string> RunAsync(WalkThrough.Block block)
    {
        var info = RepositoryRoot.Bash(block.Text.Replace(WalkThrough.DocumentedBase, BaseUrl, StringComparison.Ordinal));
        using var bash = Process.Start(info) ?? throw new InvalidOperationException("bash did not start");
        var stdout = bash.StandardOutput.ReadToEndAsync();
        var stderr = bash.StandardError.ReadToEndAsync();
        await bash.WaitForExitAsync();
        return await stdout + await stderr;
    }

    private void Add(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
