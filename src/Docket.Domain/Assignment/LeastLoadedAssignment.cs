using Docket.Domain.Randomness;

namespace Docket.Domain.Assignment;

/// <summary>
/// To the team with the least weighted pending work (sum of pending cases' workload weights); ties go to the team
/// that has received fewest cases of the category, then to the lower team number. Two pending works within 1e-9 of
/// each other are a tie.
/// </summary>
/// <remarks>
/// Each case type keeps a <see cref="TournamentTree"/> over the teams accepting it (in team order, so a tie goes to
/// the lower team) whose priority is the team's pending work in whole work units (<see cref="UnitsPerWork"/>: the
/// smallest number of units per 1.0 of work, at most 1,024, in which every type's weight is whole) above its cases
/// received in the category, packed into one integer; a team that cannot take the type is out of the type's tree.
/// A work read from the board further than 4e-10 from its whole number of units (rounding drift the 1e-9 tie could
/// no longer absorb the same way), a work of 2^22 − 1 units or more, a count received too large for the bits left
/// beside the work and the team (2^26 or more with 65,536 teams accepting the type, more with fewer), weights with no
/// such unit and more than 65,536 teams accepting a type turn the policy over to <see cref="LoadHeap"/>s, which
/// compare the works themselves: in both forms the choice is the same team.
/// </remarks>
public sealed class LeastLoadedAssignment : AssignmentPolicy, IBoardListener
{
    private const int UnitBits = 22;
    private const long MaxUnits = (1L << UnitBits) - 2;
    private const int MaxUnitsPerWork = 1024;
    private const double MaxDrift = 4e-10;

    private readonly TournamentTree[] _trees;
    private readonly int[] _slot;
    private readonly int[] _typeCategory;
    private readonly int[] _receivedBits;
    private LoadHeap[]? _heaps;

    public LeastLoadedAssignment(TeamBoard board)
        : base(board)
    {
        var n = board.TeamCount;
        _typeCategory = new int[board.TypeCount];
        _slot = new int[board.TypeCount * n];
        _trees = new TournamentTree[board.TypeCount];
        _receivedBits = new int[board.TypeCount];
        var fits = true;
        for (var type = 0; type < board.TypeCount; type++)
        {
            _typeCategory[type] = board.CategoryOf(type);
            var eligible = board.Eligible(type);
            _trees[type] = new TournamentTree(eligible.Length);
            _receivedBits[type] = 64 - _trees[type].SlotBits - UnitBits;
            fits &= _receivedBits[type] >= 26;
            for (var i = 0; i < eligible.Length; i++)
            {
                _slot[(type * n) + eligible[i]] = i;
            }
        }
        UnitsPerWork = fits ? FindUnitsPerWork(board) : 0;
        if (UnitsPerWork == 0)
        {
            UseHeaps();
        }
        else
        {
            for (var type = 0; type < board.TypeCount && _heaps is null; type++)
            {
                foreach (var team in board.Eligible(type))
                {
                    if (board.IsAvailable(team, type) && _heaps is null)
                    {
                        Enter(type, team);
                    }
                }
            }
        }
        board.Listen(this);
    }

    public override AssignmentPolicyKind Kind => AssignmentPolicyKind.LeastLoaded;

    /// <summary>Work units per 1.0 of pending work in the trees' keys; 0 once the policy decides on heaps.</summary>
    public int UnitsPerWork { get; private set; }

    public override int Choose(int type, RandomStream random)
    {
        if (_heaps is { } heaps)
        {
            return heaps[type].Peek();
        }
        var slot = _trees[type].Winner;
        return slot < 0 ? -1 : Board.Eligible(type)[slot];
    }

    void IBoardListener.AvailabilityChanged(int type, int team, bool available)
    {
        if (_heaps is { } heaps)
        {
            if (available)
            {
                heaps[type].Add(team, Board.PendingWork(team), Board.AssignedInCategory(team, _typeCategory[type]));
            }
            else
            {
                heaps[type].Remove(team);
            }
            return;
        }
        if (available)
        {
            Enter(type, team);
        }
        else
        {
            _trees[type].Clear(_slot[(type * Board.TeamCount) + team]);
        }
    }

    /// <summary>Puts the team, which can take the type now, in the type's tree with its key.</summary>
    private void Enter(int type, int team)
    {
        var units = Units(Board.PendingWork(team));
        var received = (ulong)Board.AssignedInCategory(team, _typeCategory[type]);
        var bits = _receivedBits[type];
        if (units < 0 || received >> bits != 0)
        {
            UseHeaps();
            return;
        }
        _trees[type].Set(_slot[(type * Board.TeamCount) + team], ((ulong)units << bits) | received);
    }

    void IBoardListener.LoadChanged(int team, int category)
    {
        if (_heaps is { } heaps)
        {
            // Pending work is the team's, shared by all its types: re-key it in the heap of each type it accepts.
            var work = Board.PendingWork(team);
            foreach (var type in Board.TypesOf(team))
            {
                heaps[type].Update(team, work, Board.AssignedInCategory(team, _typeCategory[type]));
            }
            return;
        }
        Rekey(team);
    }

    /// <summary>Gives the team its new key in the tree of every type it accepts and can take now.</summary>
    private void Rekey(int team)
    {
        var units = Units(Board.PendingWork(team));
        if (units < 0)
        {
            UseHeaps();
            return;
        }
        var n = Board.TeamCount;
        foreach (var type in Board.TypesOf(team))
        {
            var tree = _trees[type];
            var slot = _slot[(type * n) + team];
            // A team out of the type's tree cannot take it now (the tree follows the board's availability).
            if (!tree.Holds(slot))
            {
                continue;
            }
            var received = (ulong)Board.AssignedInCategory(team, _typeCategory[type]);
            var bits = _receivedBits[type];
            if (received >> bits != 0)
            {
                UseHeaps();
                return;
            }
            tree.Set(slot, ((ulong)units << bits) | received);
        }
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
                    heaps[type].Add(team, Board.PendingWork(team), Board.AssignedInCategory(team, _typeCategory[type]));
                }
            }
        }
        _heaps = heaps;
    }
}
