using Docket.Domain.Assignment;
using Docket.Domain.Randomness;

namespace Docket.Benchmarks.Assignment;

/// <summary>
/// least_loaded as the domain decided it before issue 16 (commit f71abf1), kept to measure against in the same run: a
/// <see cref="LoadHeap"/> per case type, every team re-keyed in the heap of each type it accepts on every change of
/// its load. Same choices as the domain's policy (the benchmark's setup checks it).
/// </summary>
internal sealed class PreviousLeastLoadedAssignment : AssignmentPolicy, IBoardListener
{
    private readonly LoadHeap[] _heaps;

    public PreviousLeastLoadedAssignment(TeamBoard board)
        : base(board)
    {
        _heaps = new LoadHeap[board.TypeCount];
        for (var type = 0; type < board.TypeCount; type++)
        {
            _heaps[type] = new LoadHeap(board.TeamCount);
            foreach (var team in board.Eligible(type))
            {
                if (board.IsAvailable(team, type))
                {
                    _heaps[type].Add(team, board.PendingWork(team), board.AssignedInCategory(team, board.CategoryOf(type)));
                }
            }
        }
        board.Listen(this);
    }

    public override AssignmentPolicyKind Kind => AssignmentPolicyKind.LeastLoaded;

    public override int Choose(int type, RandomStream random) => _heaps[type].Peek();

    void IBoardListener.AvailabilityChanged(int type, int team, bool available)
    {
        if (available)
        {
            _heaps[type].Add(team, Board.PendingWork(team), Board.AssignedInCategory(team, Board.CategoryOf(type)));
        }
        else
        {
            _heaps[type].Remove(team);
        }
    }

    void IBoardListener.LoadChanged(int team, int category)
    {
        var work = Board.PendingWork(team);
        foreach (var type in Board.TypesOf(team))
        {
            _heaps[type].Update(team, work, Board.AssignedInCategory(team, Board.CategoryOf(type)));
        }
    }
}

/// <summary>
/// The designation as the domain decided it before issue 16 (commit f71abf1), kept to measure against in the same
/// run: a scan of the leader-led teams accepting the type on every decision.
/// </summary>
internal sealed class PreviousDesignatedAssignment
{
    private readonly TeamBoard _board;
    private readonly int[][] _leaderTeams;

    public PreviousDesignatedAssignment(TeamBoard board)
    {
        _board = board;
        _leaderTeams = new int[board.TypeCount][];
        for (var type = 0; type < board.TypeCount; type++)
        {
            var list = new List<int>();
            foreach (var team in board.Eligible(type))
            {
                if (board.Teams[team].Leader)
                {
                    list.Add(team);
                }
            }
            _leaderTeams[type] = [.. list];
        }
    }

    public int Choose(int type)
    {
        var best = -1;
        var bestWork = double.MaxValue;
        var available = _board.Available(type);
        foreach (var team in _leaderTeams[type])
        {
            if (available.Contains(team))
            {
                var work = _board.PendingWork(team);
                if (work < bestWork)
                {
                    best = team;
                    bestWork = work;
                }
            }
        }
        return best;
    }
}
