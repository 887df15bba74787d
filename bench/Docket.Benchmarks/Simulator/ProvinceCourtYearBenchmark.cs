using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using Docket.Benchmarks.Infrastructure;
using Docket.Domain.Scenarios;

namespace Docket.Benchmarks.Simulator;

/// <summary>
/// The province-scale year (about 120 courts, 1.5 million cases): each court compiled and run on one thread, one
/// after another, through the domain's <c>CourtSimulation</c>; and the same with the courts spread over the machine's
/// cores (<see cref="Parallel.ForEach{TSource}(IEnumerable{TSource}, Action{TSource})"/>), as the grains run them.
/// A year takes seconds, so the job is one warm-up and three measured runs (monitoring: no pilot, no unrolling).
/// Skipped, with a message, while scenarios/province.yaml is missing.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ProvinceConfig))]
public class ProvinceCourtYearBenchmark
{
    private Scenario _scenario = null!;
    private long _cases;

    public static IEnumerable<string> Scenarios => SampleScenarios.Available.Where(s => s == SampleScenarios.Province);

    [ParamsSource(nameof(Scenarios))]
    public string Scenario { get; set; } = "";

    [GlobalSetup]
    public void Setup() => _scenario = SampleScenarios.FirstYear(SampleScenarios.Load(Scenario));

    [GlobalCleanup(Target = nameof(Year))]
    public void CleanupYear() => Record(nameof(Year));

    [GlobalCleanup(Target = nameof(YearParallel))]
    public void CleanupYearParallel() => Record(nameof(YearParallel));

    [Benchmark(Baseline = true)]
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

    [Benchmark]
    public long YearParallel()
    {
        var cases = 0L;
        Parallel.ForEach(_scenario.ExpandCourts(), c =>
        {
            var court = SampleScenarios.Court(_scenario, c.Spec, c.CourtId);
            court.RunToEnd();
            Interlocked.Add(ref cases, court.CaseCount);
        });
        _cases = cases;
        return cases;
    }

    private void Record(string method) =>
        CaseTally.Record(CaseTally.Key(nameof(ProvinceCourtYearBenchmark), method, [(nameof(Scenario), Scenario)]), _cases);

    private sealed class ProvinceConfig : ManualConfig
    {
        public ProvinceConfig()
        {
            AddColumn(new CasesPerSecondColumn(perSecond: false), new CasesPerSecondColumn(perSecond: true));
            if (!QuickMode.IsOn)
            {
                AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3));
            }
        }
    }
}
