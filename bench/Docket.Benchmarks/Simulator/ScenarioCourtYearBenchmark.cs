using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using Docket.Benchmarks.Infrastructure;
using Docket.Domain.Scenarios;

namespace Docket.Benchmarks.Simulator;

/// <summary>
/// One simulated year of each sample scenario but the province (<see cref="ProvinceCourtYearBenchmark"/>) and the
/// national year (<see cref="SampleScenarios.National"/>, thirteen invocations of which would take a quarter of an hour): every court
/// compiled and run, one after another on one thread, through the domain's <c>CourtSimulation</c> (no grains).
/// Reports the cases received in the year (opening backlog included) and cases per second.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(YearConfig))]
public class ScenarioCourtYearBenchmark
{
    private Scenario _scenario = null!;
    private long _cases;

    public static IEnumerable<string> Scenarios => SampleScenarios.Available.Where(s => s is not SampleScenarios.Province and not SampleScenarios.National);

    [ParamsSource(nameof(Scenarios))]
    public string Scenario { get; set; } = "";

    [GlobalSetup]
    public void Setup() => _scenario = SampleScenarios.FirstYear(SampleScenarios.Load(Scenario));

    [GlobalCleanup]
    public void Cleanup() =>
        CaseTally.Record(CaseTally.Key(nameof(ScenarioCourtYearBenchmark), nameof(Year), [(nameof(Scenario), Scenario)]), _cases);

    [Benchmark]
    public long Year()
    {
        var cases = 0L;
        foreach (var court in SampleScenarios.Courts(_scenario))
        {
            court.RunToEnd();
            cases += court.CaseCount;
        }
        _cases = cases;
        return cases;
    }

    private sealed class YearConfig : ManualConfig
    {
        public YearConfig()
        {
            AddColumn(new CasesPerSecondColumn(perSecond: false), new CasesPerSecondColumn(perSecond: true));
            if (!QuickMode.IsOn)
            {
                AddJob(Job.Default.WithStrategy(RunStrategy.Throughput).WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10));
            }
        }
    }
}
