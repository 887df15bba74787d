using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Docket.Abstractions;
using Docket.Benchmarks.Infrastructure;
using Docket.Benchmarks.Simulator;
using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Supervision;

namespace Docket.Benchmarks.Grains;

/// <summary>
/// The live service's filing path without HTTP: <see cref="ILiveCourtGrain.FileAsync"/> on the live court grain
/// (src/Docket.Grains/Courts/LiveCourtGrain.cs) of an in-process silo, its ledger in the in-memory journal, each figure next to a plain
/// ping-grain baseline measured in the same process (the Ratio column compares within a category):
/// <list type="bullet">
/// <item><b>1 caller</b>: one call awaited at a time — a warm ping; a filing.</item>
/// <item><b>64 in flight</b>: 64 callers, each awaiting its call before the next — warm pings spread over 64 grains;
/// filings on the one court (reentrant: the journal writes what is queued together).</item>
/// </list>
/// A filing is what <c>POST /api/courts/{court}/cases</c> does after authentication: a <c>civil_commercial</c> case of
/// scenarios/xicheng-pooled.yaml's court (a weighted_random draw over 103 teams), filed by a registrar with a fresh
/// idempotency key; the court decides, appends the ledger entry (eligible teams and weights), answers once the journal
/// has it, and tells the team's grain of the filing without waiting. The court keeps each case in progress in memory
/// and every filing here stays open, so each invocation is a fixed number of operations (1,000 for one caller, 6,400
/// for 64) and the job's iterations bound a run's filings (about 110,000 a case). Job: 1 launch, 6 warm-up and 8 measured
/// iterations of one invocation each.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[Config(typeof(GrainPathConfig))]
public class GrainPathBenchmark
{
    public const int InFlight = 64;
    public const int SingleOperations = 1000;
    public const int ConcurrentOperations = 64 * 100;

    private const string SingleCaller = "1 caller";
    private const string Concurrent = "64 in flight";
    private const string Scenario = "xicheng-pooled";
    private const string CaseType = "civil_commercial";

    private BenchSilo? _silo;
    private IPingGrain[] _warm = [];
    private ILiveCourtGrain _court = null!;
    private Actor _registrar = null!;
    private string _keyPrefix = "";
    private long _nextKey;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var scenario = SampleScenarios.Load(Scenario);
        _silo = await BenchSilo.StartAsync(scenario, SampleScenarios.PathOf(Scenario));
        var grains = _silo.Grains;
        _warm = [.. Enumerable.Range(0, InFlight).Select(i => grains.GetGrain<IPingGrain>(i))];
        await Task.WhenAll(_warm.Select(p => p.PingAsync()));

        var court = scenario.ExpandCourts().Single().CourtId;
        _court = grains.GetGrain<ILiveCourtGrain>(court);
        _registrar = new Actor("bench", UserRoles.Registrar, court, null, null);
        _keyPrefix = $"bench-{Guid.NewGuid():N}-";
        // Activates the court (opens its ledger) and proves the filing is the real one: created, on a team.
        var first = await FileAsync();
        if (first.Outcome != Outcome.Created || first.Case?.Case.Team is null)
        {
            throw new InvalidOperationException($"the benchmark court did not file a case: {first.Outcome} {first.Field} {first.Error}");
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = SingleOperations), BenchmarkCategory(SingleCaller)]
    public async Task Ping()
    {
        for (var i = 0; i < SingleOperations; i++)
        {
            await _warm[0].PingAsync();
        }
    }

    [Benchmark(OperationsPerInvoke = SingleOperations), BenchmarkCategory(SingleCaller)]
    public async Task File()
    {
        for (var i = 0; i < SingleOperations; i++)
        {
            await FileAsync();
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = ConcurrentOperations), BenchmarkCategory(Concurrent)]
    public Task PingConcurrent() => InFlightAsync(i => _warm[i % InFlight].PingAsync());

    [Benchmark(OperationsPerInvoke = ConcurrentOperations), BenchmarkCategory(Concurrent)]
    public Task FileConcurrent() => InFlightAsync(_ => FileAsync());

    private Task<CommandResult> FileAsync() => _court.FileAsync(
        new FilingRequest(CaseType, false, RiskLevel.None, _keyPrefix + Interlocked.Increment(ref _nextKey), _registrar));

    /// <summary>Runs <see cref="ConcurrentOperations"/> calls with <see cref="InFlight"/> callers, each awaiting its call before the next.</summary>
    private static async Task InFlightAsync(Func<int, Task> call)
    {
        var next = -1;
        var callers = new Task[InFlight];
        for (var c = 0; c < callers.Length; c++)
        {
            callers[c] = Caller();
        }
        await Task.WhenAll(callers);

        async Task Caller()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < ConcurrentOperations)
            {
                await call(i);
            }
        }
    }

    private sealed class GrainPathConfig : ManualConfig
    {
        public GrainPathConfig()
        {
            AddColumn(new OperationsPerSecondColumn());
            if (!QuickMode.IsOn)
            {
                AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(6).WithIterationCount(8).WithInvocationCount(1).WithUnrollFactor(1));
            }
        }
    }
}
