using Docket.Domain.Randomness;

namespace Docket.Domain.Assignment;

/// <summary>
/// To the team with the least weighted pending work (sum of pending cases' workload weights); ties go to the team
/// that has received fewest cases of the category, then to the lower team number.
/// </summary>
public sealed class LeastLoadedAssignment : AssignmentPolicy, IBoardListener
{
    private readonly LoadHeap[] _heaps;

    public LeastLoadedAssignment(TeamBoard board)
        : base(board)
    {
        _heaps = new LoadHeap[board.TypeCount];
        for (var type = 0; type < board.TypeCount; type++)
        {
            var category = board.CategoryOf(type);
            _heaps[type] = new LoadHeap(board.TeamCount, (a, b) => Before(a, b, category));
            foreach (var team in board.Eligible(type))
            {
                if (board.IsAvailable(team, type))
                {
                    _heaps[type].Add(team);
                }
            }
        }
        board.Listener = this;
    }

    public override AssignmentPolicyKind Kind => AssignmentPolicyKind.LeastLoaded;

    public override int Choose(int type, RandomStream random) => _heaps[type].Peek();

    private bool Before(int a, int b, int category)
    {
        var wa = Board.PendingWork(a);
        var wb = Board.PendingWork(b);
        if (Math.Abs(wa - wb) > 1e-9)
        {
            return wa < wb;
        }
        var ca = Board.AssignedInCategory(a, category);
        var cb = Board.AssignedInCategory(b, category);
        return ca != cb ? ca < cb : a < b;
    }

    void IBoardListener.AvailabilityChanged(int type, int team, bool available)
    {
        if (available)
        {
            _heaps[type].Add(team);
        }
        else
        {
            _heaps[type].Remove(team);
        }
    }

    void IBoardListener.LoadChanged(int team, int category)
    {
        // Pending work is shared by all the team's types: re-key the team wherever it is queued.
        for (var type = 0; type < _heaps.Length; type++)
        {
            _heaps[type].Update(team);
        }
    }
}
