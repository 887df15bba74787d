using System.Diagnostics;
using System.Text.RegularExpressions;
using Docket.Domain.Ledger;

namespace Docket.Server.Tests.Docs;

/// <summary>
/// The ledger exports the docs show, run as written against the server the walk-through starts (its own, so the
/// walk-through's ledger is not changed under it): docs/replay.md's "Exporting the ledger" block (an admin rotates the
/// seed, an auditor exports) and docs/api.md's export command, each in a fresh directory (they write their file where
/// they run), their requests sent to this server.
/// </summary>
public sealed partial class ExportBlocksTests(DocumentedServer server) : IClassFixture<DocumentedServer>, IDisposable
{
    private readonly DirectoryInfo _caller = Directory.CreateTempSubdirectory("docket-export-");

    public void Dispose() => _caller.Delete(recursive: true);

    [Fact]
    public async Task The_replay_docs_rotation_and_export_write_a_ledger_that_reveals_the_seed_and_the_api_docs_export_the_same_ledger()
    {
        var replayBlock = Block("docs/replay.md", "## Exporting the ledger");
        Assert.Contains("rotate-seed", replayBlock, StringComparison.Ordinal);
        var (exit, output) = await RunAsync(replayBlock);
        Assert.True(exit == 0, $"the block exited {exit}:\n{replayBlock}\n{output}");
        var lines = await File.ReadAllLinesAsync(Path.Combine(_caller.FullName, "xicheng-pooled.ledger.jsonl"));
        Assert.True(lines.Length >= 2, $"the export holds {lines.Length} lines:\n{output}");
        var entries = lines.Select(LedgerEntry.Parse).ToList();
        Assert.Equal(LedgerKinds.Genesis, entries[0].Kind);
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries.Select(e => e.Seq));
        var seed = entries.Last(e => e.Kind == LedgerKinds.Seed);
        Assert.False(string.IsNullOrEmpty(seed.RevealedSecret), "the rotation reveals the epoch's secret");

        var apiCommand = ApiExport().Match(await File.ReadAllTextAsync(RepositoryRoot.File("docs/api.md")));
        Assert.True(apiCommand.Success, "docs/api.md shows the export command");
        (exit, output) = await RunAsync(apiCommand.Value);
        Assert.True(exit == 0, $"'{apiCommand.Value}' exited {exit}:\n{output}");
        var exported = await File.ReadAllLinesAsync(Path.Combine(_caller.FullName, "ledger.jsonl"));
        // The same ledger, and nothing filed since the rotation: the api doc's export starts with the replay doc's.
        Assert.Equal(lines, exported.Take(lines.Length));
    }

    /// <summary>The first fenced bash block after <paramref name="heading"/> in <paramref name="doc"/>.</summary>
    private static string Block(string doc, string heading)
    {
        var text = File.ReadAllText(RepositoryRoot.File(doc)).ReplaceLineEndings("\n");
        var start = text.IndexOf(heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"{doc} has no section '{heading}'");
        var block = FencedBash().Match(text, start);
        Assert.True(block.Success, $"{doc}, '{heading}': no bash block");
        return block.Groups[1].Value;
    }

    private async Task<(int Exit, string Output)> RunAsync(string script)
    {
        var info = RepositoryRoot.Bash(script.Replace(WalkThrough.DocumentedBase, server.BaseUrl, StringComparison.Ordinal));
        info.WorkingDirectory = _caller.FullName;
        using var bash = Process.Start(info) ?? throw new InvalidOperationException("bash did not start");
        var stdout = bash.StandardOutput.ReadToEndAsync();
        var stderr = bash.StandardError.ReadToEndAsync();
        await bash.WaitForExitAsync();
        return (bash.ExitCode, await stdout + await stderr);
    }

    [GeneratedRegex(@"```bash\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex FencedBash();

    [GeneratedRegex(@"curl -s 'http://127\.0\.0\.1:5000/api/courts/xicheng-pooled/ledger\?format=jsonl' [^\n]*> ledger\.jsonl")]
    private static partial Regex ApiExport();
}
