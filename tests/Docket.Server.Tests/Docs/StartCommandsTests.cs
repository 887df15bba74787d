using System.Diagnostics;
using System.Net;
using System.Text;

namespace Docket.Server.Tests.Docs;

/// <summary>
/// docs/api.md's first two start commands ("Starting it": the server project, and the same through <c>docket serve</c>),
/// run as written (plus <c>--no-build</c>, the configuration this test was built in and a free port) from a caller's
/// directory holding the sample scenario and users file at the same relative paths, as the repository root does: the
/// service answers, the users file's keys work, and the default SQLite data lands in the caller's <c>./data</c>.
/// (The third, <c>--demo</c>, is <see cref="ServeCommandTests"/>'s.)
/// </summary>
[Collection(ServeCommandTests.Collection)]
public sealed class StartCommandsTests : IDisposable
{
    private const string Court = "xicheng-pooled";

    private readonly DirectoryInfo _caller = Directory.CreateTempSubdirectory("docket-start-caller-");

    public void Dispose() => _caller.Delete(recursive: true);

    [Theory]
    [InlineData("dotnet run --project src/Docket.Server -c Release -- --scenario scenarios/xicheng-pooled.yaml --config users.example.json")]
    [InlineData("dotnet run --project src/Docket.Cli -c Release -- serve --scenario scenarios/xicheng-pooled.yaml --config users.example.json")]
    public async Task A_documented_start_with_the_sample_users_file_serves_with_its_keys_and_keeps_its_data_in_the_callers_directory(string command)
    {
        Assert.Contains(command + "\n", (await File.ReadAllTextAsync(RepositoryRoot.File("docs/api.md"))).ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Directory.CreateDirectory(Path.Combine(_caller.FullName, "scenarios"));
        File.Copy(RepositoryRoot.File("scenarios/xicheng-pooled.yaml"), Path.Combine(_caller.FullName, "scenarios", "xicheng-pooled.yaml"));
        File.Copy(RepositoryRoot.File("users.example.json"), Path.Combine(_caller.FullName, "users.example.json"));

        // "dotnet run --project P -c Release -- ARGS" with the project found from the repository root.
        var words = command.Split(' ');
        var separator = Array.IndexOf(words, "--");
        var port = ServerProcess.FreePort();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Release";
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _caller.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "run", "--project", RepositoryRoot.File(words[3]), "-c", configuration, "--no-build", "--" }
                     .Concat(words[(separator + 1)..]).Concat(["--urls", $"http://127.0.0.1:{port}"]))
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
        process.OutputDataReceived += (_, e) => ServeCommandTests.Add(output, e.Data);
        process.ErrorDataReceived += (_, e) => ServeCommandTests.Add(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
            var deadline = DateTime.UtcNow.AddSeconds(240);
            while (!await ServeCommandTests.HealthyAsync(client))
            {
                Assert.False(process.HasExited, $"'{command}' exited with {(process.HasExited ? process.ExitCode : 0)}:\n{ServeCommandTests.Text(output)}");
                Assert.True(DateTime.UtcNow < deadline, $"'{command}' did not answer /health within 240 s:\n{ServeCommandTests.Text(output)}");
                await Task.Delay(200);
            }

            // The users file's keys: a filing with the registrar's, the court's export with the auditor's; none without a key.
            using var file = new HttpRequestMessage(HttpMethod.Post, $"api/courts/{Court}/cases")
            {
                Content = new StringContent("""{ "type": "simple_civil" }""", Encoding.UTF8, "application/json"),
            };
            file.Headers.Add("X-Api-Key", "example-registrar-key");
            using var filed = await client.SendAsync(file);
            Assert.True(filed.StatusCode == HttpStatusCode.Created, $"{filed.StatusCode}: {await filed.Content.ReadAsStringAsync()}\n{ServeCommandTests.Text(output)}");
            using var export = new HttpRequestMessage(HttpMethod.Get, $"api/courts/{Court}/ledger?format=jsonl");
            export.Headers.Add("X-Api-Key", "example-auditor-key");
            using var exported = await client.SendAsync(export);
            Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
            using var anonymous = await client.GetAsync(new Uri($"api/courts/{Court}/kpis", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

            Assert.True(File.Exists(Path.Combine(_caller.FullName, "data", "docket.db")),
                $"no data/docket.db in the caller's directory {_caller.FullName}:\n{ServeCommandTests.Text(output)}");
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
}
