namespace Docket.Domain.Assignment;

/// <summary>The policies' names as scenarios and the API spell them.</summary>
public static class AssignmentPolicyNames
{
    /// <summary>The name of a case designated to a leader's team rather than chosen by its pool's policy.</summary>
    public const string Designated = "designated";

    public static IReadOnlyDictionary<string, AssignmentPolicyKind> All { get; } = new Dictionary<string, AssignmentPolicyKind>
    {
        ["random"] = AssignmentPolicyKind.Random,
        ["weighted_random"] = AssignmentPolicyKind.WeightedRandom,
        ["round_robin"] = AssignmentPolicyKind.RoundRobin,
        ["least_loaded"] = AssignmentPolicyKind.LeastLoaded,
        ["pull"] = AssignmentPolicyKind.Pull,
        ["deck"] = AssignmentPolicyKind.Deck,
    };

    public static AssignmentPolicyKind? Parse(string name) => All.TryGetValue(name, out var kind) ? kind : null;

    public static string NameOf(AssignmentPolicyKind kind) => All.First(p => p.Value == kind).Key;
}
