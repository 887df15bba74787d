using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Docket.Benchmarks.Infrastructure;
using Docket.Domain.Scenarios;
using Docket.Domain.Simulation;

namespace Docket.Benchmarks.Simulator;

/// <summary>
/// One simulated court-day of each sample scenario (province included), every court advanced from day
/// <see cref="Day"/> to the next on one thread. Before each iteration the courts are built afresh and run to day
/// <see cref="Day"/> (a Wednesday on a 5-day calendar), so every iteration measures the same day in the same state;
/// hence one invocation per iteration. Cases = cases received during the day.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(DayConfig))]
public class ScenarioCourtDayBenchmark
{
    public const int Day = 30;

    private Scenario _scenario = null!;
    private CourtSimulation[] _courts = [];
    private long _before;
    private long _received;
    private int _iterations;

    public static IEnumerable<string> Scenarios => SampleScenarios.Available;

    [ParamsSource(nameof(Scenarios))]
    public string Scenario { get; set; } = "";

    [GlobalSetup]
    public void Setup() => _scenario = SampleScenarios.FirstYear(SampleScenarios.Load(Scenario));

    [IterationSetup]
    public void BuildCourts()
    {
        _courts = [.. SampleScenarios.Courts(_scenario)];
        foreach (var court in _courts)
        {
            court.AdvanceTo(Day);
        }
        _before = _courts.Sum(c => (long)c.CaseCount);
    }

    [IterationCleanup]
    public void CountCases()
    {
        _received += _courts.Sum(c => (long)c.CaseCount) - _before;
        _iterations++;
        _courts = [];
    }

    [GlobalCleanup]
    public void Cleanup() => CaseTally.Record(
        CaseTally.Key(nameof(ScenarioCourtDayBenchmark), nameof(CourtDay), [(nameof(Scenario), Scenario)]),
        _iterations == 0 ? 0 : (double)_received / _iterations);

    [Benchmark]
    public int CourtDay()
    {
        foreach (var court in _courts)
        {
            court.AdvanceTo(Day + 1);
        }
        return _courts.Length;
    }

    private sealed class DayConfig : ManualConfig
    {
        public DayConfig()
        {
            AddColumn(new CasesPerSecondColumn(perSecond: false), new CasesPerSecondColumn(perSecond: true));
            if (!QuickMode.IsOn)
            {
                AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(10).WithInvocationCount(1).WithUnrollFactor(1));
            }
        }
    }
}
