using BenchmarkDotNet.Attributes;
using Docket.Domain.Assignment;
using Docket.Domain.Randomness;

namespace Docket.Benchmarks.Assignment;

/// <summary>
/// What every assignment benchmark shares. One operation is one decision: close the oldest of the open assignments
/// kept in a ring (<see cref="AssignmentPool.RingSize"/>, half the pool), then choose a team for the next filing and
/// record the assignment. So each operation is Choose + Assign + Close and the board stays in a steady state (half as
/// many open cases as teams; a case whose filing finds no team simply waits, as in the court's queue). The domain
/// version decides on <see cref="TeamBoard"/> with the policy of <see cref="AssignmentPolicy.Create"/>; the
/// baseline, on a <see cref="LinqPool"/> filtered with LINQ on every decision.
/// </summary>
public abstract class AssignmentBenchmark
{
    /// <summary>Decisions per invocation; BenchmarkDotNet reports per decision.</summary>
    public const int Decisions = 1024;

    private const ulong Seed = 20261125;

    private AssignmentPool? _pool;
    private TeamBoard? _board;
    private LinqPool? _linq;
    private (int Team, int Type)[] _ring = [];
    private int _ringAt;
    private int _next;

    [Params(10, 100, 1000)]
    public int Teams { get; set; }

    protected AssignmentPool Pool => _pool ?? throw new InvalidOperationException("not set up");

    protected TeamBoard Board => _board ?? throw new InvalidOperationException("not set up");

    protected LinqPool Linq => _linq ?? throw new InvalidOperationException("not set up");

    protected RandomStream Random { get; } = new(Seed);

    /// <summary>The pool's cap per team and category (null: none).</summary>
    protected virtual int? Cap => null;

    /// <summary>Builds the pool, the board and the baseline's list afresh; the subclass then builds its policy on <see cref="Board"/>.</summary>
    protected void Reset()
    {
        _pool ??= AssignmentPool.Create(Teams);
        _board = _pool.CreateBoard(Cap);
        _linq = _pool.CreateLinqPool(Cap);
        _ring = new (int, int)[_pool.RingSize];
        Array.Fill(_ring, (-1, -1));
        _ringAt = 0;
        _next = 0;
        Random.Reseed(Seed);
    }

    /// <summary>Closes the oldest open assignment on the board and returns the next filing's type.</summary>
    protected int BeginDecision()
    {
        var (team, type) = _ring[_ringAt];
        if (team >= 0)
        {
            _board!.Close(team, type);
        }
        return Pool.Filings[_next++ & (AssignmentPool.FilingCount - 1)];
    }

    /// <summary>Records the decision on the board (nothing when no team could take the case).</summary>
    protected void Commit(int team, int type)
    {
        if (team >= 0)
        {
            _board!.Assign(team, type);
        }
        _ring[_ringAt] = (team, type);
        _ringAt = _ringAt + 1 == _ring.Length ? 0 : _ringAt + 1;
    }

    /// <summary>The baseline's <see cref="BeginDecision"/>.</summary>
    /// <summary>One invocation of the domain's decisions under <paramref name="policy"/>: Choose, Assign, Close.</summary>
    protected int Decide(AssignmentPolicy policy)
    {
        var sum = 0;
        for (var i = 0; i < Decisions; i++)
        {
            var type = BeginDecision();
            var team = policy.Choose(type, Random);
            Commit(team, type);
            sum += team;
        }
        return sum;
    }

    protected int BeginLinqDecision()
    {
        var (team, type) = _ring[_ringAt];
        if (team >= 0)
        {
            _linq!.Close(team, type);
        }
        return Pool.Filings[_next++ & (AssignmentPool.FilingCount - 1)];
    }

    /// <summary>The baseline's <see cref="Commit"/>.</summary>
    protected void CommitLinq(int team, int type)
    {
        if (team >= 0)
        {
            _linq!.Assign(team, type);
        }
        _ring[_ringAt] = (team, type);
        _ringAt = _ringAt + 1 == _ring.Length ? 0 : _ringAt + 1;
    }

    /// <summary>
    /// For deterministic rules: runs the domain and the baseline side by side on their own boards over the whole
    /// filing sequence and fails the setup when they ever choose differently (the baseline must be the same rule).
    /// </summary>
    protected static void VerifySameChoices(AssignmentPool pool, int? cap, Func<TeamBoard, Func<int, int>> domain, Func<LinqPool, Func<int, int>> linq)
    {
        var board = pool.CreateBoard(cap);
        var list = pool.CreateLinqPool(cap);
        var chooseDomain = domain(board);
        var chooseLinq = linq(list);
        var ring = new Queue<(int Team, int Type)>();
        for (var i = 0; i < 2 * AssignmentPool.FilingCount; i++)
        {
            if (ring.Count == pool.RingSize)
            {
                var (oldTeam, oldType) = ring.Dequeue();
                if (oldTeam >= 0)
                {
                    board.Close(oldTeam, oldType);
                    list.Close(oldTeam, oldType);
                }
            }
            var type = pool.Filings[i % AssignmentPool.FilingCount];
            var a = chooseDomain(type);
            var b = chooseLinq(type);
            if (a != b)
            {
                throw new InvalidOperationException($"decision {i} (type {type}): the domain chose team {a}, the baseline team {b}");
            }
            if (a >= 0)
            {
                board.Assign(a, type);
                list.Assign(a, type);
            }
            ring.Enqueue((a, type));
        }
    }
}
