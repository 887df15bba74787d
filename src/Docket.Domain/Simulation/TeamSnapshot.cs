using Docket.Domain.Staffing;
using Orleans;

namespace Docket.Domain.Simulation;

/// <summary>
/// A team of a simulated court as of <see cref="Day"/>: its open caseload (every case assigned to it and not closed,
/// whenever filed) and its figures so far over the statistics window [warm-up, <see cref="Day"/>) — cases assigned and
/// closed, workload units, quota attainment and judges' utilization, computed as summary.json's team rows are, so that
/// at the run's end they are the summary's.
/// </summary>
[GenerateSerializer, Immutable, Alias("docket.sim.team-snapshot")]
public sealed record TeamSnapshot
{
    /// <summary>The team's id as in summary.json (<c>{court}/{team}</c> in a scenario of several courts).</summary>
    [Id(0)]
    public required string Id { get; init; }

    [Id(1)]
    public required string Court { get; init; }

    [Id(2)]
    public required TeamKind Kind { get; init; }

    /// <summary>The simulated day the court has reached.</summary>
    [Id(3)]
    public required double Day { get; init; }

    [Id(4)]
    public required long Assigned { get; init; }

    [Id(5)]
    public required long Closed { get; init; }

    [Id(6)]
    public required long Open { get; init; }

    /// <summary>The open cases' weights summed (a case type's <c>weight</c>).</summary>
    [Id(7)]
    public required double PendingWork { get; init; }

    [Id(8)]
    public required double WorkloadUnits { get; init; }

    [Id(9)]
    public required double Quota { get; init; }

    [Id(10)]
    public required double QuotaAttainment { get; init; }

    [Id(11)]
    public required double Utilization { get; init; }

    /// <summary>The team's judges' ids as in summary.json (<c>{team}/judge-{n}</c>).</summary>
    [Id(12)]
    public required string[] Judges { get; init; }

    /// <summary>The open cases, in the court's order of receipt.</summary>
    [Id(13)]
    public required OpenCase[] OpenCases { get; init; }

    /// <summary>
    /// The balance indicators over the team's cases (summary.json's definitions with pending ages to
    /// <see cref="Day"/>; its index is the team row's <c>balance_index</c> at the end) and the Gini coefficient of its
    /// judges' open work: the live team's <c>figures.balance</c>, one calculator (<see cref="Courts.BalanceKpi"/>).
    /// </summary>
    [Id(14)]
    public required Courts.BalanceKpi Balance { get; init; }
}
