using Docket.Domain.Randomness;

namespace Docket.Domain.Assignment;

/// <summary>Uniformly at random among the teams that can take the case (case 159: random within the pool).</summary>
public sealed class RandomAssignment(TeamBoard board) : AssignmentPolicy(board)
{
    public override AssignmentPolicyKind Kind => AssignmentPolicyKind.Random;

    public override int Choose(int type, RandomStream random) => Uniform(Board, type, random);

    /// <summary>A team drawn uniformly from those that can take the type now, or -1.</summary>
    internal static int Uniform(TeamBoard board, int type, RandomStream random)
    {
        var available = board.Available(type);
        return available.Count == 0 ? -1 : available[random.Next(available.Count)];
    }
}
