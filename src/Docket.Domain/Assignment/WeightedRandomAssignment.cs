using Docket.Domain.Randomness;

namespace Docket.Domain.Assignment;

/// <summary>
/// At random in proportion to a weight: the team's coefficient sum (case 155), or 1 for every team and
/// <c>leaderShare</c> (1.10–1.20) for teams led by a president or division head (case 161).
/// </summary>
public sealed class WeightedRandomAssignment : AssignmentPolicy, IBoardListener
{
    private readonly FenwickTree[] _trees;
    private readonly int[][] _slot;
    private readonly double[] _weight;

    /// <summary>A team's weight in the draw: its coefficient sum, or <paramref name="leaderShare"/> for a leader-led team and 1 for the others.</summary>
    public static double WeightOf(WeightBasis basis, double leaderShare, double coefficient, bool leader) =>
        basis == WeightBasis.Coefficient ? coefficient : (leader ? leaderShare : 1.0);

    public WeightedRandomAssignment(TeamBoard board, WeightBasis basis, double leaderShare)
        : base(board)
    {
        _weight = new double[board.TeamCount];
        for (var team = 0; team < board.TeamCount; team++)
        {
            var t = board.Teams[team];
            _weight[team] = WeightOf(basis, leaderShare, t.Coefficient, t.Leader);
        }
        _trees = new FenwickTree[board.TypeCount];
        _slot = new int[board.TypeCount][];
        for (var type = 0; type < board.TypeCount; type++)
        {
            var eligible = board.Eligible(type);
            _trees[type] = new FenwickTree(eligible.Length);
            _slot[type] = new int[board.TeamCount];
            Array.Fill(_slot[type], -1);
            for (var i = 0; i < eligible.Length; i++)
            {
                _slot[type][eligible[i]] = i;
                if (board.IsAvailable(eligible[i], type))
                {
                    _trees[type].Set(i, _weight[eligible[i]]);
                }
            }
        }
        board.Listen(this);
    }

    public override AssignmentPolicyKind Kind => AssignmentPolicyKind.WeightedRandom;

    public double WeightOf(int team) => _weight[team];

    public override int Choose(int type, RandomStream random)
    {
        var tree = _trees[type];
        if (tree.Total <= 1e-12 || Board.Available(type).Count == 0)
        {
            return -1;
        }
        var i = tree.Find(random.NextDouble() * tree.Total);
        return i < 0 ? -1 : Board.Eligible(type)[i];
    }

    void IBoardListener.AvailabilityChanged(int type, int team, bool available) =>
        _trees[type].Set(_slot[type][team], available ? _weight[team] : 0.0);

    void IBoardListener.LoadChanged(int team, int category)
    {
    }
}
