using Orleans;

namespace Docket.Domain.Simulation;

/// <summary>
/// A judge of a simulated court as of <see cref="Day"/>: the open docket of cases the judge is in charge of, and the
/// judge's figures so far over the statistics window [warm-up, <see cref="Day"/>), as summary.json counts them.
/// </summary>
/// <param name="Id">summary.json's id of the judge: <c>{team}/j{n}</c>.</param>
/// <param name="Station">The judge's station in the simulator (and the live service's name): <c>{team}/judge-{n}</c>.</param>
/// <param name="Closed">Cases closed in the window with this judge in charge.</param>
/// <param name="Tasks">Tasks started in the window.</param>
/// <param name="BusyHours">Working hours of the tasks started in the window (a task in progress counts whole).</param>
/// <param name="Utilization">Busy hours over the window's working hours so far.</param>
/// <param name="Quota">An equal share of the team's annual quota, as the live judge's figures take it.</param>
/// <param name="QuotaAttainment">The judge's closures (or their workload units) so far against that share over the window's years so far.</param>
/// <param name="Balance">The balance indicators over the judge's cases (Gini 0: one judge), as the live judge's <c>figures.balance</c>.</param>
[GenerateSerializer, Immutable, Alias("docket.sim.judge-snapshot")]
public sealed record JudgeSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] string Station,
    [property: Id(2)] string Team,
    [property: Id(3)] double Day,
    [property: Id(4)] long Open,
    [property: Id(5)] long Closed,
    [property: Id(6)] long Tasks,
    [property: Id(7)] double BusyHours,
    [property: Id(8)] double Utilization,
    [property: Id(9)] OpenCase[] OpenCases,
    [property: Id(10)] double Quota,
    [property: Id(11)] double QuotaAttainment,
    [property: Id(12)] Courts.BalanceKpi Balance);
