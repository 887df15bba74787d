using Orleans;

namespace Docket.Domain.Simulation;

/// <summary>
/// A judge of a simulated court as of <see cref="Day"/>: the open docket of cases the judge is in charge of, and the
/// judge's figures so far over the statistics window [warm-up, <see cref="Day"/>), as summary.json counts them.
/// </summary>
[GenerateSerializer, Immutable, Alias("docket.sim.judge-snapshot")]
public sealed record JudgeSnapshot
{
    /// <summary>The judge's name, in summary.json, the simulator's stations and the live service alike: <c>{team}/judge-{n}</c>.</summary>
    [Id(0)]
    public required string Id { get; init; }

    [Id(2)]
    public required string Team { get; init; }

    [Id(3)]
    public required double Day { get; init; }

    [Id(4)]
    public required long Open { get; init; }

    /// <summary>Cases closed in the window with this judge in charge.</summary>
    [Id(5)]
    public required long Closed { get; init; }

    /// <summary>Tasks started in the window.</summary>
    [Id(6)]
    public required long Tasks { get; init; }

    /// <summary>Working hours of the tasks started in the window (a task in progress counts whole).</summary>
    [Id(7)]
    public required double BusyHours { get; init; }

    /// <summary>Busy hours over the window's working hours so far.</summary>
    [Id(8)]
    public required double Utilization { get; init; }

    [Id(9)]
    public required OpenCase[] OpenCases { get; init; }

    /// <summary>An equal share of the team's annual quota, as the live judge's figures take it.</summary>
    [Id(10)]
    public required double Quota { get; init; }

    /// <summary>The judge's closures (or their workload units) so far against that share over the window's years so far.</summary>
    [Id(11)]
    public required double QuotaAttainment { get; init; }

    /// <summary>The balance indicators over the judge's cases (Gini 0: one judge), as the live judge's <c>figures.balance</c>.</summary>
    [Id(12)]
    public required Courts.BalanceKpi Balance { get; init; }
}
