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
            _heaps[type] = new LoadHeap(board.TeamCount);
            foreach (var team in board.Eligible(type))
            {
                if (board.IsAvailable(team, type))
                {
                    _heaps[type].Add(team, board.PendingWork(team), board.AssignedInCategory(team, board.CategoryOf(type)));
                }
            }
        }
        board.Listener = this;
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
        // Pending work is the team's, shared by all its types: re-key it in the heap of each type it accepts.
        var work = Board.PendingWork(team);
        foreach (var type in Board.TypesOf(team))
        {
            _heaps[type].Update(team, work, Board.AssignedInCategory(team, Board.CategoryOf(type)));
        }
    }
}
