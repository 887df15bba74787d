using Orleans;

namespace Docket.Domain.Simulation;

/// <summary>
/// A team of a simulated court as of <see cref="Day"/>: its open caseload (every case assigned to it and not closed,
/// whenever filed) and its figures so far over the statistics window [warm-up, <see cref="Day"/>) — cases assigned and
/// closed, workload units, quota attainment and judges' utilization, computed as summary.json's team rows are, so that
/// at the run's end they are the summary's.
/// </summary>
/// <param name="Id">The team's id as in summary.json (<c>{court}/{team}</c> in a scenario of several courts).</param>
/// <param name="Day">The simulated day the court has reached.</param>
/// <param name="PendingWork">The open cases' weights summed (a case type's <c>weight</c>).</param>
/// <param name="Judges">The team's judges' ids as in summary.json (<c>{team}/j{n}</c>).</param>
/// <param name="OpenCases">The open cases, in the court's order of receipt.</param>
/// <param name="Balance">The balance indicators over the team's cases (summary.json's definitions with pending ages to
/// <see cref="Day"/>; its index is the team row's <c>balance_index</c> at the end) and the Gini coefficient of its
/// judges' open work: the live team's <c>figures.balance</c>, one calculator (<see cref="Courts.BalanceKpi"/>).</param>
[GenerateSerializer, Immutable, Alias("docket.sim.team-snapshot")]
public sealed record TeamSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] string Court,
    [property: Id(2)] string Kind,
    [property: Id(3)] double Day,
    [property: Id(4)] long Assigned,
    [property: Id(5)] long Closed,
    [property: Id(6)] long Open,
    [property: Id(7)] double PendingWork,
    [property: Id(8)] double WorkloadUnits,
    [property: Id(9)] double Quota,
    [property: Id(10)] double QuotaAttainment,
    [property: Id(11)] double Utilization,
    [property: Id(12)] string[] Judges,
    [property: Id(13)] OpenCase[] OpenCases,
    [property: Id(14)] Courts.BalanceKpi Balance);
