using System.Globalization;
using System.Text.Json.Nodes;
using MathNet.Numerics.Distributions;

namespace Docket.Cli.Tests;

public sealed class OptimizeCommandTests
{
    // The minimal court (docs/domain.md) over two years (one of warm-up): 292 cases a year of 10 judge-days each keep 8
    // judges busy; with n one-judge teams under random assignment each is an M/M/1 queue with mean time in system
    // 10 ÷ (1 − 8/n) days: 36.7 at n = 11, 30 at 12, 26.2 at 13.
    private const string Court = """
        name: opt
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
          - { id: t, count: COUNT, members: { judge: 1 }, accepts: [generic] }
        assignment: { policy: random }
        """;

    private static string Write(int count) => CliRunner.WriteTemp(Court.Replace("COUNT", count.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));

    /// <summary>The upper 95% bound of the mean days to disposition over the replications of an ordinary `docket simulate`.</summary>
    private static async Task<double> UpperBoundBySimulation(int count)
    {
        var (exit, output, error) = await CliRunner.RunAsync("simulate", Write(count), "--replications", "4", "--json", "--out", Path.Combine(Path.GetTempPath(), $"docket-opt-{Guid.NewGuid():N}"));
        Assert.True(exit == 0, error);
        var values = JsonNode.Parse(output)!["replications_detail"]!.AsArray().Select(r => (double)r!["time_to_disposition_days"]!["mean"]!).ToArray();
        var mean = values.Average();
        var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
        return mean + (StudentT.InvCDF(0, 1, values.Length - 1, 0.975) * sd / Math.Sqrt(values.Length));
    }

    [Fact]
    public async Task The_answer_meets_the_goal_and_one_team_fewer_does_not_by_independent_simulation()
    {
        var (exit, output, error) = await CliRunner.RunAsync("optimize", Write(10), "--goal", "mean_days_to_disposition<=30", "--group", "t",
            "--min", "8", "--max", "20", "--replications", "4", "--json");
        Assert.True(exit == 0, error);
        var result = JsonNode.Parse(output)!;
        Assert.True((bool)result["found"]!);
        var answer = (int)result["answer"]!;
        Assert.InRange(answer, 12, 20);                 // the queueing mean alone rules out 11 and fewer
        Assert.Equal(answer - 1, (int)result["below_answer"]!["count"]!);

        var atAnswer = await UpperBoundBySimulation(answer);
        var below = await UpperBoundBySimulation(answer - 1);
        Assert.True(atAnswer <= 30, $"{answer} teams: upper bound {atAnswer}");
        Assert.True(below > 30, $"{answer - 1} teams: upper bound {below}");
        Assert.Equal(atAnswer, (double)result["at_answer"]!["goals"]![0]!["upper"]!, 9);
    }

    // Pooled clerks recording hearings (case 153): 292 cases a year each needing 2 days of a pooled clerk keep 1.6
    // clerks busy (one clerk cannot keep up), and a day of their team's judge.
    private const string PooledCourt = """
        name: pooled
        seed: 5
        days: 730
        warmup_days: 365
        calendar: { days_per_week: 7, hours_per_day: 24 }
        case_types:
          - id: generic
            effort: { judge: { dist: exponential, mean_hours: 24 }, hearing_record: { dist: exponential, mean_hours: 48 } }
        intake:
          - { type: generic, per_year: 292 }
        teams:
          - { id: t, count: 10, members: { judge: 1 }, accepts: [generic] }
        pools:
          - { id: records, members: { clerk: COUNT }, tasks: [hearing_record] }
        """;

    [Fact]
    public async Task The_pool_answer_meets_the_goal_and_one_clerk_fewer_does_not_by_independent_simulation()
    {
        string WritePool(int clerks) => CliRunner.WriteTemp(PooledCourt.Replace("COUNT", clerks.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        var (exit, output, error) = await CliRunner.RunAsync("optimize", WritePool(4), "--goal", "mean_days_to_disposition<=4.5", "--pool", "records",
            "--max", "8", "--replications", "4", "--json");
        Assert.True(exit == 0, error);
        var result = JsonNode.Parse(output)!;
        var answer = (int)result["answer"]!;
        Assert.Equal("clerk members of pool 'records'", (string)result["varied"]!);
        // By hand, the pool as an M/M/c queue (λ = 0.8 a day, μ = 0.5 a clerk-day, offered load a = 1.6) plus a day of
        // the judge: c = 2, ρ = 0.8, Erlang C = (2.56 ÷ 0.4) ÷ (1 + 1.6 + 6.4) = 0.711, wait 0.711 ÷ (1 − 0.8) = 3.56
        // days, mean 3.56 + 2 + 1 = 6.6 days > 4.5; c = 3, ρ = 0.533, Erlang C = 0.28, wait 0.28 ÷ 0.7 = 0.4 days,
        // mean 3.4 days ≤ 4.5. One clerk cannot keep up. So 3 clerks.
        Assert.Equal(3, answer);

        async Task<double> Upper(int clerks)
        {
            var (code, json, err) = await CliRunner.RunAsync("simulate", WritePool(clerks), "--replications", "4", "--json", "--out", Path.Combine(Path.GetTempPath(), $"docket-opt-{Guid.NewGuid():N}"));
            Assert.True(code == 0, err);
            var values = JsonNode.Parse(json)!["replications_detail"]!.AsArray().Select(r => (double)r!["time_to_disposition_days"]!["mean"]!).ToArray();
            var mean = values.Average();
            var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
            return mean + (StudentT.InvCDF(0, 1, values.Length - 1, 0.975) * sd / Math.Sqrt(values.Length));
        }
        Assert.True(await Upper(answer) <= 4.5);
        Assert.True(await Upper(answer - 1) > 4.5);
    }

    [Fact]
    public async Task A_goal_out_of_reach_within_the_bounds_is_said_plainly_with_the_best_found()
    {
        var (exit, output, error) = await CliRunner.RunAsync("optimize", Write(10), "--goal", "mean_days_to_disposition<=30", "--group", "t",
            "--max", "10", "--replications", "3");
        Assert.Equal(2, exit);
        Assert.Contains("the goal cannot be met with teams of group 't' between 1 and 10", error, StringComparison.Ordinal);
        Assert.Contains("The best found is 10: mean_days_to_disposition", error, StringComparison.Ordinal);
        Assert.Contains("misses <= 30", error, StringComparison.Ordinal);
        Assert.Contains("│    10 │", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unknown metric 'mean_days'", "--goal", "mean_days<=30", "--group", "t")]
    [InlineData("is not METRIC OP VALUE", "--goal", "closure_rate=0.9", "--group", "t")]
    [InlineData("--group fast: unknown team group 'fast' (known: t)", "--goal", "closure_rate>=0.9", "--group", "fast")]
    [InlineData("--pool clerks: unknown pool 'clerks' (the scenario has no pool)", "--goal", "closure_rate>=0.9", "--pool", "clerks")]
    [InlineData("the scenario has no case type 'civil' (it has: generic)", "--goal", "by_type.civil.mean_ttd_days<=30", "--group", "t")]
    [InlineData("say what to vary", "--goal", "closure_rate>=0.9")]
    [InlineData("say what to vary", "--goal", "closure_rate>=0.9", "--group", "t", "--pool", "p")]
    [InlineData("--replications must be between 2 (for a confidence interval) and 1000 (got 1)", "--goal", "closure_rate>=0.9", "--group", "t", "--replications", "1")]
    [InlineData("--max 3 is below --min 5", "--goal", "closure_rate>=0.9", "--group", "t", "--min", "5", "--max", "3")]
    public async Task Bad_input_is_named_with_exit_code_2(string message, params string[] options)
    {
        var (exit, _, error) = await CliRunner.RunAsync(["optimize", Write(10), .. options]);
        Assert.Equal(2, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_metric_lists_the_known_ones()
    {
        var (_, _, error) = await CliRunner.RunAsync("optimize", Write(10), "--goal", "speed>=1", "--group", "t");
        Assert.Contains("mean_days_to_disposition", error, StringComparison.Ordinal);
        Assert.Contains("pending_over_365", error, StringComparison.Ordinal);
        Assert.Contains("time_to_disposition_days.p90", error, StringComparison.Ordinal);
    }
}
