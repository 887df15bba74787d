using System.Text.Json;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Domain.Replay;
using Docket.Domain.Scenarios;
using Docket.Domain.Tests.Replay;

namespace Docket.Cli.Tests;

/// <summary>
/// `docket replay`: the committed sample ledger is what the live court's commands write; docs/replay.md's commands
/// run as written; a ledger replays one to one (exit 0), a forged one exits 3, bad input exits 2 naming the fault.
/// </summary>
public sealed class ReplayCommandTests
{
    /// <summary>The sample: <see cref="LiveLedger.Write"/> on scenarios/xicheng-pooled.yaml's court, 60 filings, seed 2026.</summary>
    private const string SampleScenario = "scenarios/xicheng-pooled.yaml";
    private const string SampleLedger = "scenarios/xicheng-pooled.ledger.jsonl";

    [Fact]
    public void The_committed_sample_ledger_is_the_one_the_live_courts_commands_write()
    {
        var expected = string.Join("", LiveLedger.Write(LedgerLines.CourtOf(SampleScenario, "xicheng-pooled"), 60, 2026).Select(l => l + "\n"));
        var path = Path.Combine(CliRunner.RepoRoot(), SampleLedger);
        if (Environment.GetEnvironmentVariable("DOCKET_WRITE_SAMPLE_LEDGER") == "1")
        {
            File.WriteAllText(path, expected);
        }
        Assert.True(File.Exists(path), $"{SampleLedger} is missing: write it with DOCKET_WRITE_SAMPLE_LEDGER=1 (docs/replay.md)");
        Assert.Equal(expected, File.ReadAllText(path));
    }

    [Fact]
    public async Task The_docs_commands_run_as_written_with_the_exit_they_document()
    {
        var blocks = await DocumentedBlocks.RunAsync("docs/replay.md", "replay");
        Assert.True(blocks >= 2, "docs/replay.md's 'Running it' and 'Another layout' blocks");
    }

    [Fact]
    public async Task The_sample_ledger_replays_one_to_one()
    {
        var (exit, output, error) = await CliRunner.RunAsync("replay", Root(SampleScenario), Root(SampleLedger), "--json");
        Assert.True(exit == 0, output + error);
        using var json = JsonDocument.Parse(output);
        var cases = json.RootElement.GetProperty("cases").GetInt32();
        Assert.Equal(60, cases);
        Assert.Equal(cases, json.RootElement.GetProperty("same_team").GetInt32());
        Assert.Equal(cases, json.RootElement.GetProperty("same_judge").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("unrevealed").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("mismatches").GetArrayLength());
    }

    [Fact]
    public async Task The_replays_caseload_is_the_one_the_live_courts_kpis_count_on_the_same_ledger_as_of_its_last_entry()
    {
        var (exit, output, error) = await CliRunner.RunAsync("replay", Root(SampleScenario), Root(SampleLedger), "--json");
        Assert.True(exit == 0, output + error);
        using var json = JsonDocument.Parse(output);
        var caseload = json.RootElement.GetProperty("caseload");

        // The live court's own state from the same ledger, and its KPIs as of the last entry.
        var lines = LedgerFile.Read(File.ReadLines(Root(SampleLedger)), SampleLedger);
        var court = LedgerLines.CourtOf(SampleScenario, "xicheng-pooled");
        var state = new CourtState(court, e => LedgerFile.RevealedSecrets(lines, SampleLedger).GetValueOrDefault(e)) { TracksFinished = true };
        foreach (var line in lines)
        {
            Assert.Null(state.Replay(new LedgerRecord(court.Id, line.Entry.Seq, line.Entry.Kind, line.Entry.Case, line.Text, line.Hash)));
        }
        var finished = new FinishedCaseTable();
        finished.Put(state.DrainFinished());
        var kpis = CourtIndicators.Compute(state, finished, null, lines[^1].Entry.At);
        Assert.Equal(kpis.Since, caseload.GetProperty("since").GetDateTimeOffset());
        Assert.Equal(kpis.AsOf, caseload.GetProperty("as_of").GetDateTimeOffset());
        Assert.Equal(kpis.PendingStart, caseload.GetProperty("pending_start").GetInt64());
        Assert.Equal(kpis.Filed, caseload.GetProperty("filed").GetInt64());
        Assert.Equal(kpis.Closed, caseload.GetProperty("closed").GetInt64());
        Assert.Equal(kpis.PendingEnd, caseload.GetProperty("pending_end").GetInt64());
        Assert.Equal(kpis.Waiting, caseload.GetProperty("waiting").GetInt64());
        Assert.Equal(kpis.ClosureRate, caseload.GetProperty("closure_rate").GetDouble(), 12);
        Assert.Equal(kpis.ClearanceRatio, caseload.GetProperty("clearance_ratio").GetDouble(), 12);
        Assert.Equal(kpis.PendingAgeDays.Mean, caseload.GetProperty("pending_age_days").GetProperty("mean").GetDouble(), 12);
        Assert.Equal(kpis.PendingAgeDays.P90, caseload.GetProperty("pending_age_days").GetProperty("p90").GetDouble(), 12);
        Assert.Equal(kpis.LongPending.Over365, caseload.GetProperty("long_pending").GetProperty("over_365").GetInt64());
        Assert.Equal(kpis.Balance.CaseloadGini, caseload.GetProperty("caseload_gini").GetDouble(), 12);
        // The balance indicators as the simulator counts them for summary.json: the live court's.
        var balance = json.RootElement.GetProperty("balance");
        Assert.Equal(kpis.Balance.Index, balance.GetProperty("index").GetDouble(), tolerance: 1e-9);
        Assert.Equal(kpis.Balance.TimeLimitChangeRate, balance.GetProperty("time_limit_change_rate").GetDouble(), tolerance: 1e-9);
        Assert.Equal(kpis.Balance.TrialTimeIndex, balance.GetProperty("trial_time_index").GetDouble(), tolerance: 1e-9);
        Assert.Equal(kpis.Balance.MediationAndSimpleShare, balance.GetProperty("mediation_and_simple_share").GetDouble(), tolerance: 1e-9);
        Assert.Equal(kpis.Balance.LongPendingShare, balance.GetProperty("long_pending_share").GetDouble(), tolerance: 1e-9);
        Assert.Equal(JsonValueKind.Null, balance.GetProperty("file_transfer_days").ValueKind);
        Assert.Equal(kpis.Balance.CaseloadGini, balance.GetProperty("caseload_gini").GetDouble(), 12);
        Assert.True(kpis.Balance.TrialTimeIndex > 0, "the sample's closed cases have limits");
        // The sample closes some of its cases and leaves the rest open: the figures are not all zero.
        Assert.True(kpis.Closed > 0 && kpis.PendingEnd > 0, $"{kpis.Closed} closed, {kpis.PendingEnd} pending");
    }

    [Fact]
    public async Task A_forged_team_exits_3_listing_the_case_with_both_teams()
    {
        var lines = File.ReadAllLines(Root(SampleLedger)).ToList();
        var index = lines.FindIndex(l => LedgerEntry.Parse(l) is { Kind: LedgerKinds.Assign, Eligible.Length: > 1, Policy: "weighted_random" });
        var entry = LedgerEntry.Parse(lines[index]);
        var other = entry.Eligible!.First(t => t != entry.Team);
        var path = LedgerLines.Write(LedgerLines.Rechain(lines, index, entry with { Team = other }));
        var outDir = Path.Combine(Path.GetTempPath(), "docket-replay-" + Guid.NewGuid().ToString("N"));

        var (exit, output, error) = await CliRunner.RunAsync("replay", Root(SampleScenario), path, "--out", outDir);
        Assert.True(exit == 3, output + error);
        Assert.Contains($"{entry.Case}, entry {entry.Seq} (assign): ledger {other} / ", output, StringComparison.Ordinal);
        Assert.Contains($"replayed {entry.Team} / ", output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "replay.json")));
        var mismatch = json.RootElement.GetProperty("mismatches")[0];
        Assert.Equal(entry.Case, mismatch.GetProperty("case").GetString());
        Assert.Equal(other, mismatch.GetProperty("ledger_team").GetString());
        Assert.Equal(entry.Team, mismatch.GetProperty("replayed_team").GetString());
    }

    [Fact]
    public async Task An_unknown_team_or_case_type_exits_2_naming_it()
    {
        var lines = File.ReadAllLines(Root(SampleLedger)).ToList();
        var index = lines.FindIndex(l => LedgerEntry.Parse(l).Kind == LedgerKinds.Assign);
        var entry = LedgerEntry.Parse(lines[index]);

        var (exit, _, error) = await CliRunner.RunAsync("replay", Root(SampleScenario), LedgerLines.Write(LedgerLines.Rechain(lines, index, entry with { Team = "civil-999" })));
        Assert.Equal(2, exit);
        Assert.Contains($"entry {entry.Seq}: the scenario's court 'xicheng-pooled' has no team 'civil-999'", error, StringComparison.Ordinal);

        (exit, _, error) = await CliRunner.RunAsync("replay", Root(SampleScenario), LedgerLines.Write(LedgerLines.Rechain(lines, index, entry with { Type = "divorce" })));
        Assert.Equal(2, exit);
        Assert.Contains("no case type 'divorce'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scenario_without_the_ledgers_court_exits_2_naming_the_court_and_writes_nothing()
    {
        var scenario = File.ReadAllText(Root(SampleScenario)).Replace("name: xicheng-pooled", "name: xicheng-elsewhere", StringComparison.Ordinal);
        Assert.NotEqual(File.ReadAllText(Root(SampleScenario)), scenario);
        var outDir = Path.Combine(Path.GetTempPath(), "docket-replay-" + Guid.NewGuid().ToString("N"));
        var (exit, output, error) = await CliRunner.RunAsync("replay", CliRunner.WriteTemp(scenario), Root(SampleLedger), "--json", "--out", outDir);
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains($"{SampleLedger}:1: the scenario has no court 'xicheng-pooled' (courts: xicheng-elsewhere)", error.Replace('\\', '/'), StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public async Task A_case_type_no_team_of_the_scenario_takes_exits_2_naming_its_first_entry_and_writes_nothing()
    {
        // The enforcement teams hear criminal cases instead, and the scenario files no enforcement case of its own.
        var scenario = string.Join('\n', File.ReadAllLines(Root(SampleScenario))
            .Where(l => !l.Contains("{ type: enforcement, per_year:", StringComparison.Ordinal) && !l.Contains("{ type: enforcement, count:", StringComparison.Ordinal))
            .Select(l => l.Replace("kind: enforcement, accepts: [enforcement]", "kind: enforcement, accepts: [criminal]", StringComparison.Ordinal)));
        var lines = File.ReadAllLines(Root(SampleLedger));
        var first = lines.Select(LedgerEntry.Parse).First(e => e.Type == "enforcement" && e.Kind is LedgerKinds.Assign or LedgerKinds.Queue);
        var outDir = Path.Combine(Path.GetTempPath(), "docket-replay-" + Guid.NewGuid().ToString("N"));
        var (exit, output, error) = await CliRunner.RunAsync("replay", CliRunner.WriteTemp(scenario), Root(SampleLedger), "--out", outDir);
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains($":{first.Seq}: entry {first.Seq}: no team of the scenario's court 'xicheng-pooled' takes case type 'enforcement'", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public async Task A_broken_chain_exits_2_naming_the_line_and_entry_and_writes_nothing()
    {
        var lines = File.ReadAllLines(Root(SampleLedger)).ToList();
        var index = lines.FindIndex(5, l => LedgerEntry.Parse(l).Kind == LedgerKinds.Assign);
        var seq = index + 1;
        lines[index] = lines[index].Replace("\"registrar\"", "\"registrat\"", StringComparison.Ordinal);
        var outDir = Path.Combine(Path.GetTempPath(), "docket-replay-" + Guid.NewGuid().ToString("N"));
        var path = LedgerLines.Write(lines);
        var (exit, output, error) = await CliRunner.RunAsync("replay", Root(SampleScenario), path, "--json", "--out", outDir);
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains($"{LedgerFile.At(path, seq + 1, lines[index + 1], "prev")}: entry {seq + 1}'s prev does not match the SHA-256 of entry {seq}", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public async Task Another_layout_is_the_what_if_on_the_ledgers_intake_exit_0_with_summary_json()
    {
        // One fast-track team fewer: the ledger's cases drawn to fast-17 must go elsewhere.
        var scenario = File.ReadAllText(Root(SampleScenario)).Replace("count: 17,", "count: 16,", StringComparison.Ordinal);
        Assert.NotEqual(File.ReadAllText(Root(SampleScenario)), scenario);
        var path = CliRunner.WriteTemp(scenario);
        var outDir = Path.Combine(Path.GetTempPath(), "docket-replay-" + Guid.NewGuid().ToString("N"));
        var (exit, output, error) = await CliRunner.RunAsync("replay", path, Root(SampleLedger), "--out", outDir, "--no-report");
        Assert.True(exit == 0, output + error);
        Assert.Contains("what-if on the ledger's intake: 60 cases, ", output, StringComparison.Ordinal);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        var replay = summary.RootElement.GetProperty("replay");
        Assert.Equal(60, replay.GetProperty("cases").GetInt64());
        var moved = replay.GetProperty("moved").GetInt64();
        Assert.InRange(moved, 1, 60);
        Assert.Equal(60, summary.RootElement.GetProperty("cases").GetProperty("filed").GetDouble());
        Assert.False(File.Exists(Path.Combine(outDir, "report.html")));

        // The ledger's court's own layout is no what-if: there the decisions are re-made and compared.
        var (same, sameOutput, _) = await CliRunner.RunAsync("replay", Root(SampleScenario), Root(SampleLedger), "--json");
        Assert.Equal(0, same);
        using var sameJson = JsonDocument.Parse(sameOutput);
        Assert.Equal(60, sameJson.RootElement.GetProperty("same_team").GetInt32());
        Assert.False(sameJson.RootElement.TryGetProperty("replay", out _));
    }

    [Theory]
    [InlineData("a designation re-signed as a registrar", true)]
    [InlineData("a node entry of an unknown kind", true)]
    [InlineData("a filing dated years before the entry it follows", true)]
    [InlineData("a filing that names no case type", true)]
    [InlineData("a filing out of number order", true)]
    [InlineData("a designation re-signed as a registrar", false)]
    [InlineData("a node entry of an unknown kind", false)]
    [InlineData("a filing dated years before the entry it follows", false)]
    [InlineData("a filing that names no case type", false)]
    [InlineData("a filing out of number order", false)]
    public async Task A_ledger_that_fails_verification_exits_2_naming_the_entry_and_writes_nothing(string forgery, bool sameLayout)
    {
        var lines = File.ReadAllLines(Root(SampleLedger)).ToList();
        var (kind, change, problem) = forgery switch
        {
            "a designation re-signed as a registrar" => (LedgerKinds.Designate, (Func<LedgerEntry, LedgerEntry>)(e => e with { By = new LedgerActor("registrar", "registrar") }),
                "a designate entry by registrar: only"),
            "a node entry of an unknown kind" => (LedgerKinds.Node, e => e with { Kind = "bogus" }, "unknown entry kind 'bogus'"),
            "a filing that names no case type" => (LedgerKinds.Assign, e => e with { Type = null }, "the filing (assign entry) names no case type"),
            "a filing out of number order" => (LedgerKinds.Assign, e => e with { Number = e.Number + 1 }, "where the next is"),
            _ => (LedgerKinds.Assign, e => e with { At = e.At.AddYears(-3) }, "is before the previous entry's"),
        };
        var index = lines.FindIndex(20, l => LedgerEntry.Parse(l).Kind == kind);
        var entry = LedgerEntry.Parse(lines[index]);
        var path = LedgerLines.Write(LedgerLines.Rechain(lines, index, change(entry)));
        // The same layout, or one fast-track team fewer: the what-if checks what does not depend on the layout.
        var scenario = sameLayout ? Root(SampleScenario) : CliRunner.WriteTemp(File.ReadAllText(Root(SampleScenario)).Replace("count: 17,", "count: 16,", StringComparison.Ordinal));
        var outDir = Path.Combine(Path.GetTempPath(), "docket-replay-" + Guid.NewGuid().ToString("N"));

        var (exit, output, error) = await CliRunner.RunAsync("replay", scenario, path, "--json", "--out", outDir);
        Assert.True(exit == 2, output + error);
        Assert.Equal("", output);
        Assert.Contains($"{path}:{index + 1}:1: the ledger fails verification at entry {entry.Seq} ", error, StringComparison.Ordinal);
        Assert.Contains(problem, error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public async Task A_revealed_secret_that_does_not_match_its_commitment_exits_2_naming_the_entry()
    {
        var lines = File.ReadAllLines(Root(SampleLedger)).ToList();
        var index = lines.FindLastIndex(l => LedgerEntry.Parse(l).Kind == LedgerKinds.Seed);
        var seed = LedgerEntry.Parse(lines[index]);
        var (exit, output, error) = await CliRunner.RunAsync("replay", Root(SampleScenario), LedgerLines.Write(LedgerLines.Rechain(lines, index, seed with { RevealedSecret = new string('a', 64) })));
        Assert.True(exit == 2, output + error);
        Assert.Contains($"entry {seed.Seq}'s revealed_secret does not match epoch 1's commitment", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_out_path_that_is_a_file_exits_2_naming_out_on_either_layout()
    {
        var file = CliRunner.WriteTemp("not a directory", ".txt");
        var (exit, output, error) = await CliRunner.RunAsync("replay", Root(SampleScenario), Root(SampleLedger), "--out", file);
        Assert.True(exit == 2, output + error);
        Assert.Contains($"--out {file}", error, StringComparison.Ordinal);
        Assert.Equal("", output);

        var other = CliRunner.WriteTemp(File.ReadAllText(Root(SampleScenario)).Replace("count: 17,", "count: 16,", StringComparison.Ordinal));
        (exit, output, error) = await CliRunner.RunAsync("replay", other, Root(SampleLedger), "--out", file, "--no-report");
        Assert.True(exit == 2, output + error);
        Assert.Contains($"--out {file}", error, StringComparison.Ordinal);
        Assert.Equal("not a directory", File.ReadAllText(file));
    }

    [Fact]
    public async Task Another_layout_writes_report_html_beside_summary_json_unless_told_not_to()
    {
        var scenario = CliRunner.WriteTemp(File.ReadAllText(Root(SampleScenario)).Replace("count: 17,", "count: 16,", StringComparison.Ordinal));
        var outDir = Path.Combine(Path.GetTempPath(), "docket-replay-" + Guid.NewGuid().ToString("N"));
        var (exit, output, error) = await CliRunner.RunAsync("replay", scenario, Root(SampleLedger), "--out", outDir);
        Assert.True(exit == 0, output + error);
        Assert.True(File.Exists(Path.Combine(outDir, "summary.json")));
        var html = File.ReadAllText(Path.Combine(outDir, "report.html"));
        Assert.Contains("data-chart=", html, StringComparison.Ordinal);
        Assert.Contains("report.html", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_layout_without_out_checks_its_default_folder_before_the_run_and_writes_nothing_when_refused()
    {
        // The what-if's default folder, out/<scenario-name>-replay under the working directory, with its summary.json
        // or a chart taken by a directory: refused as --out is (exit 2), not an internal failure after summary.json.
        var scenario = CliRunner.WriteTemp(File.ReadAllText(Root(SampleScenario)).Replace("count: 17,", "count: 16,", StringComparison.Ordinal));
        var folder = Path.Combine(Directory.GetCurrentDirectory(), "out", "xicheng-pooled-replay");
        try
        {
            foreach (var (taken, says) in new[]
            {
                (Path.Combine(folder, "summary.json"), "summary.json would be written there, but"),
                (Path.Combine(folder, "charts", "teams.png"), "a chart would be written at"),
            })
            {
                Directory.CreateDirectory(taken);
                var (exit, output, error) = await CliRunner.RunAsync("replay", scenario, Root(SampleLedger));
                Assert.True(exit == 2, output + error);
                Assert.Contains(says, error, StringComparison.Ordinal);
                Assert.DoesNotContain("internal failure", error, StringComparison.Ordinal);
                Assert.Equal("", output);
                Assert.False(File.Exists(Path.Combine(folder, "summary.json")), "nothing written");
                Directory.Delete(folder, recursive: true);
            }
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static string Root(string path) => Path.Combine(CliRunner.RepoRoot(), path);
}
