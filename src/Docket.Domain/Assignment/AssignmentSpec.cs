namespace Docket.Domain.Assignment;

/// <summary>How a pool of teams receives cases.</summary>
public sealed record AssignmentSpec(
    AssignmentPolicyKind Policy,
    int? Cap = null,
    WeightBasis WeightBy = WeightBasis.Coefficient,
    double LeaderShare = 1.15,
    int CardsPerJudge = 2,
    int ChiefCards = 1,
    double? EscalateAfterDays = null,
    DesignationTarget Designated = DesignationTarget.Leader)
{
    public static AssignmentSpec Random { get; } = new(AssignmentPolicyKind.Random);
}

public enum AssignmentPolicyKind
{
    Random,
    WeightedRandom,
    RoundRobin,
    LeastLoaded,
    Pull,
    Deck,
}

/// <summary>What weighted random draws in proportion to.</summary>
public enum WeightBasis
{
    /// <summary>The team's human-resource coefficient sum (case 155).</summary>
    Coefficient,

    /// <summary>1 for every team, <c>leader_share</c> (1.10–1.20) for teams led by a president or division head (case 161).</summary>
    LeaderShare,
}

/// <summary>Where a flagged case goes when it is designated rather than drawn.</summary>
public enum DesignationTarget
{
    /// <summary>The least-loaded eligible team led by a president, vice-president or division head.</summary>
    Leader,

    /// <summary>Flagged cases go through the pool's policy like any other.</summary>
    None,
}
