using Docket.Cli.Running;
using Docket.Domain.Appeals;
using Docket.Domain.Scenarios;
using Docket.Domain.Statistics;

namespace Docket.Cli.Tests;

/// <summary>
/// `docket simulate` runs a few days of the scenario's first court while its silo starts, so that the simulator's code
/// is compiled before the run (<see cref="EngineWarmUp"/>). It must run on any scenario and leave the run untouched.
/// </summary>
public sealed class EngineWarmUpTests
{
    public static TheoryData<string> Scenarios() =>
        [.. Directory.GetFiles(Path.Combine(CliRunner.RepoRoot(), "scenarios"), "*.yaml").Select(f => Path.GetFileName(f)).Order(),
            "../bench/scenarios/minimal-scale10.yaml"];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void The_warm_up_simulates_cases_of_every_sample_s_first_court(string file)
    {
        var cases = EngineWarmUp.Run(Load(file));
        Assert.True(cases > 0, $"{file}: the warm-up simulated no case");
    }

    [Fact]
    public void A_court_of_any_size_warms_up_on_a_bounded_number_of_cases()
    {
        var loaded = ScenarioLoader.Load("""
            name: huge
            seed: 1
            days: 365
            calendar: { days_per_week: 5, hours_per_day: 8 }
            case_types:
              - id: civil
                effort: { judge: { dist: exponential, mean_hours: 2 } }
            intake:
              - { type: civil, per_year: 5000000 }
            backlog:
              - { type: civil, count: 3000000, age_days: { dist: exponential, mean_days: 60 } }
            teams:
              - { id: t, count: 2000, members: { judge: 1 }, accepts: [civil] }
            assignment: { policy: random }
            """, "huge.yaml");
        var scenario = loaded.Scenario ?? throw new InvalidOperationException(string.Join(Environment.NewLine, loaded.Errors));

        var cases = EngineWarmUp.Run(scenario);

        // The backlog entry cut to MostCases, and the intake of 5 million a year (13,700 a day) to whole days of at most
        // MostCases cases, at least one: one day here.
        Assert.InRange(cases, EngineWarmUp.MostCases, 2 * EngineWarmUp.MostCases);
    }

    [Theory]
    [InlineData("minimal.yaml")]
    [InlineData("xicheng-pooled.yaml")]
    [InlineData("yancheng-nodes.yaml")]
    [InlineData("linshu-pull.yaml")]
    [InlineData("fengtai-quotas.yaml")]
    public void A_run_after_the_warm_up_has_the_summary_of_a_run_without(string file)
    {
        var scenario = Load(file);
        var before = Summarise(scenario);
        EngineWarmUp.Run(scenario);
        EngineWarmUp.Run(scenario with { Seed = scenario.Seed + 1 });
        Assert.Equal(before, Summarise(scenario));
    }

    private static Scenario Load(string file)
    {
        var path = Path.Combine(CliRunner.RepoRoot(), "scenarios", file);
        var loaded = ScenarioLoader.Load(File.ReadAllText(path), path);
        return loaded.Scenario ?? throw new InvalidOperationException(string.Join(Environment.NewLine, loaded.Errors));
    }

    private static string Summarise(Scenario scenario)
    {
        var statistics = new LinkedCourts(scenario, scenario.Seed).Run(30, parallelism: 1);
        var summary = SummaryBuilder.Replication(scenario, scenario.Seed, statistics);
        return SummaryJson.Serialize(summary with { Engine = new EngineFigures() });
    }
}
