using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Docket.Server.Tests.Docs;

/// <summary>
/// docs/api.md's third start command, <c>dotnet run --project src/Docket.Cli -c Release -- serve --scenario
/// scenarios/xicheng-pooled.yaml --demo</c>, run as written (plus <c>--no-build</c>, the configuration this test was
/// built in and a free port) from a caller's directory holding the sample scenario at the same relative path, as the
/// repository root does. <c>docket serve</c> finds no Docket.Server.dll beside itself there, so it runs
/// <c>dotnet run --project src/Docket.Server</c> of its source tree, the path that once put the data under
/// src/Docket.Server. The keys it prints must work, and the default SQLite data must land in the caller's
/// <c>./data</c>.
/// </summary>
[Collection(Collection)]
public sealed partial class ServeCommandTests : IDisposable
{
    /// <summary>The tests that start the service through <c>docket serve</c>, one at a time (it may build the server project).</summary>
    public const string Collection = "docket serve";

    private const string DocumentedDemo = "dotnet run --project src/Docket.Cli -c Release -- serve --scenario scenarios/xicheng-pooled.yaml --demo";
    private const string Court = "xicheng-pooled";

    private readonly DirectoryInfo _caller = Directory.CreateTempSubdirectory("docket-serve-caller-");

    public void Dispose() => _caller.Delete(recursive: true);

    [Fact]
    public async Task Docket_serve_demo_prints_working_keys_and_keeps_its_data_in_the_callers_data_directory()
    {
        Assert.Contains(DocumentedDemo, await File.ReadAllTextAsync(RepositoryRoot.File("docs/api.md")), StringComparison.Ordinal);
        Directory.CreateDirectory(Path.Combine(_caller.FullName, "scenarios"));
        File.Copy(RepositoryRoot.File("scenarios/xicheng-pooled.yaml"), Path.Combine(_caller.FullName, "scenarios", "xicheng-pooled.yaml"));
        var serverData = RepositoryRoot.File("src/Docket.Server/data/docket.db");
        var serverDataBefore = File.Exists(serverData);

        var port = FreePort();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Release";
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _caller.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "run", "--project", RepositoryRoot.File("src/Docket.Cli"), "-c", configuration, "--no-build", "--",
                     "serve", "--scenario", "scenarios/xicheng-pooled.yaml", "--demo", "--urls", $"http://127.0.0.1:{port}",
                     // A setting of the server's configuration, passed on as it is (docs/api.md: any key on the command line).
                     "--Docket:Limits:MaxBodyBytes=4096",
                 })
        {
            info.ArgumentList.Add(arg);
        }
        // dotnet test's MSBuild variables would send the children's dotnet run to the test host's MSBuild.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(key);
        }
        info.Environment.Remove("DOCKET_SERVER_DLL");
        var output = new StringBuilder();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => Add(output, e.Data);
        process.ErrorDataReceived += (_, e) => Add(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
            // docket serve builds the server project if it must (dotnet run), so allow for a build.
            var deadline = DateTime.UtcNow.AddSeconds(240);
            while (!Text(output).Contains("demo-admin-", StringComparison.Ordinal) || !await HealthyAsync(client))
            {
                Assert.False(process.HasExited, $"'{DocumentedDemo}' exited with {(process.HasExited ? process.ExitCode : 0)}:\n{Text(output)}");
                Assert.True(DateTime.UtcNow < deadline, $"'{DocumentedDemo}' printed no demo keys or did not answer /health within 240 s:\n{Text(output)}");
                await Task.Delay(200);
            }
            var log = Text(output);
            var keys = DemoKey().Matches(log).GroupBy(m => m.Groups[1].Value).ToDictionary(g => g.Key, g => g.First().Value);
            Assert.Equal(["registrar", "judge", "clerk", "division-head", "president", "reviewer", "auditor", "admin"], keys.Keys);
            Assert.All(keys.Values, key => Assert.Single(Regex.Matches(log, Regex.Escape(key))));

            // The printed keys work: a filing with the registrar's, the court's indicators with the president's.
            using var file = new HttpRequestMessage(HttpMethod.Post, $"api/courts/{Court}/cases")
            {
                Content = new StringContent("""{ "type": "simple_civil" }""", Encoding.UTF8, "application/json"),
            };
            file.Headers.Add("X-Api-Key", keys["registrar"]);
            using var filed = await client.SendAsync(file);
            Assert.True(filed.StatusCode == HttpStatusCode.Created, $"{filed.StatusCode}: {await filed.Content.ReadAsStringAsync()}");
            using var kpis = new HttpRequestMessage(HttpMethod.Get, $"api/courts/{Court}/kpis");
            kpis.Headers.Add("X-Api-Key", keys["president"]);
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(kpis)).StatusCode);
            using var anonymous = await client.GetAsync(new Uri($"api/courts/{Court}/kpis", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

            // The setting given on docket serve's command line reached the server: a body over 4,096 bytes is refused.
            using var large = new HttpRequestMessage(HttpMethod.Post, $"api/courts/{Court}/cases")
            {
                Content = new StringContent("{ \"type\": \"simple_civil\", \"note\": \"" + new string('x', 5000) + "\" }", Encoding.UTF8, "application/json"),
            };
            large.Headers.Add("X-Api-Key", keys["registrar"]);
            using var refused = await client.SendAsync(large);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);

            // The default data directory ./data is the caller's, not the server project's.
            Assert.True(File.Exists(Path.Combine(_caller.FullName, "data", "docket.db")),
                $"no data/docket.db in the caller's directory {_caller.FullName}:\n{log}");
            if (!serverDataBefore)
            {
                Assert.False(File.Exists(serverData), $"docket serve wrote {serverData}");
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
            await process.WaitForExitAsync();
        }
    }

    internal static async Task<bool> HealthyAsync(HttpClient client)
    {
        try
        {
            using var response = await client.GetAsync(new Uri("health", UriKind.Relative));
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    internal static void Add(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    internal static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"demo-([a-z-]+?)-[0-9a-f]{16}\b")]
    private static partial Regex DemoKey();
}
