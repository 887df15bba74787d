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
