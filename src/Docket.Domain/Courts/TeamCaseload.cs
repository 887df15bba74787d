using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Orleans;
namespace Docket.Domain.Courts;

/// <summary>
/// A team's load: cases received, open and closed, weighted open work, the open cases oldest first, and the team's
/// quota attainment since the ledger began (<see cref="Staffing.QuotaAttainment"/>; null for a judge's load), and the
/// team's or judge's figures (<see cref="DocketFigures"/>); <see cref="Judge"/> names the judge (<c>{team}/judge-{k}</c>)
/// when the load is a judge's, null for a team's.
/// </summary>
[GenerateSerializer, Immutable, Alias("docket.live.team-caseload")]
public sealed record TeamCaseload(
    [property: Id(0)] string Team,
    [property: Id(1)] string Court,
    [property: Id(2)] string Division,
    [property: Id(3)] long Assigned,
    [property: Id(4)] long Pending,
    [property: Id(5)] long Closed,
    [property: Id(6)] double PendingWork,
    [property: Id(7)] CaseloadEntry[] Cases,
    [property: Id(8)] double? QuotaAttainment = null,
    [property: Id(9)] DocketFigures? Figures = null,
    [property: Id(10)] string? Judge = null);

[GenerateSerializer, Immutable, Alias("docket.live.caseload-entry")]
public sealed record CaseloadEntry(
    [property: Id(0)] string Id,
    [property: Id(1)] string Type,
    [property: Id(2)] string? Judge,
    [property: Id(3)] DateTimeOffset FiledAt,
    [property: Id(4)] double AgeDays,
    [property: Id(5)] bool Locked,
    [property: Id(6)] string? NextStage);
