using Docket.Domain.Staffing;

namespace Docket.Domain.Simulation;

/// <summary>
/// Running totals of a court's run since day 0, kept as plain array increments on the hot path, for the metrics a
/// court grain publishes after each step (it sends the differences). Team kinds are indexed by
/// <see cref="TeamKind"/>, with one more slot, <see cref="Unassigned"/>, for cases no team holds.
/// </summary>
public sealed class SimulationTally(int types)
{
    public static readonly int Kinds = Enum.GetValues<TeamKind>().Length;
    public static readonly int Unassigned = Kinds;

    public long[] FiledByType { get; } = new long[types];

    /// <summary>[kind × types + type]</summary>
    public long[] AssignedByKindAndType { get; } = new long[Kinds * types];

    /// <summary>[kind × types + type]</summary>
    public long[] ClosedByKindAndType { get; } = new long[Kinds * types];

    /// <summary>Closures inside the statistics window by teams with a quota, by team kind, counted in each team's quota unit (<see cref="QuotaAttainment.Credit"/>).</summary>
    public double[] QuotaCreditByKind { get; } = new double[Kinds];

    /// <summary>Pending cases by team kind, the last slot unassigned.</summary>
    public long[] PendingByKind { get; } = new long[Kinds + 1];

    public long Locks { get; set; }

    public long Unlocks { get; set; }

    /// <summary>Warnings and escalations by <see cref="Deadlines.EscalationLevel"/>.</summary>
    public long[] WarningsByLevel { get; } = new long[4];
}
