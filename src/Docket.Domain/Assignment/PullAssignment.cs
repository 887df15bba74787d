using Docket.Domain.Randomness;

namespace Docket.Domain.Assignment;

/// <summary>
/// Close-one-get-one (case 163): a team under its pending cap for the category takes the case (at random among such
/// teams); a saturated team receives nothing and the case waits in the court's queue until a closure frees a place,
/// when the team that closed pulls the longest-waiting case it can take.
/// </summary>
public sealed class PullAssignment(TeamBoard board) : AssignmentPolicy(board)
{
    public override AssignmentPolicyKind Kind => AssignmentPolicyKind.Pull;

    // Among the teams under their cap the draw is random's; what makes it pull is the cap and the court's queue.
    public override int Choose(int type, RandomStream random) => RandomAssignment.Uniform(Board, type, random);
}
