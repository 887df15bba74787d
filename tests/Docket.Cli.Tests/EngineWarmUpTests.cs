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
