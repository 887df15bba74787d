using Docket.Domain.Staffing;

namespace Docket.Domain.Simulation;

/// <summary>A team of a simulated court, expanded from its group.</summary>
public sealed record CourtTeam
{
    public required string Id { get; init; }

    public required int Group { get; init; }

    public required TeamKind Kind { get; init; }

    public required IReadOnlyDictionary<string, int> Members { get; init; }

    public required double Coefficient { get; init; }

    public required double Quota { get; init; }

    public required IReadOnlyList<int> Accepts { get; init; }

    public required int? Cap { get; init; }

    public required bool Leader { get; init; }

    public required bool Chief { get; init; }

    public required int Judges { get; init; }

    public required int Pool { get; init; }

    public required int LocalIndex { get; init; }

    /// <summary>What the team's quota counts (its group's <c>quota_unit</c>).</summary>
    public QuotaUnit QuotaUnit { get; init; } = QuotaUnit.WorkloadUnits;
}
