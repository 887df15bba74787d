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

    /// <summary>How the scenario wrote <see cref="LeaderShare"/>: which reading of case 161's "院庭长分案比例提高10%—20%" it takes.</summary>
    public LeaderShareReading LeaderShareReading { get; init; } = LeaderShareReading.AboveOrdinary;
}

/// <summary>
/// The two readings of case 161's "院庭长分案比例提高10%—20%" (raise presidents' and division heads' share of cases by
/// 10–20%). Either way <see cref="AssignmentSpec.LeaderShare"/> is a leader-led team's weight where an ordinary team's is 1.
/// </summary>
public enum LeaderShareReading
{
    /// <summary><c>leader_share: 1.15</c>: a leader-led team receives 10–20% more than an ordinary team.</summary>
    AboveOrdinary,

    /// <summary>
    /// <c>leader_share: { reduced: 0.5, raised_by: 0.15 }</c>: leaders keep a reduced share for their management work,
    /// and it is that share that is raised: reduced × (1 + raised_by) of an ordinary team's.
    /// </summary>
    RaisedReducedShare,
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
