using System.Runtime.Intrinsics;

namespace Docket.Domain.Assignment;

/// <summary>
/// "Random first, designated second" (case 161): a flagged case is designated to a team led by a president,
/// vice-president or division head — the least loaded such team that can take it — rather than drawn. Returns -1
/// when no leader's team can take it, and the case then goes through the pool's policy.
/// </summary>
/// <remarks>
/// Where every type has at most <see cref="ScanLimit"/> leader-led teams accepting it, a choice scans them in team
/// order (cheaper than keeping an index up to date). Otherwise the first <see cref="Choose"/> builds a
/// <see cref="LeastWorkTree"/> over the pool's leader-led teams, in team order, with a lane per case type one of them
/// accepts: a team's pending work in the lane of a type it can take now, +∞ in the others. From then on the board tells
/// it of every change, and it replays a leader-led team's matches only when that team's load or availability changes
/// (a board whose pool never designates is not listened to at all); a choice reads the root. Both find the team a
/// scan in team order taking a strictly smaller work would find.
/// </remarks>
public sealed class DesignatedAssignment : IBoardListener
{
    /// <summary>Most leader-led teams accepting a type for which a choice scans them rather than keep columns.</summary>
    public const int ScanLimit = 8;

    private readonly TeamBoard _board;
    private readonly int[][] _leaderTeams;
    private readonly bool[] _leader;
    private readonly bool _scan;
    private LeastWorkTree? _tree;
    private int[] _lane = [];
    private int[] _laneType = [];
    private int[] _leaderSlot = [];
    private int[] _slotTeam = [];

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
        var tree = _tree ?? Index();
        var lane = _lane[type];
        var slot = lane < 0 ? -1 : tree.Winner(lane);
        return slot < 0 ? -1 : _slotTeam[slot];
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

    void IBoardListener.AvailabilityChanged(int type, int team, bool available)
    {
        if (_leader[team])
        {
            _tree!.Set(_leaderSlot[team], available ? Work(team) : double.PositiveInfinity, _lane[type]);
        }
    }

    void IBoardListener.LoadChanged(int team, int category)
    {
        if (_leader[team])
        {
            // The lanes of the types the team cannot take now stay at +∞ (they follow the board's availability).
            var work = Vector256.Create(Work(team));
            for (var chunk = 0; chunk < (_laneType.Length + 3) / 4; chunk++)
            {
                _tree!.Set(_leaderSlot[team], chunk, work, keepEmpty: true);
            }
        }
    }

    private LeastWorkTree Index()
    {
        _lane = new int[_board.TypeCount];
        var laneType = new List<int>();
        for (var type = 0; type < _board.TypeCount; type++)
        {
            _lane[type] = _leaderTeams[type].Length == 0 ? -1 : laneType.Count;
            if (_lane[type] >= 0)
            {
                laneType.Add(type);
            }
        }
        _laneType = [.. laneType];
        _slotTeam = [.. Enumerable.Range(0, _board.TeamCount).Where(team => _leader[team])];
        _leaderSlot = new int[_board.TeamCount];
        for (var slot = 0; slot < _slotTeam.Length; slot++)
        {
            _leaderSlot[_slotTeam[slot]] = slot;
        }
        var tree = new LeastWorkTree(_slotTeam.Length, _laneType.Length);
        Span<double> works = stackalloc double[4];
        for (var slot = 0; slot < _slotTeam.Length; slot++)
        {
            var team = _slotTeam[slot];
            for (var chunk = 0; chunk < (_laneType.Length + 3) / 4; chunk++)
            {
                for (var i = 0; i < 4; i++)
                {
                    var lane = (4 * chunk) + i;
                    works[i] = lane < _laneType.Length && _board.IsAvailable(team, _laneType[lane]) ? Work(team) : double.PositiveInfinity;
                }
                tree.Set(slot, chunk, Vector256.Create<double>(works), keepEmpty: false);
            }
        }
        _tree = tree;
        _board.Listen(this);
        return tree;
    }

    /// <summary>
    /// The team's pending work as the tree holds it: +0 for −0 (a scan sees them equal), <see cref="double.MaxValue"/>
    /// for a work not below it (a scan never takes one, nor does the tree's winner; +∞ is kept for a lane the team
    /// cannot take).
    /// </summary>
    private double Work(int team)
    {
        var work = _board.PendingWork(team);
        return work < double.MaxValue ? work + 0.0 : double.MaxValue;
    }
}
