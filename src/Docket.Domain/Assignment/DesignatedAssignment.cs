namespace Docket.Domain.Assignment;

/// <summary>
/// "Random first, designated second" (case 161): a flagged case is designated to a team led by a president,
/// vice-president or division head — the least loaded such team that can take it — rather than drawn. Returns -1
/// when no leader's team can take it, and the case then goes through the pool's policy.
/// </summary>
public sealed class DesignatedAssignment
{
    private readonly TeamBoard _board;
    private readonly int[][] _leaderTeams;

    public DesignatedAssignment(TeamBoard board)
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
