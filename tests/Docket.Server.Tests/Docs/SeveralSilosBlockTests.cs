using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Docket.Server.Tests.Cluster;
using StackExchange.Redis;

namespace Docket.Server.Tests.Docs;

/// <summary>
/// docs/api.md's "Several silos" block is marked as the loopback form of a setup whose silos and stores are on other
/// machines in production; this test runs that block as written from the repository root, with bash, changing only
/// what a test run must: this build (<c>--no-build</c>, its configuration), two free ports in place of 5081 and 5082,
/// a fresh database of the test PostgreSQL (and the test stores' addresses where they differ from the doc's), and a
/// cluster id of its own. The block's <c>.ci/stores.sh start</c> finds the stores answering and only prints them.
/// Its two silos form one cluster and serve one court: a case filed through one is read through the other.
/// </summary>
public sealed partial class SeveralSilosBlockTests : IAsyncLifetime, IUsesClusterStores
{
    private const string Heading = "## Several silos";
    private PostgresDatabase? _database;

    public async Task InitializeAsync() => _database = await PostgresDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_several_silos_block_runs_as_written_on_loopback_and_its_silos_serve_one_court()
    {
        var redis = ClusterStores.RequireRedis();
        var block = Block();
        Assert.Contains("on loopback", Paragraph(), StringComparison.Ordinal);
        var clusterId = "docket-doc-" + Guid.NewGuid().ToString("N")[..8];
        var ports = new[] { ServerProcess.FreePort(), ServerProcess.FreePort() };
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Release";
        var documentedPostgres = DocumentedPostgres().Match(block);
        Assert.True(documentedPostgres.Success, $"the block sets no PG=\"…\":\n{block}");
        var script = Replace(block, "for port in 5081 5082", $"for port in {ports[0]} {ports[1]}");
        script = Replace(script, "-c Release --", $"-c {configuration} --no-build --");
        script = Replace(script, "--urls http://127.0.0.1:$port", $"--urls http://127.0.0.1:$port --Docket:Cluster:ClusterId={clusterId}");
        script = Replace(script, documentedPostgres.Value, $"PG=\"{_database!.ConnectionString}\"");
        script = script.Replace("--redis 127.0.0.1:56379", $"--redis {redis}", StringComparison.Ordinal) + "\nwait\n";

        var output = new StringBuilder();
        using var bash = Process.Start(RepositoryRoot.Bash(script)) ?? throw new InvalidOperationException("bash did not start");
        bash.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        bash.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        bash.BeginOutputReadLine();
        bash.BeginErrorReadLine();
        string Log() { lock (output) { return output.ToString(); } }
        try
        {
            var silos = ports.Select(p => new Uri($"http://127.0.0.1:{p}")).ToArray();
            foreach (var silo in silos)
            {
                await WaitForHealth(silo, bash, Log);
            }
            await using (var connection = await ConnectionMultiplexer.ConnectAsync(redis))
            {
                var members = await connection.GetDatabase().HashGetAllAsync($"docket/members/{clusterId}");
                var active = members.Where(m => m.Name.ToString().StartsWith("S127.0.0.1:", StringComparison.Ordinal))
                    .Count(m => JsonDocument.Parse(m.Value.ToString()).RootElement.GetProperty("Status").GetInt32() == 3); // SiloStatus.Active
                Assert.True(active == 2, $"{active} active silos in cluster {clusterId}:\n{Log()}");
            }
            using var registrar = new HttpClient { BaseAddress = silos[0], Timeout = TimeSpan.FromSeconds(30) };
            registrar.DefaultRequestHeaders.Add("X-Api-Key", "example-registrar-key");
            using var filing = await registrar.PostAsync(new Uri("/api/courts/xicheng-pooled/cases", UriKind.Relative),
                new StringContent("{ \"type\": \"simple_civil\" }", Encoding.UTF8, "application/json"));
            var filed = await filing.Content.ReadAsStringAsync();
            Assert.True(filing.StatusCode == HttpStatusCode.Created, $"{filing.StatusCode} {filed}\n{Log()}");
            var id = JsonDocument.Parse(filed).RootElement.GetProperty("id").GetString();
            using var clerk = new HttpClient { BaseAddress = silos[1], Timeout = TimeSpan.FromSeconds(30) };
            clerk.DefaultRequestHeaders.Add("X-Api-Key", "example-clerk-key");
            using var read = await clerk.GetAsync(new Uri($"/api/cases/{id}", UriKind.Relative));
            Assert.True(read.StatusCode == HttpStatusCode.OK, $"{read.StatusCode} {await read.Content.ReadAsStringAsync()}\n{Log()}");
        }
        finally
        {
            if (!bash.HasExited)
            {
                bash.Kill(entireProcessTree: true);
            }
            await bash.WaitForExitAsync();
        }
    }

    /// <summary>The section's bash block.</summary>
    private static string Block()
    {
        var section = Section();
        var block = BashBlock().Match(section);
        Assert.True(block.Success, $"docs/api.md, '{Heading}': no bash block");
        return block.Groups[1].Value;
    }

    /// <summary>The prose right above the block, which says what the block is.</summary>
    private static string Paragraph()
    {
        var section = Section();
        return section[..section.IndexOf("```bash", StringComparison.Ordinal)];
    }

    private static string Section()
    {
        var text = File.ReadAllText(RepositoryRoot.File("docs/api.md")).ReplaceLineEndings("\n");
        var start = text.IndexOf(Heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/api.md has no section '{Heading}'");
        var end = text.IndexOf("\n## ", start + Heading.Length, StringComparison.Ordinal);
        return end < 0 ? text[start..] : text[start..end];
    }

    private static string Replace(string text, string documented, string forTheTest)
    {
        Assert.True(text.Contains(documented, StringComparison.Ordinal), $"the block no longer holds '{documented}':\n{text}");
        return text.Replace(documented, forTheTest, StringComparison.Ordinal);
    }

    private static async Task WaitForHealth(Uri silo, Process bash, Func<string> log)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(bash.HasExited, $"the block's script exited with {(bash.HasExited ? bash.ExitCode : 0)}:\n{log()}");
            try
            {
                if ((await client.GetAsync(new Uri(silo, "/health"))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"{silo} did not answer /health within 120 s:\n{log()}");
    }

    [GeneratedRegex(@"```bash\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex BashBlock();

    [GeneratedRegex(@"PG=""[^""]*""")]
    private static partial Regex DocumentedPostgres();
}
