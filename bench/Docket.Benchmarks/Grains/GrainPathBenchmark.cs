using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Docket.Abstractions.Assignment;
using Docket.Benchmarks.Assignment;
using Docket.Benchmarks.Infrastructure;

namespace Docket.Benchmarks.Grains;

/// <summary>
/// The live path through an in-process silo, each figure next to a plain ping-grain baseline measured in the same
/// process (the Ratio column compares within a category):
/// <list type="bullet">
/// <item><b>1 caller</b>: one call awaited at a time — a warm ping; one assignment through
/// <see cref="IAssignmentPoolGrain.AssignAsync"/> followed by the <see cref="IAssignmentPoolGrain.CloseAsync"/> that
/// keeps the pool in steady state; 1,000 filings per <see cref="IAssignmentPoolGrain.AssignBatchAsync"/> call
/// (decisions only); and the same batch followed by its 1,000 closes (one call each: the pool has no batched close).</item>
/// <item><b>64 in flight</b>: 64 callers — warm pings spread over 64 grains; assign + close on the one pool grain.</item>
/// <item><b>new activations</b>, 64 in flight: a ping to a fresh key (the activation ceiling); filing a new case =
/// one call to a fresh case grain that asks the pool for a team (activation + decision); the same with a persisted
/// case grain (state read on activation and written once filed, to in-memory storage).</item>
/// </list>
/// The pool: 100 teams, 4 case types in 2 categories (<see cref="AssignmentPool"/>), random policy, no cap, so
/// batched decisions and filings need no closes to stay in steady state (the board's counters grow; the decision's
/// cost does not depend on them). One operation = one call, assignment or filing. Job: 1 launch, 6 warm-up and 8
/// measured iterations (an activation iteration is one invocation of 6,400 filings, and the JIT is still tiering up
/// during the first ones); about three and a half minutes for the class.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[Config(typeof(GrainPathConfig))]
public class GrainPathBenchmark
{
    public const int InFlight = 64;
    public const int ConcurrentOperations = 64 * 100;
    public const int BatchSize = 1000;

    private const string SingleCaller = "1 caller";
    private const string Concurrent = "64 in flight";
    private const string Activations = "new activations";
    private const string PoolKey = "bench/pool";
    private const int PoolTeams = 100;

    private static readonly string[] TypeIds = ["civil-a", "civil-b", "commercial-a", "commercial-b"];
    private static readonly string[] CategoryIds = ["civil", "commercial"];

    private BenchSilo? _silo;
    private IGrainFactory _grains = null!;
    private IPingGrain[] _warm = [];
    private IAssignmentPoolGrain _pool = null!;
    private CaseFiling[] _batch = [];
    private int[] _filingTypes = [];
    private long _nextKey = 1L << 40;
    private long _nextCase;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _silo = await BenchSilo.StartAsync();
        _grains = _silo.Grains;
        _warm = [.. Enumerable.Range(0, InFlight).Select(i => _grains.GetGrain<IPingGrain>(i))];
        await Task.WhenAll(_warm.Select(p => p.PingAsync()));

        var fixture = AssignmentPool.Create(PoolTeams);
        _pool = _grains.GetGrain<IAssignmentPoolGrain>(PoolKey);
        await _pool.ConfigureAsync(new PoolConfiguration(7, "random", null,
            [.. TypeIds.Select((id, i) => new PoolCaseType(id, CategoryIds[AssignmentPool.TypeCategory[i]], AssignmentPool.TypeWeight[i]))],
            [.. fixture.Teams.Select(t => new PoolTeam(t.Id, [.. t.Accepts.Select(a => TypeIds[a])], t.Cap, t.Coefficient, t.Judges, t.Leader, t.Chief))]));
        for (var team = 0; team < fixture.Teams.Count; team++)
        {
            if (fixture.Absent[team])
            {
                await _pool.SetAbsentAsync(fixture.Teams[team].Id, true);
            }
        }
        _filingTypes = fixture.Filings;
        _batch = [.. Enumerable.Range(0, BatchSize).Select(_ => NextFiling())];
        if (await _pool.AssignAsync(NextFiling()) is not { Team: not null })
        {
            throw new InvalidOperationException("the benchmark pool assigned nothing");
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

    [Benchmark(Baseline = true), BenchmarkCategory(SingleCaller)]
    public Task Ping() => _warm[0].PingAsync();

    [Benchmark, BenchmarkCategory(SingleCaller)]
    public async Task AssignAndClose()
    {
        var filing = NextFiling();
        var decision = await _pool.AssignAsync(filing);
        await _pool.CloseAsync(decision.Team!, filing.CaseType);
    }

    [Benchmark(OperationsPerInvoke = BatchSize), BenchmarkCategory(SingleCaller)]
    public Task<AssignmentDecision[]> AssignBatch() => _pool.AssignBatchAsync(_batch);

    [Benchmark(OperationsPerInvoke = BatchSize), BenchmarkCategory(SingleCaller)]
    public async Task AssignBatchThenClose()
    {
        var decisions = await _pool.AssignBatchAsync(_batch);
        var closes = new Task[decisions.Length];
        for (var i = 0; i < decisions.Length; i++)
        {
            closes[i] = _pool.CloseAsync(decisions[i].Team!, _batch[i].CaseType);
        }
        await Task.WhenAll(closes);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = ConcurrentOperations), BenchmarkCategory(Concurrent)]
    public Task PingConcurrent() => InFlightAsync(i => _warm[i % InFlight].PingAsync());

    [Benchmark(OperationsPerInvoke = ConcurrentOperations), BenchmarkCategory(Concurrent)]
    public Task AssignAndCloseConcurrent() => InFlightAsync(async _ =>
    {
        var filing = NextFiling();
        var decision = await _pool.AssignAsync(filing);
        await _pool.CloseAsync(decision.Team!, filing.CaseType);
    });

    [Benchmark(Baseline = true, OperationsPerInvoke = ConcurrentOperations), BenchmarkCategory(Activations)]
    public Task PingNewActivation() => InFlightAsync(_ => _grains.GetGrain<IPingGrain>(Interlocked.Increment(ref _nextKey)).PingAsync());

    [Benchmark(OperationsPerInvoke = ConcurrentOperations), BenchmarkCategory(Activations)]
    public Task FileNewCase() => InFlightAsync(_ =>
    {
        var filing = NextFiling();
        return _grains.GetGrain<IFiledCaseGrain>(filing.CaseNumber).FileAsync(PoolKey, filing);
    });

    [Benchmark(OperationsPerInvoke = ConcurrentOperations), BenchmarkCategory(Activations)]
    public Task FileNewCasePersisted() => InFlightAsync(_ =>
    {
        var filing = NextFiling();
        return _grains.GetGrain<IPersistedCaseGrain>(filing.CaseNumber).FileAsync(PoolKey, filing);
    });

    private CaseFiling NextFiling()
    {
        var number = Interlocked.Increment(ref _nextCase);
        return new CaseFiling(number, TypeIds[_filingTypes[number & (AssignmentPool.FilingCount - 1)]], false);
    }

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
                AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(6).WithIterationCount(8));
            }
        }
    }
}
