namespace Docket.Domain.Ledger;

/// <summary>How a draw picks among the eligible teams (see docs/api.md).</summary>
public static class DrawMethods
{
    public const string Uniform = "uniform";
    public const string Weighted = "weighted";
    public const string Deck = "deck";

    /// <summary>The method a pool's policy draws by, or null for a policy that draws nothing (round robin, least loaded).</summary>
    public static string? Of(Assignment.AssignmentPolicyKind policy) => policy switch
    {
        Assignment.AssignmentPolicyKind.Random or Assignment.AssignmentPolicyKind.Pull => Uniform,
        Assignment.AssignmentPolicyKind.WeightedRandom => Weighted,
        Assignment.AssignmentPolicyKind.Deck => Deck,
        _ => null,
    };
}
