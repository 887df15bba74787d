using System.Runtime.Intrinsics;
using Docket.Domain.Randomness;

namespace Docket.Domain.Assignment;

/// <summary>
/// To the team with the least weighted pending work (sum of pending cases' workload weights); ties go to the team
/// that has received fewest cases of the category, then to the lower team number. Two pending works within 1e-9 of
/// each other are a tie.
/// </summary>
/// <remarks>
/// One <see cref="TournamentTree"/> over the pool's teams (in team order, so a tie goes to the lower team) keeps a lane
/// for each case type some team accepts: a team's priority in a type's lane is its pending work in whole work units
/// (<see cref="UnitsPerWork"/>: the smallest number of units per 1.0 of work, at most 1,024, in which every type's
/// weight is whole) above its cases received in the type's category, packed into one integer, and a team that cannot
/// take the type now holds nothing in its lane. A change of a team's load replays its matches once for all its types
/// (four lanes to a vector minimum), and a choice reads the root.
/// A work read from the board further than 4e-10 from its whole number of units (rounding drift the 1e-9 tie could
/// no longer absorb the same way), a work of 2^22 − 1 units or more, a count received too large for the bits left
/// beside the work and the team (2^26 or more in a pool of 65,536 teams, more in smaller ones), weights with no such
/// unit and pools of more than 65,536 teams turn the policy over to <see cref="LoadHeap"/>s, which compare the works
/// themselves: in both forms the choice is the same team.
/// </remarks>
public sealed class LeastLoadedAssignment : AssignmentPolicy, IBoardListener
{
    private const int UnitBits = 22;
    private const long MaxUnits = (1L << UnitBits) - 2;
    private const int MaxUnitsPerWork = 1024;
    private const double MaxDrift = 4e-10;

    private readonly TournamentTree _tree;
    private readonly int[] _lane;
    private readonly int[] _laneCategory;
    private readonly int[] _laneType;
    private readonly int _receivedBits;
    private readonly int _chunks;
    private LoadHeap[]? _heaps;

    public LeastLoadedAssignment(TeamBoard board)
        : base(board)
    {
        _lane = new int[board.TypeCount];
        var laneCategory = new List<int>();
        var laneType = new List<int>();
        for (var type = 0; type < board.TypeCount; type++)
        {
            _lane[type] = board.Eligible(type).Length == 0 ? -1 : laneCategory.Count;
            if (_lane[type] >= 0)
            {
                laneCategory.Add(board.CategoryOf(type));
                laneType.Add(type);
            }
        }
        _laneType = [.. laneType];
        _tree = new TournamentTree(board.TeamCount, laneCategory.Count);
        _chunks = (laneCategory.Count + 3) / 4;
        // Padding lanes read category 0; the tree keeps them empty.
        _laneCategory = [.. laneCategory, .. new int[(4 * _chunks) - laneCategory.Count]];
        _receivedBits = 64 - _tree.SlotBits - UnitBits;
        UnitsPerWork = _receivedBits >= 26 ? FindUnitsPerWork(board) : 0;
        if (UnitsPerWork == 0)
        {
            UseHeaps();
        }
        else
        {
            for (var team = 0; team < board.TeamCount && _heaps is null; team++)
            {
                Enter(team);
            }
        }
        board.Listen(this);
    }

    public override AssignmentPolicyKind Kind => AssignmentPolicyKind.LeastLoaded;

    /// <summary>Work units per 1.0 of pending work in the tree's keys; 0 once the policy decides on heaps.</summary>
    public int UnitsPerWork { get; private set; }

    public override int Choose(int type, RandomStream random)
    {
        if (_heaps is { } heaps)
        {
            return heaps[type].Peek();
        }
        var lane = _lane[type];
        return lane < 0 ? -1 : _tree.Winner(lane);
    }

    void IBoardListener.AvailabilityChanged(int type, int team, bool available)
    {
        if (_heaps is { } heaps)
        {
            if (available)
            {
                heaps[type].Add(team, Board.PendingWork(team), Board.AssignedInCategory(team, Board.CategoryOf(type)));
            }
            else
            {
                heaps[type].Remove(team);
            }
            return;
        }
        var lane = _lane[type];
        if (!available)
        {
            _tree.Clear(team, lane);
            return;
        }
        var units = Units(Board.PendingWork(team));
        var received = (ulong)Board.AssignedInCategory(team, _laneCategory[lane]);
        if (units < 0 || received >> _receivedBits != 0)
        {
            UseHeaps();
            return;
        }
        _tree.Set(team, ((ulong)units << _receivedBits) | received, lane);
    }

    void IBoardListener.LoadChanged(int team, int category)
    {
        if (_heaps is { } heaps)
        {
            // Pending work is the team's, shared by all its types: re-key it in the heap of each type it accepts.
            var work = Board.PendingWork(team);
            foreach (var type in Board.TypesOf(team))
            {
                heaps[type].Update(team, work, Board.AssignedInCategory(team, Board.CategoryOf(type)));
            }
            return;
        }
        var units = Units(Board.PendingWork(team));
        for (var chunk = 0; chunk < _chunks; chunk++)
        {
            if (!Priorities(team, units, chunk, out var priorities))
            {
                return;
            }
            // A team out of a type's lane cannot take it now (the lanes follow the board's availability).
            _tree.Update(team, chunk, priorities);
        }
    }

    /// <summary>Puts the team in the lanes of the types it can take now, with its priorities.</summary>
    private void Enter(int team)
    {
        var units = Units(Board.PendingWork(team));
        Span<ulong> none = stackalloc ulong[4];
        for (var chunk = 0; chunk < _chunks; chunk++)
        {
            if (!Priorities(team, units, chunk, out var priorities))
            {
                return;
            }
            for (var i = 0; i < 4; i++)
            {
                var lane = (4 * chunk) + i;
                none[i] = lane < _laneType.Length && Board.IsAvailable(team, _laneType[lane]) ? 0 : TournamentTree.None;
            }
            _tree.Set(team, chunk, priorities | Vector256.Create<ulong>(none));
        }
    }

    /// <summary>
    /// The team's priorities in the four lanes of the chunk: its work in units above its count received in the lane's
    /// category. False, with the policy turned over to heaps, when one does not fit.
    /// </summary>
    private bool Priorities(int team, long units, int chunk, out Vector256<ulong> priorities)
    {
        var at = 4 * chunk;
        var received = Vector256.Create(
            (ulong)Board.AssignedInCategory(team, _laneCategory[at]),
            (ulong)Board.AssignedInCategory(team, _laneCategory[at + 1]),
            (ulong)Board.AssignedInCategory(team, _laneCategory[at + 2]),
            (ulong)Board.AssignedInCategory(team, _laneCategory[at + 3]));
        priorities = Vector256.Create((ulong)units << _receivedBits) | received;
        if (units < 0 || Vector256.ShiftRightLogical(received, _receivedBits) != Vector256<ulong>.Zero)
        {
            UseHeaps();
            return false;
        }
        return true;
    }

    /// <summary>The work in whole units, or -1 when it is not within <see cref="MaxDrift"/> of one or does not fit the key.</summary>
    private long Units(double work)
    {
        var scaled = work * UnitsPerWork;
        var units = Math.Round(scaled);
        return Math.Abs(scaled - units) <= MaxDrift * UnitsPerWork && units >= 0 && units <= MaxUnits ? (long)units : -1;
    }

    /// <summary>
    /// Two works of whole units u ≠ v, each within 4e-10 of u / d and v / d (d ≤ 1,024), differ by more than 1e-9, and
    /// two of the same units by less: so ordering by units is ordering by work with the 1e-9 tie.
    /// </summary>
    private static int FindUnitsPerWork(TeamBoard board)
    {
        for (var d = 1; d <= MaxUnitsPerWork; d++)
        {
            var whole = true;
            for (var type = 0; type < board.TypeCount && whole; type++)
            {
                var scaled = board.WeightOf(type) * d;
                whole = double.IsFinite(scaled) && scaled >= 0 && Math.Abs(scaled - Math.Round(scaled)) <= 1e-9;
            }
            if (whole)
            {
                return d;
            }
        }
        return 0;
    }

    /// <summary>From now on the policy keeps a <see cref="LoadHeap"/> per type, built from the board as it stands.</summary>
    private void UseHeaps()
    {
        UnitsPerWork = 0;
        var heaps = new LoadHeap[Board.TypeCount];
        for (var type = 0; type < Board.TypeCount; type++)
        {
            heaps[type] = new LoadHeap(Board.TeamCount);
            foreach (var team in Board.Eligible(type))
            {
                if (Board.IsAvailable(team, type))
                {
                    heaps[type].Add(team, Board.PendingWork(team), Board.AssignedInCategory(team, Board.CategoryOf(type)));
                }
            }
        }
        _heaps = heaps;
    }
}
