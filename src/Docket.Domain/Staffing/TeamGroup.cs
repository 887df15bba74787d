using Docket.Domain.Assignment;

namespace Docket.Domain.Staffing;

/// <summary>
/// <see cref="Count"/> alike teams: members by role, the case types they accept, their quota, their pending cap
/// per category, and optionally their own assignment policy.
/// </summary>
public sealed record TeamGroup(
    string Id,
    TeamKind Kind,
    int Count,
    IReadOnlyDictionary<string, int> Members,
    IReadOnlyList<string> Accepts,
    QuotaSpec? Quota,
    int? Cap,
    AssignmentSpec? Assignment);

public enum TeamKind
{
    General,
    FastTrack,
    Specialized,
    Enforcement,
    Leadership,
    PreLitigation,
}

/// <summary>
/// An annual quota fixed per team, or a share of the court's target by coefficient sum (case 155), counted in
/// <see cref="Unit"/>.
/// </summary>
public sealed record QuotaSpec(double? Fixed, bool ByCoefficient, QuotaUnit Unit = QuotaUnit.WorkloadUnits);

/// <summary>What a quota counts: workload units (closed cases × their type's weight) or closed cases.</summary>
public enum QuotaUnit
{
    WorkloadUnits,
    Cases,
}
