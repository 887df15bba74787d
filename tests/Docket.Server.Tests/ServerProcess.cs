using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Docket.Server.Tests;

/// <summary>
/// The built Docket.Server.dll run as a separate process (<c>dotnet Docket.Server.dll …</c>) on a free loopback
/// port, with its own data directory: for tests that kill it.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringWriterSink _log = new();

    private ServerProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public int Port { get; }

    public HttpClient Client { get; }

    public string Log => _log.ToString();

    /// <summary>How many starts failed on a taken port before this one (each a process that may have joined a cluster first).</summary>
    public int Retries { get; private set; }

    /// <summary>
    /// Starts the server; <paramref name="extra"/> adds to (or overrides) its command line. A port taken between its
    /// choice and the server's bind (another process of the parallel tests got it first) is chosen again.
    /// </summary>
    public static async Task<ServerProcess> StartAsync(string dataDirectory, string usersFile, IReadOnlyList<string>? extra = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var server = await StartOnceAsync(dataDirectory, usersFile, extra, FreePort());
                server.Retries = attempt - 1;
                return server;
            }
            catch (InvalidOperationException e) when (attempt < 3 && e.Message.Contains("address already in use", StringComparison.Ordinal))
            {
            }
        }
    }

    private static async Task<ServerProcess> StartOnceAsync(string dataDirectory, string usersFile, IReadOnlyList<string>? extra, int port)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            ServerDll(), "--scenario", DocketFactory.ScenarioPath, "--data", dataDirectory, "--config", usersFile,
            "--urls", $"http://127.0.0.1:{port}", "--Logging:LogLevel:Default=Warning",
        })
        {
            info.ArgumentList.Add(arg);
        }
        foreach (var arg in extra ?? [])
        {
            info.ArgumentList.Add(arg);
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var server = new ServerProcess(process, port);
        process.OutputDataReceived += (_, e) => server._log.Add(e.Data);
        process.ErrorDataReceived += (_, e) => server._log.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                var exited = new InvalidOperationException($"the server exited with {process.ExitCode}:\n{server.Log}");
                await server.DisposeAsync();
                throw exited;
            }
            try
            {
                if ((await server.Client.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        await server.DisposeAsync();
        throw new TimeoutException($"the server did not answer /health within 60 s:\n{server.Log}");
    }

    /// <summary>SIGKILL: no shutdown, no flush.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Kill();
        }
        _process.Dispose();
        Client.Dispose();
        await Task.CompletedTask;
    }

    /// <summary>src/Docket.Server/bin/{Configuration}/net10.0/Docket.Server.dll, built with this test project.</summary>
    public static string ServerDll()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = here.Parent?.Name ?? "Release";
        for (var dir = here; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Docket.Server", "bin", configuration, "net10.0", "Docket.Server.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException($"Docket.Server.dll ({configuration}) not found above {here.FullName}");
    }

    /// <summary>A free TCP port on loopback.</summary>
    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class StringWriterSink
    {
        private readonly System.Text.StringBuilder _text = new();

        public void Add(string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (_text)
            {
                _text.AppendLine(line);
            }
        }

        public override string ToString()
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }
}
