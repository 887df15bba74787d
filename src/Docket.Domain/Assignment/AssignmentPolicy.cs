using Docket.Domain.Randomness;

namespace Docket.Domain.Assignment;

/// <summary>
/// Chooses the team for a case among those on the board that can take it now. Returns -1 when none can (the case
/// then waits in the court's queue). A policy never returns a team that does not accept the type, is away, or is at
/// its cap.
/// </summary>
public abstract class AssignmentPolicy
{
    protected AssignmentPolicy(TeamBoard board) => Board = board;

    public TeamBoard Board { get; }

    public abstract AssignmentPolicyKind Kind { get; }

    public abstract int Choose(int type, RandomStream random);

    /// <summary>Writes the policy's own history (a deck's order, a rotation's place); policies that decide from the board alone write nothing.</summary>
    internal virtual void WriteState(BinaryWriter w)
    {
    }

    /// <summary>Takes the history <see cref="WriteState"/> wrote.</summary>
    internal virtual void ReadState(BinaryReader r)
    {
    }

    public static AssignmentPolicy Create(AssignmentSpec spec, TeamBoard board) => spec.Policy switch
    {
        AssignmentPolicyKind.Random => new RandomAssignment(board),
        AssignmentPolicyKind.Pull => new PullAssignment(board),
        AssignmentPolicyKind.WeightedRandom => new WeightedRandomAssignment(board, spec.WeightBy, spec.LeaderShare),
        AssignmentPolicyKind.RoundRobin => new RoundRobinAssignment(board),
        AssignmentPolicyKind.LeastLoaded => new LeastLoadedAssignment(board),
        AssignmentPolicyKind.Deck => new DeckAssignment(board, spec.CardsPerJudge, spec.ChiefCards),
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Policy, "unknown policy"),
    };
}
