using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Docket.Server.Tests.Docs;

/// <summary>
/// docs/api.md's block of <c>docket ledger</c> commands, run as written (with <c>--no-build</c> and this build's
/// configuration) from a directory laid out like the repository root, after a service has run there on the scenario
/// the block names with the default data directory <c>./data</c>: each command exits 0, and the verification finds
/// the court's ledger valid through its signed checkpoints.
/// </summary>
public sealed class LedgerCommandsBlockTests : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "docket-ledger-docs-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        foreach (var folder in new[] { "src", "scenarios" })
        {
            Directory.CreateSymbolicLink(Path.Combine(_root, folder), RepositoryRoot.File(folder));
        }
        foreach (var file in new[] { "Actors.sln", "Directory.Build.props", "Directory.Packages.props", ".editorconfig" })
        {
            File.CreateSymbolicLink(Path.Combine(_root, file), RepositoryRoot.File(file));
        }
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        // The links go, not what they point at.
        foreach (var link in new DirectoryInfo(_root).EnumerateFileSystemInfos().Where(e => e.LinkTarget is not null))
        {
            link.Delete();
        }
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_ledger_commands_block_runs_as_written_and_verifies_the_service_s_ledger()
    {
        var lines = File.ReadAllText(RepositoryRoot.File("docs/api.md")).Split('\n')
            .Where(l => l.StartsWith("dotnet run --project src/Docket.Cli -c Release -- ledger ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, lines.Count);
        var scenario = lines.Single(l => l.Contains(" verify ", StringComparison.Ordinal)).Split(' ')[9];
        // The service as the walk-through runs it (the sample users), on SQLite under ./data, its last --scenario the block's.
        await using (var server = await ServerProcess.StartAsync(Path.Combine(_root, "data"), RepositoryRoot.File("users.example.json"),
            ["--scenario", Path.Combine(_root, scenario)]))
        {
            using var client = new HttpClient();
            Assert.Contains("\"ok\"", await client.GetStringAsync(new Uri($"http://127.0.0.1:{server.Port}/health")), StringComparison.Ordinal);
        }
        SqliteConnection.ClearAllPools();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Release";
        var outputs = new List<string>();
        foreach (var line in lines)
        {
            var info = RepositoryRoot.Bash(line.Replace("-c Release --", $"-c {configuration} --no-build --", StringComparison.Ordinal));
            info.WorkingDirectory = _root;
            using var bash = Process.Start(info)!;
            var output = await bash.StandardOutput.ReadToEndAsync() + await bash.StandardError.ReadToEndAsync();
            await bash.WaitForExitAsync();
            Assert.True(bash.ExitCode == 0, $"'{line}' exited {bash.ExitCode}:\n{output}");
            outputs.Add(output);
        }
        Assert.Contains("BEGIN PUBLIC KEY", outputs[0], StringComparison.Ordinal);
        Assert.Contains("court xicheng-pooled: valid", outputs[1], StringComparison.Ordinal);
        Assert.Contains("signed checkpoints matched", outputs[1], StringComparison.Ordinal);
    }
}
