using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Docket.Cli.Tests;

public sealed class SimulateCommandTests
{
    private const string Minimal = """
        name: minimal
        seed: 7
        days: 730
        warmup_days: 365
        calendar: { days_per_week: 7, hours_per_day: 24 }
        case_types:
          - id: generic
            effort: { judge: { dist: exponential, mean_hours: 240 } }
        intake:
          - { type: generic, per_year: 292 }
        teams:
          - { id: t, count: 10, members: { judge: 1 }, accepts: [generic] }
        assignment: { policy: random }
        """;

    [Fact]
    public async Task An_out_that_cannot_be_written_is_refused_before_the_run_naming_it()
    {
        var path = CliRunner.WriteTemp(Minimal);
        var root = Path.Combine(Path.GetTempPath(), $"docket-badout-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(root, "taken", "summary.json"));
        Directory.CreateDirectory(Path.Combine(root, "chart-taken", "charts", "teams.png"));
        var file = Path.Combine(root, "a-file");
        await File.WriteAllTextAsync(file, "not a directory");
        try
        {
            foreach (var (args, says) in new (string[] Args, string Says)[]
            {
                (["simulate", path, "--out", file], $"--out {file}: a file, not a directory"),
                (["simulate", path, "--out", Path.Combine(file, "sub")], $"{file} is a file, not a directory"),
                (["simulate", path, "--out", Path.Combine(root, "taken")], "summary.json is a directory"),
                (["simulate", path, "--out", Path.Combine(root, "chart-taken")], $"a chart would be written at {Path.Combine(root, "chart-taken", "charts", "teams.png")}, but it is a directory"),
                (["compare", path, path, "--out", file], $"--out {file}: a file, not a directory"),
                (["scenario", "national", "--out", root], $"--out {root}: a directory, not a file"),
                (["scenario", "national", "--out", Path.Combine(file, "national.yaml")], $"{file} is a file, not a directory"),
            })
            {
                var (exit, _, error) = await CliRunner.RunAsync(args);
                Assert.True(exit == 2, $"{string.Join(' ', args)} exited {exit}: {error}");
                Assert.Contains(says, error, StringComparison.Ordinal);
            }
            Assert.Equal("not a directory", await File.ReadAllTextAsync(file));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task An_empty_out_is_refused_as_bad_input_naming_out_not_an_internal_failure()
    {
        var path = CliRunner.WriteTemp(Minimal);
        var scenario = Path.Combine(CliRunner.RepoRoot(), "scenarios", "xicheng-pooled.yaml");
        var ledger = Path.Combine(CliRunner.RepoRoot(), "scenarios", "xicheng-pooled.ledger.jsonl");
        var otherLayout = CliRunner.WriteTemp(File.ReadAllText(scenario).Replace("count: 17,", "count: 16,", StringComparison.Ordinal));
        foreach (var args in new string[][]
        {
            ["simulate", path, "--no-report", "--out", ""],
            ["compare", path, path, "--out", ""],
            ["replay", scenario, ledger, "--out", ""],
            ["replay", otherLayout, ledger, "--no-report", "--out", ""],
            ["scenario", "national", "--out", ""],
        })
        {
            var (exit, output, error) = await CliRunner.RunAsync(args);
            Assert.True(exit == 2, $"{string.Join(' ', args)} exited {exit}: {error}");
            Assert.StartsWith("--out: an empty path", error, StringComparison.Ordinal);
            Assert.DoesNotContain("internal failure", error, StringComparison.Ordinal);
            Assert.Equal("", output);
        }
    }

    [Fact]
    public async Task A_name_that_cannot_name_the_output_folder_asks_for_out_and_runs_with_it()
    {
        var path = CliRunner.WriteTemp(Minimal.Replace("name: minimal", "name: \"../escape\"", StringComparison.Ordinal));
        Assert.Equal(0, (await CliRunner.RunAsync("validate", path)).Exit);
        var (exit, _, error) = await CliRunner.RunAsync("simulate", path, "--no-report");
        Assert.Equal(2, exit);
        Assert.Contains("the scenario's name '../escape' cannot name its output folder under out/", error, StringComparison.Ordinal);
        Assert.Contains("give --out DIR", error, StringComparison.Ordinal);
        var outDir = Path.Combine(Path.GetTempPath(), $"docket-named-{Guid.NewGuid():N}");
        try
        {
            var run = await CliRunner.RunAsync("simulate", path, "--no-report", "--out", outDir);
            Assert.True(run.Exit == 0, run.Error);
            Assert.True(File.Exists(Path.Combine(outDir, "summary.json")));
        }
        finally
        {
            if (Directory.Exists(outDir))
            {
                Directory.Delete(outDir, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Json_output_is_summary_schema_1_identical_for_the_same_seed_outside_engine()
    {
        var path = CliRunner.WriteTemp(Minimal);
        var outDir = Path.Combine(Path.GetTempPath(), $"docket-out-{Guid.NewGuid():N}");
        var first = await CliRunner.RunAsync("simulate", path, "--seed", "11", "--json", "--out", outDir);
        var second = await CliRunner.RunAsync("simulate", path, "--seed", "11", "--json");
        Assert.Equal(0, first.Exit);
        var a = JsonNode.Parse(first.Output)!.AsObject();
        var b = JsonNode.Parse(second.Output)!.AsObject();
        Assert.Equal(1, (int)a["schema"]!);
        Assert.Equal(11UL, (ulong)a["seed"]!);
        var cases = a["cases"]!;
        Assert.Equal((double)cases["received"]!, (double)cases["mediated"]! + (double)cases["in_mediation_end"]! + (double)cases["filed"]!);
        Assert.Equal((double)cases["pending_start"]! + (double)cases["filed"]!, (double)cases["closed"]! + (double)cases["pending_end"]!);
        Assert.True(File.Exists(Path.Combine(outDir, "summary.json")));
        a.Remove("engine");
        b.Remove("engine");
        Assert.Equal(a.ToJsonString(), b.ToJsonString());
    }

    [Fact]
    public async Task A_run_with_coin_rounds_prints_the_spread_before_and_after_and_the_moves_of_summary_json()
    {
        var outDir = Path.Combine(Path.GetTempPath(), $"docket-out-{Guid.NewGuid():N}");
        var (exit, output, error) = await CliRunner.RunAsync("simulate", Path.Combine(CliRunner.RepoRoot(), "scenarios", "linshu-pull.yaml"), "--no-report", "--out", outDir);
        Assert.True(exit == 0, error);
        var scores = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")))!["scores"]!;
        var rounds = scores["rounds"]!.AsArray();
        string Spread(JsonNode round) => Docket.Cli.Output.Numbers.Number((double)round["spread"]!) + "×";

        Assert.Matches($"coin spread, round 0 → last / moves\\s*│\\s*{Regex.Escape($"{Spread(rounds[0]!)} → {Spread(rounds[^1]!)} / {(double)scores["moves"]!}")}", output);
    }

    [Fact]
    public async Task A_run_with_quality_review_and_meeting_referrals_prints_their_rows_as_summary_json_has_them_and_a_run_without_does_not()
    {
        var outDir = Path.Combine(Path.GetTempPath(), $"docket-out-{Guid.NewGuid():N}");
        var (exit, output, error) = await CliRunner.RunAsync("simulate", Path.Combine(CliRunner.RepoRoot(), "scenarios", "shangrao-risk.yaml"), "--no-report", "--out", outDir);
        Assert.True(exit == 0, error);
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")))!;
        var quality = summary["quality_review"]!;
        var meetings = summary["meeting_referrals"]!;
        static string Figures(params double[] values) => Regex.Escape(string.Join(" / ", values.Select(Docket.Cli.Output.Numbers.Number)));

        var reviewed = (double)quality["cases_reviewed"]!;
        Assert.True(reviewed > 0 && (double)meetings["meetings"]! > 0, summary.ToJsonString());
        Assert.Matches($"quality review: reviewed / yellow / red / waiting\\s*│\\s*{Figures(reviewed, (double)quality["yellow_cards"]!, (double)quality["red_cards"]!, (double)quality["waiting_for_review"]!)}", output);
        var referrals = meetings["referrals"]!.AsObject().Sum(r => (double)r.Value!);
        Assert.Matches($"meetings / referrals / to the committee\\s*│\\s*{Figures((double)meetings["meetings"]!, referrals, (double)meetings["committee"]!["referrals"]!)}", output);

        var plain = await CliRunner.RunAsync("simulate", CliRunner.WriteTemp(Minimal), "--no-report", "--out", Path.Combine(Path.GetTempPath(), $"docket-out-{Guid.NewGuid():N}"));
        Assert.Equal(0, plain.Exit);
        Assert.DoesNotContain("quality review", plain.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("meetings / referrals", plain.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_from_empty_prints_its_warning_and_writes_it_with_the_steady_state_test_in_summary_json()
    {
        var path = CliRunner.WriteTemp(Minimal.Replace("warmup_days: 365", "warmup_days: 0"));
        var outDir = Path.Combine(Path.GetTempPath(), $"docket-out-{Guid.NewGuid():N}");
        var (exit, output, _) = await CliRunner.RunAsync("simulate", path, "--no-report", "--out", outDir);
        Assert.Equal(0, exit);
        Assert.Contains("warning starts_empty: starts empty: figures under-report waiting", output.Replace("\n", " "));
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")))!;
        Assert.Equal("starts_empty", (string)summary["warnings"]![0]!["code"]!);
        Assert.Equal("month_end_pending_slope", (string)summary["steady_state"]!["method"]!);
    }

    [Fact]
    public async Task A_run_with_appeals_prints_them_and_writes_them_balanced_in_summary_json_for_each_replication_and_the_mean()
    {
        var path = CliRunner.WriteTemp("""
            name: two-levels
            seed: 3
            days: 300
            warmup_days: 60
            case_types:
              - id: civil
                effort: { judge: { dist: exponential, mean_hours: 3 } }
              - id: civil_appeal
                effort: { judge: { dist: exponential, mean_hours: 5 } }
            courts:
              - id: upper
                teams: [ { id: appeals, count: 2, members: { judge: 1 }, accepts: [civil_appeal] } ]
              - id: basic
                count: 2
                intake: [ { type: civil, per_year: 600 } ]
                teams: [ { id: civil, count: 2, members: { judge: 1 }, accepts: [civil] } ]
                appeals:
                  to: upper
                  transfer_days: { up: 10, back: 5 }
                  types: [ { type: civil, share: 0.2, appeal_type: civil_appeal } ]
            """);
        var outDir = Path.Combine(Path.GetTempPath(), $"docket-out-{Guid.NewGuid():N}");
        var (exit, output, _) = await CliRunner.RunAsync("simulate", path, "--replications", "2", "--no-report", "--out", outDir);
        Assert.Equal(0, exit);
        Assert.Contains("appeals out (to the court above)", output);
        Assert.Contains("appeals in transit at end", output);
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")))!;
        foreach (var run in new[] { summary }.Concat(summary["replications_detail"]!.AsArray()!))
        {
            var appeals = run!["appeals"]!;
            Assert.True((double)appeals["out"]! > 0);
            Assert.Equal((double)appeals["in_transit_start"]! + (double)appeals["out"]!, (double)appeals["in"]! + (double)appeals["in_transit_end"]!, 9);
            Assert.Equal((double)appeals["out"]!, (double)appeals["out_by_type"]!["civil"]!, 9);
            Assert.InRange((double)run["balance"]!["file_transfer_days"]!, 5, 10);
        }
    }

    [Fact]
    public async Task Replications_report_the_mean_and_each_replication()
    {
        var path = CliRunner.WriteTemp(Minimal);
        var (exit, output, _) = await CliRunner.RunAsync("simulate", path, "--replications", "3", "--json", "--no-report", "--out", Path.GetTempPath());
        Assert.Equal(0, exit);
        var summary = JsonNode.Parse(output)!;
        var detail = summary["replications_detail"]!.AsArray();
        Assert.Equal(3, detail.Count);
        var mean = detail.Average(r => (double)r!["cases"]!["closed"]!);
        Assert.Equal(mean, (double)summary["cases"]!["closed"]!, 6);
        Assert.NotEqual((double)detail[0]!["cases"]!["closed"]!, (double)detail[1]!["cases"]!["closed"]!);
    }

    [Fact]
    public async Task A_replication_rerun_alone_with_its_own_seed_reproduces_its_row()
    {
        var path = CliRunner.WriteTemp(Minimal);
        var (exit, output, _) = await CliRunner.RunAsync("simulate", path, "--seed", "11", "--replications", "3", "--json", "--no-report", "--out", Path.GetTempPath());
        Assert.Equal(0, exit);
        var detail = JsonNode.Parse(output)!["replications_detail"]!.AsArray();
        var seeds = detail.Select(r => (ulong)r!["seed"]!).ToList();
        Assert.Equal(11UL, seeds[0]);
        Assert.Equal(3, seeds.Distinct().Count());
        Assert.All(seeds, s => Assert.True(s < 1UL << 53));
        var row = detail[1]!.AsObject();

        var (again, alone, _) = await CliRunner.RunAsync("simulate", path, "--seed", seeds[1].ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--replications", "1", "--json", "--no-report", "--out", Path.GetTempPath());
        Assert.Equal(0, again);
        var rerun = JsonNode.Parse(alone)!.AsObject();
        Assert.Equal(seeds[1], (ulong)rerun["seed"]!);
        Assert.Equal(1, (int)rerun["replications"]!);
        row.Remove("engine");
        rerun.Remove("engine");
        row.Remove("replications_detail");
        rerun.Remove("replications_detail");
        Assert.Equal(row.ToJsonString(), rerun.ToJsonString());
    }

    [Fact]
    public async Task Replications_print_each_mean_with_its_95_percent_interval()
    {
        var path = CliRunner.WriteTemp(Minimal);
        var outDir = Path.Combine(Path.GetTempPath(), $"docket-reps-{Guid.NewGuid():N}");
        var (exit, output, error) = await CliRunner.RunAtWidthAsync(120, "simulate", path, "--replications", "4", "--no-report", "--out", outDir);
        Assert.True(exit == 0, error);
        var summary = Domain.Statistics.SummaryJson.Deserialize<Domain.Statistics.Summary>(await File.ReadAllTextAsync(Path.Combine(outDir, "summary.json")));
        var closed = Domain.Statistics.ConfidenceInterval.Of([.. summary.ReplicationsDetail!.Select(r => r.Cases.Closed)]);
        var rate = Domain.Statistics.ConfidenceInterval.Of([.. summary.ReplicationsDetail!.Select(r => r.ClosureRate)]);
        Assert.Contains("4 replications: mean ± 95% interval", Regex.Replace(output, @"\s+", " ")); // the title may wrap
        Assert.Matches($@"│ closed +│ +{Regex.Escape(Output.Numbers.Interval(closed))} │", output);
        Assert.Matches($@"│ closure rate \(closed ÷ accepted\) +│ +{Regex.Escape(Output.Numbers.Interval(rate, rate: true))} │", output);
        Assert.Contains(" pp", output);
    }

    [Fact]
    public async Task Days_that_leave_no_window_after_warm_up_are_bad_input()
    {
        var path = CliRunner.WriteTemp(Minimal);
        var (exit, _, error) = await CliRunner.RunAsync("simulate", path, "--days", "300");
        Assert.Equal(2, exit);
        Assert.Contains("warmup_days", error);
    }

    [Fact]
    public async Task Compare_prints_each_scenario_with_confidence_intervals_and_the_paired_difference()
    {
        var random = CliRunner.WriteTemp(Minimal);
        var pull = CliRunner.WriteTemp(Minimal.Replace("name: minimal", "name: pooled").Replace("{ policy: random }", "{ policy: pull, cap: 1 }"));
        var (exit, output, error) = await CliRunner.RunAsync("compare", random, pull, "--replications", "3");
        Assert.True(exit == 0, error);
        Assert.Contains("minimal", output);
        Assert.Contains("pooled − minimal", output);
        Assert.Contains("±", output);
        Assert.Contains("mean days to disposition", output);
    }
}
