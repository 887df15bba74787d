using Docket.Domain.Randomness;

namespace Docket.Domain.Assignment;

/// <summary>
/// In turn, per category: each category keeps its own rotation over the teams that accept it, so balance holds
/// within every category. Teams that cannot take the case (away, at cap) are skipped without losing or gaining a turn.
/// </summary>
public sealed class RoundRobinAssignment : AssignmentPolicy
{
    private readonly int[] _cursor;

    public RoundRobinAssignment(TeamBoard board)
        : base(board) => _cursor = new int[board.CategoryCount];

    public override AssignmentPolicyKind Kind => AssignmentPolicyKind.RoundRobin;

    internal override void WriteState(BinaryWriter w) => Array.ForEach(_cursor, w.Write);

    internal override void ReadState(BinaryReader r)
    {
        for (var i = 0; i < _cursor.Length; i++)
        {
            _cursor[i] = r.ReadInt32();
        }
    }

    public override int Choose(int type, RandomStream random)
    {
        if (Board.Available(type).Count == 0)
        {
            return -1;
        }
        var category = Board.CategoryOf(type);
        var ring = Board.EligibleInCategory(category);
        var start = _cursor[category];
        for (var k = 0; k < ring.Length; k++)
        {
            var at = start + k;
            if (at >= ring.Length)
            {
                at -= ring.Length;
            }
            var team = ring[at];
            if (Board.IsAvailable(team, type))
            {
                _cursor[category] = at + 1 == ring.Length ? 0 : at + 1;
                return team;
            }
        }
        return -1;
    }
}
