using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Docket.Benchmarks.Infrastructure;
using Docket.Domain.Assignment;
using Docket.Domain.Calendar;
using Docket.Domain.Cases;
using Docket.Domain.Intake;
using Docket.Domain.Scenarios;
using Docket.Domain.Simulation;
using Docket.Domain.Staffing;

namespace Docket.Benchmarks.Simulator;

/// <summary>
/// A minimal court-year model (137 one-judge FIFO teams, exponential effort, ~61,000 cases a
/// year, continuous time), built in code: the figure to hold against SimPy (85,000–110,000 cases/s here), SimSharp
/// and a hand-rolled event loop.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(MinimalConfig))]
public class MinimalCourtYearBenchmark
{
    private Scenario _scenario = null!;
    private int _cases;

    [Params(AssignmentPolicyKind.Random, AssignmentPolicyKind.Pull)]
    public AssignmentPolicyKind Policy { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var type = new CaseType("generic", "generic", CaseTrack.Ordinary, 1.0, null, 0,
            [new EffortStage("judge", RoleCatalog.Judge, new ExponentialEffort(40))], 0);
        var court = new CourtSpec("court", 1, [new IntakeStream([new TypeShare("generic", 1)], 61_000, null, null)],
            [new TeamGroup("t", TeamKind.General, 137, new Dictionary<string, int> { [RoleCatalog.Judge] = 1 }, ["generic"], null, null, null)],
            [], new AssignmentSpec(Policy, Cap: Policy == AssignmentPolicyKind.Pull ? 1 : null), [], [], null);
        _scenario = new Scenario("court", 7, 365, 0, 1, WorkCalendar.Continuous, RoleCatalog.Default, [type], [court]);
    }

    [GlobalCleanup]
    public void Cleanup() =>
        CaseTally.Record(CaseTally.Key(nameof(MinimalCourtYearBenchmark), nameof(CourtYear), [(nameof(Policy), Policy)]), _cases);

    [Benchmark]
    public int CourtYear()
    {
        var (spec, id) = _scenario.ExpandCourts().Single();
        var simulation = new CourtSimulation(new CourtLayout(_scenario, spec, id, false), _scenario.Seed);
        simulation.RunToEnd();
        _cases = simulation.CaseCount;
        return simulation.CaseCount;
    }

    private sealed class MinimalConfig : ManualConfig
    {
        public MinimalConfig()
        {
            AddColumn(new CasesPerSecondColumn(perSecond: false), new CasesPerSecondColumn(perSecond: true));
            if (!QuickMode.IsOn)
            {
                AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10));
            }
        }
    }
}
