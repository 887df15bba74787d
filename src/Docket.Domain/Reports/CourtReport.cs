using System.Text.Json.Serialization;
using Orleans;

namespace Docket.Domain.Reports;

/// <summary>
/// A court's published list for a period: the daily check's and the past-limit list's cases (<see cref="Cases"/>),
/// the monthly counts per judge (<see cref="Judges"/>) or per division (<see cref="Divisions"/>), or a ranking of
/// teams (<see cref="Teams"/>) — one of them, the others absent. <see cref="AsOf"/> is the moment a list of cases
/// stands at (now), or the end of the period covered so far.
/// </summary>
[GenerateSerializer, Immutable, Alias("docket.live.report")]
public sealed record CourtReport(
    [property: Id(0)] string Court,
    [property: Id(1)] ReportKind Kind,
    [property: Id(2)] string Period,
    [property: Id(3)] DateTimeOffset From,
    [property: Id(4)] DateTimeOffset To,
    [property: Id(5)] DateTimeOffset AsOf,
    [property: Id(6), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ListedCase[]? Cases = null,
    [property: Id(7), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JudgeCount[]? Judges = null,
    [property: Id(8), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DivisionCaseload[]? Divisions = null,
    [property: Id(9), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TeamRanking[]? Teams = null);

/// <summary>
/// A case on the daily check or the past-limit list: the check (<c>not_served</c>, <c>no_hearing</c>,
/// <c>near_limit</c>, <c>past_limit</c>), since when it is listed (filing + 15 days, filing + 30 days, the limit less
/// the warning time, the limit) and its statutory limit.
/// </summary>
[GenerateSerializer, Immutable, Alias("docket.live.report.case")]
public sealed record ListedCase(
    [property: Id(0)] string Case,
    [property: Id(1)] string Type,
    [property: Id(2)] string? Team,
    [property: Id(3)] string? Division,
    [property: Id(4)] string? Judge,
    [property: Id(5)] CaseCheck Check,
    [property: Id(6)] DateTimeOffset FiledAt,
    [property: Id(7)] DateTimeOffset ListedSince,
    [property: Id(8)] DateTimeOffset? LimitAt,
    [property: Id(9)] double DaysSinceFiling);

/// <summary>
/// A judge's assignments in a month (case 161): every case put in their charge (<see cref="Assigned"/>: drawn,
/// designated, pulled, by rule), those that came by a random draw (<see cref="Drawn"/>), the draws the judge could
/// expect under the court's policy (<see cref="Expected"/>: the team's expected draws — each draw's recorded
/// probability of the team, summed — shared equally among its judges, since the judge in charge is named by rule)
/// and <see cref="Deviation"/> = drawn − expected. <see cref="TeamResidual"/> is the team's (drawn − expected) ÷ √variance,
/// as <c>docket audit randomness</c> computes it: beyond ±3 a skewed draw is worth a look.
/// </summary>
[GenerateSerializer, Immutable, Alias("docket.live.report.judge")]
public sealed record JudgeCount(
    [property: Id(0)] string Team,
    [property: Id(1)] string Judge,
    [property: Id(2)] long Assigned,
    [property: Id(3)] long Drawn,
    [property: Id(4)] double Expected,
    [property: Id(5)] double Deviation,
    [property: Id(6)] double TeamResidual);

/// <summary>A division's caseload in a month: pending at its start, filed and closed in it, pending at its end (each case under its current or last team's division; <c>unassigned</c> for cases no team holds).</summary>
[GenerateSerializer, Immutable, Alias("docket.live.report.division")]
public sealed record DivisionCaseload(
    [property: Id(0)] string Division,
    [property: Id(1)] long PendingStart,
    [property: Id(2)] long Filed,
    [property: Id(3)] long Closed,
    [property: Id(4)] long PendingEnd);

/// <summary>A team's place in a quarter's or year's ranking: by workload units closed (closed × the type's weight), then closures, then team order.</summary>
[GenerateSerializer, Immutable, Alias("docket.live.report.ranking")]
public sealed record TeamRanking(
    [property: Id(0)] int Rank,
    [property: Id(1)] string Team,
    [property: Id(2)] string Division,
    [property: Id(3)] long Closed,
    [property: Id(4)] double WorkloadUnits,
    [property: Id(5)] double MeanDaysToDisposition);
