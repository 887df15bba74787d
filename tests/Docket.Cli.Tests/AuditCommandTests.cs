using System.Text.Json;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Domain.Replay;
using Docket.Domain.Scenarios;
using Docket.Domain.Tests.Audit;
using Docket.Domain.Tests.Replay;
using Xunit.Abstractions;

namespace Docket.Cli.Tests;

/// <summary>
/// `docket audit randomness`: the committed sample ledger is what the live court's commands write; docs/audit.md's
/// commands run as written; an honest ledger exits 0, a skewed one 3 listing the favoured team (text and JSON); bad
/// input exits 2 naming file:line:column.
/// </summary>
public sealed class AuditCommandTests(ITestOutputHelper log)
{
    /// <summary>The sample: <see cref="LiveLedger.Write"/> on scenarios/minimal.yaml's court, 600 filings, seed 2026.</summary>
    private const string SampleScenario = "scenarios/minimal.yaml";
    private const string SampleLedger = "scenarios/minimal.ledger.jsonl";

    [Fact]
    public void The_committed_sample_ledger_is_the_one_the_live_courts_commands_write()
    {
        var expected = string.Join("", LiveLedger.Write(LedgerLines.CourtOf(SampleScenario, "minimal"), 600, 2026).Select(l => l + "\n"));
        var path = Root(SampleLedger);
        if (Environment.GetEnvironmentVariable("DOCKET_WRITE_AUDIT_SAMPLE") == "1")
        {
            File.WriteAllText(path, expected);
        }
        Assert.True(File.Exists(path), $"{SampleLedger} is missing: write it with DOCKET_WRITE_AUDIT_SAMPLE=1 (docs/audit.md)");
        Assert.Equal(expected, File.ReadAllText(path));
    }

    [Fact]
    public async Task The_docs_commands_run_as_written_with_the_exit_they_document()
    {
        Assert.True(await DocumentedBlocks.RunAsync("docs/audit.md", "audit randomness") >= 1, "docs/audit.md's blocks");
    }

    [Fact]
    public async Task The_docs_pasted_output_is_what_the_first_command_prints()
    {
        var doc = File.ReadAllText(Root("docs/audit.md")).ReplaceLineEndings("\n");
        var start = doc.IndexOf("The first prints\n\n```\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/audit.md pastes the first command's output after 'The first prints'");
        start = doc.IndexOf("```\n", start, StringComparison.Ordinal) + 4;
        var pasted = doc[start..doc.IndexOf("```", start, StringComparison.Ordinal)];
        var (exit, output, error) = await CliRunner.RunAsync("audit", "randomness", Root(SampleLedger));
        Assert.True(exit == 0, output + error);
        Assert.Equal(pasted, output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task The_sample_ledger_passes_with_its_draws_and_decisions_by_rule_counted_exit_0()
    {
        var (exit, output, error) = await CliRunner.RunAsync("audit", "randomness", Root(SampleLedger), "--scenario", Root(SampleScenario), "--json");
        Assert.True(exit == 0, output + error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.False(root.GetProperty("departs").GetBoolean());
        Assert.Equal("holm_across_periods", root.GetProperty("correction").GetString());
        var lines = File.ReadAllLines(Root(SampleLedger)).Select(LedgerEntry.Parse).ToList();
        Assert.Equal(lines.Count(e => e.Draw is not null), root.GetProperty("drawn").GetProperty("uniform").GetInt64());
        Assert.Equal(lines.Count(e => e.Kind == LedgerKinds.Pull), root.GetProperty("not_tested").TryGetProperty("pull", out var pull) ? pull.GetInt64() : 0);
        Assert.Equal(lines.Count, root.GetProperty("chain").GetProperty("re_verified").GetInt64());
        Assert.All(root.GetProperty("periods").EnumerateArray(), p => Assert.Equal(p.GetProperty("cells").GetArrayLength() - 1, p.GetProperty("df").GetInt32()));
        Assert.Empty(root.GetProperty("departing").EnumerateArray());
    }

    [Fact]
    public async Task A_ledger_read_from_a_pipe_is_audited_and_re_verified_as_the_same_file_is()
    {
        var (exit, expected, error) = await CliRunner.RunAsync("audit", "randomness", Root(SampleLedger), "--scenario", Root(SampleScenario), "--json");
        Assert.True(exit == 0, expected + error);
        var fifo = Path.Combine(Path.GetTempPath(), $"docket-audit-{Guid.NewGuid():N}.fifo");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", fifo))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }
        try
        {
            // The writer's open waits for the reader's, and its write for the reader to read: the pipe is read once.
            // Both sides time out rather than hang (a second read of the pipe would wait for a writer for ever).
            var writing = Task.Run(() => File.WriteAllBytes(fifo, File.ReadAllBytes(Root(SampleLedger))));
            var (pipedExit, piped, pipedError) = await Task.Run(() => CliRunner.RunAsync("audit", "randomness", fifo, "--scenario", Root(SampleScenario), "--json"))
                .WaitAsync(TimeSpan.FromSeconds(60));
            await writing.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.True(pipedExit == 0, piped + pipedError);
            Assert.Equal(expected, piped);
        }
        finally
        {
            File.Delete(fifo);
        }
    }

    [Fact]
    public async Task A_favoured_team_exits_3_and_is_listed_in_text_and_json()
    {
        var path = LedgerLines.Write(AuditLedgers.Write(AuditLedgers.Court(5), 5_000, seed: 3, days: 80, favoured: "t-2", factor: 1.3));

        var (exit, output, error) = await CliRunner.RunAsync("audit", "randomness", path, "--period", "quarter");
        Assert.True(exit == 3, output + error);
        log.WriteLine(output);
        Assert.Contains("departing at alpha 0.01", output, StringComparison.Ordinal);
        Assert.Contains("  2026-Q1 t-2: observed ", output, StringComparison.Ordinal);

        (exit, output, _) = await CliRunner.RunAsync("audit", "randomness", path, "--period", "year", "--alpha", "0.001", "--json");
        Assert.Equal(3, exit);
        using var json = JsonDocument.Parse(output);
        Assert.True(json.RootElement.GetProperty("departs").GetBoolean());
        var favoured = json.RootElement.GetProperty("departing").EnumerateArray().Single(c => c.GetProperty("teams")[0].GetString() == "t-2");
        Assert.Equal("2026", favoured.GetProperty("period").GetString());
        Assert.True(favoured.GetProperty("observed").GetInt64() > favoured.GetProperty("expected").GetDouble());
        Assert.True(favoured.GetProperty("residual").GetDouble() > 0);
    }

    [Fact]
    public async Task Bad_input_exits_2_naming_the_file_line_and_column()
    {
        var lines = File.ReadAllLines(Root(SampleLedger)).ToList();
        var index = lines.FindIndex(l => LedgerEntry.Parse(l).Kind == LedgerKinds.Assign);

        var notJson = LedgerLines.Write([.. lines.Take(3), "{not json"]);
        var (exit, _, error) = await CliRunner.RunAsync("audit", "randomness", notJson);
        Assert.Equal(2, exit);
        Assert.Contains($"{notJson}:4:2: not a ledger entry", error, StringComparison.Ordinal);

        var unknown = LedgerLines.Rechain(lines, index, LedgerEntry.Parse(lines[index]) with { Kind = "bribe" });
        var unknownPath = LedgerLines.Write(unknown);
        (exit, _, error) = await CliRunner.RunAsync("audit", "randomness", unknownPath);
        Assert.Equal(2, exit);
        Assert.Contains($"{LedgerFile.At(unknownPath, index + 1, unknown[index], "kind")}: entry {index + 1}: unknown entry kind 'bribe'", error, StringComparison.Ordinal);

        var broken = lines.ToList();
        broken[index] = broken[index].Replace("\"registrar\"", "\"registrat\"", StringComparison.Ordinal);
        var brokenPath = LedgerLines.Write(broken);
        (exit, _, error) = await CliRunner.RunAsync("audit", "randomness", brokenPath);
        Assert.Equal(2, exit);
        Assert.Contains($"{LedgerFile.At(brokenPath, index + 2, broken[index + 1], "prev")}: entry {index + 2}'s prev does not match", error, StringComparison.Ordinal);

        // A team forged and re-chained: the hashes hold, the draw re-made with the revealed secret does not.
        var entry = LedgerEntry.Parse(lines[index]);
        var forgedPath = LedgerLines.Write(LedgerLines.Rechain(lines, index, entry with { Team = entry.Eligible!.First(t => t != entry.Team) }));
        (exit, _, _) = await CliRunner.RunAsync("audit", "randomness", forgedPath);
        Assert.Equal(0, exit);
        (exit, _, error) = await CliRunner.RunAsync("audit", "randomness", forgedPath, "--scenario", Root(SampleScenario));
        Assert.Equal(2, exit);
        Assert.Contains($"{forgedPath}:{index + 1}:1: the ledger fails verification at entry {index + 1}: the draw re-made gives {entry.Team}", error, StringComparison.Ordinal);

        (exit, _, error) = await CliRunner.RunAsync("audit", "randomness", Root(SampleLedger), "--scenario", Root("scenarios/xicheng-pooled.yaml"));
        Assert.Equal(2, exit);
        Assert.Contains("has no court 'minimal'", error, StringComparison.Ordinal);

        (exit, _, error) = await CliRunner.RunAsync("audit", "randomness", Root(SampleLedger), "--period", "week");
        Assert.Equal(2, exit);
        Assert.Contains("--period: 'week' is not a period (month, quarter or year)", error, StringComparison.Ordinal);

        (exit, _, error) = await CliRunner.RunAsync("audit", "randomness", Root(SampleLedger), "--alpha", "1.5");
        Assert.Equal(2, exit);
        Assert.Contains("--alpha: 1.5 is not a level between 0 and 1", error, StringComparison.Ordinal);

        (exit, _, error) = await CliRunner.RunAsync("audit", "randomness", "no-such.jsonl");
        Assert.Equal(2, exit);
        Assert.Contains("no-such.jsonl: no such ledger file", error, StringComparison.Ordinal);
    }

    private static string Root(string path) => Path.Combine(CliRunner.RepoRoot(), path);
}
