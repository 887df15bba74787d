using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Docket.Domain.Assignment;

/// <summary>
/// "Random first, designated second" (case 161): a flagged case is designated to a team led by a president,
/// vice-president or division head — the least loaded such team that can take it — rather than drawn. Returns -1
/// when no leader's team can take it, and the case then goes through the pool's policy.
/// </summary>
/// <remarks>
/// Where every type has at most <see cref="ScanLimit"/> leader-led teams accepting it, a choice scans them in team
/// order (cheaper than keeping an index up to date). Otherwise the first <see cref="Choose"/> builds, per case type, a
/// column of the pending works of the leader-led teams accepting it, in team order, +∞ for a team that cannot take
/// the type now; from then on the board tells it of every change, and it rewrites a leader-led team's entries only
/// when that team's load or availability changes (a board whose pool never designates is not listened to at all). A
/// choice is then the first least entry of the column, found with vector instructions four entries at a time. Both
/// find the team a scan in team order taking a strictly smaller work would find.
/// </remarks>
public sealed class DesignatedAssignment : IBoardListener
{
    /// <summary>Most leader-led teams accepting a type for which a choice scans them rather than keep columns.</summary>
    public const int ScanLimit = 8;

    private readonly TeamBoard _board;
    private readonly int[][] _leaderTeams;
    private readonly bool[] _leader;
    private readonly bool _scan;
    private double[][]? _works;
    private int[] _slot = [];

    public DesignatedAssignment(TeamBoard board)
    {
        _board = board;
        _leader = new bool[board.TeamCount];
        _leaderTeams = new int[board.TypeCount][];
        _scan = true;
        for (var type = 0; type < board.TypeCount; type++)
        {
            var list = new List<int>();
            foreach (var team in board.Eligible(type))
            {
                if (board.Teams[team].Leader)
                {
                    list.Add(team);
                    _leader[team] = true;
                }
            }
            _leaderTeams[type] = [.. list];
            _scan &= list.Count <= ScanLimit;
        }
    }

    /// <summary>
    /// Whether a case is designated rather than drawn: flagged ("four-type" cases, case 164) or of larger or major
    /// risk (case 162), in a pool that designates to leaders.
    /// </summary>
    public static bool Applies(bool flagged, Supervision.RiskLevel risk, DesignationTarget target) =>
        (flagged || risk >= Supervision.RiskLevel.Larger) && target == DesignationTarget.Leader;

    /// <summary>
    /// The least-loaded leader-led team of the whole court that can take the type, as a court team index (-1: none) —
    /// in any pool, so a leadership group with its own pool that is not first for the type receives only designated
    /// cases. <paramref name="poolTeams"/> maps each pool's team index to the court's.
    /// </summary>
    public static int AcrossCourt(IReadOnlyList<DesignatedAssignment> designated, IReadOnlyList<int[]> poolTeams, int type)
    {
        var best = -1;
        var bestWork = double.MaxValue;
        for (var p = 0; p < designated.Count; p++)
        {
            var local = designated[p].Choose(type);
            if (local >= 0 && designated[p]._board.PendingWork(local) < bestWork)
            {
                bestWork = designated[p]._board.PendingWork(local);
                best = poolTeams[p][local];
            }
        }
        return best;
    }

    /// <summary>The available leader-led team accepting the type with the least pending work (the lower team on a tie), or -1.</summary>
    public int Choose(int type)
    {
        if (_scan)
        {
            return Scan(type);
        }
        var slot = FirstLeast((_works ?? Index())[type]);
        return slot < 0 ? -1 : _leaderTeams[type][slot];
    }

    private int Scan(int type)
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

    /// <summary>
    /// The first index of the column's least entry, or -1 when none is below <see cref="double.MaxValue"/>. The column's
    /// length is a multiple of 4 (padded with +∞) and it holds no NaN and no −0, so the vector minimum is the minimum.
    /// </summary>
    internal static int FirstLeast(double[] works)
    {
        if (!Vector256.IsHardwareAccelerated)
        {
            var best = -1;
            var least = double.MaxValue;
            for (var i = 0; i < works.Length; i++)
            {
                if (works[i] < least)
                {
                    least = works[i];
                    best = i;
                }
            }
            return best;
        }
        if (works.Length == 0)
        {
            return -1;
        }
        ref var first = ref MemoryMarshal.GetArrayDataReference(works);
        var length = (nuint)works.Length;
        var min = Vector256.LoadUnsafe(ref first);
        for (nuint i = 4; i < length; i += 4)
        {
            min = Vector256.MinNative(min, Vector256.LoadUnsafe(ref first, i));
        }
        var half = Vector128.MinNative(min.GetLower(), min.GetUpper());
        var leastWork = Math.Min(half.ToScalar(), half.GetElement(1));
        if (!(leastWork < double.MaxValue))
        {
            return -1;
        }
        var target = Vector256.Create(leastWork);
        for (nuint i = 0; i < length; i += 4)
        {
            var equal = Vector256.Equals(Vector256.LoadUnsafe(ref first, i), target).ExtractMostSignificantBits();
            if (equal != 0)
            {
                return (int)i + BitOperations.TrailingZeroCount(equal);
            }
        }
        return -1;
    }

    void IBoardListener.AvailabilityChanged(int type, int team, bool available)
    {
        if (_leader[team])
        {
            _works![type][_slot[(type * _board.TeamCount) + team]] = available ? Work(team) : double.PositiveInfinity;
        }
    }

    void IBoardListener.LoadChanged(int team, int category)
    {
        if (_leader[team])
        {
            Rekey(team);
        }
    }

    private double[][] Index()
    {
        var n = _board.TeamCount;
        _slot = new int[_board.TypeCount * n];
        var works = new double[_board.TypeCount][];
        for (var type = 0; type < _board.TypeCount; type++)
        {
            var leaders = _leaderTeams[type];
            works[type] = new double[(leaders.Length + 3) & ~3];
            Array.Fill(works[type], double.PositiveInfinity);
            for (var i = 0; i < leaders.Length; i++)
            {
                _slot[(type * n) + leaders[i]] = i;
            }
        }
        _works = works;
        for (var team = 0; team < n; team++)
        {
            if (_leader[team])
            {
                Rekey(team);
            }
        }
        _board.Listen(this);
        return works;
    }

    /// <summary>Writes the leader-led team's work in the column of every type it accepts: its work when it can take the type now, else +∞.</summary>
    private void Rekey(int team)
    {
        var work = Work(team);
        var n = _board.TeamCount;
        foreach (var type in _board.TypesOf(team))
        {
            _works![type][_slot[(type * n) + team]] = _board.IsAvailable(team, type) ? work : double.PositiveInfinity;
        }
    }

    /// <summary>
    /// The team's pending work as the column holds it: +0 for −0 (a scan sees them equal), +∞ for a work not below
    /// <see cref="double.MaxValue"/> (a scan from it never takes one).
    /// </summary>
    private double Work(int team)
    {
        var work = _board.PendingWork(team);
        return work < double.MaxValue ? work + 0.0 : double.PositiveInfinity;
    }
}
