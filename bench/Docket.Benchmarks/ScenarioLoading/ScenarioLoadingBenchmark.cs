using BenchmarkDotNet.Attributes;
using Docket.Benchmarks.Simulator;
using Docket.Domain.Scenarios;
using Docket.Domain.Simulation;

namespace Docket.Benchmarks.ScenarioLoading;

/// <summary>
/// Loading a scenario from its text: the YAML parse alone (baseline), <see cref="ScenarioLoader.Load"/> (parse, read
/// and check every rule, collecting errors), and loading plus compiling every court's layout (teams expanded, pools,
/// stations) as a run does before its first event. The province-scale scenario is the one that matters; the other
/// samples are measured alongside.
/// </summary>
[MemoryDiagnoser]
public class ScenarioLoadingBenchmark
{
    private string _text = "";

    public static IEnumerable<string> Scenarios => SampleScenarios.Available;

    [ParamsSource(nameof(Scenarios))]
    public string Scenario { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _text = File.ReadAllText(SampleScenarios.PathOf(Scenario));
        if (!ScenarioLoader.Load(_text, Scenario).IsValid)
        {
            throw new InvalidOperationException($"scenario {Scenario} does not load");
        }
    }

    [Benchmark(Baseline = true)]
    public object? ParseYaml() => ScenarioLoader.Parse(_text, new ScenarioDiagnostics(Scenario));

    [Benchmark]
    public ScenarioLoadResult LoadAndValidate() => ScenarioLoader.Load(_text, Scenario);

    [Benchmark]
    public int LoadAndCompileCourts()
    {
        var scenario = ScenarioLoader.Load(_text, Scenario).Scenario!;
        var teams = 0;
        foreach (var (spec, courtId) in scenario.ExpandCourts())
        {
            teams += new CourtLayout(scenario, spec, courtId, prefixTeamIds: scenario.CourtCount > 1).Teams.Count;
        }
        return teams;
    }
}
