using Docket.Domain.Staffing;

namespace Docket.Domain.Simulation;

/// <summary>A team of a simulated court, expanded from its group.</summary>
public sealed record CourtTeam(
    string Id,
    int Group,
    TeamKind Kind,
    IReadOnlyDictionary<string, int> Members,
    double Coefficient,
    double Quota,
    IReadOnlyList<int> Accepts,
    int? Cap,
    bool Leader,
    bool Chief,
    int Judges,
    int Pool,
    int LocalIndex)
{
    /// <summary>What the team's quota counts (its group's <c>quota_unit</c>).</summary>
    public QuotaUnit QuotaUnit { get; init; } = QuotaUnit.WorkloadUnits;
}
