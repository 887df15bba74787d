using System.Text.Json.Serialization;
using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Orleans;
namespace Docket.Domain.Courts;

/// <summary>
/// A court's indicators over a window [<see cref="Since"/>, <see cref="AsOf"/>]: summary.json's definitions
/// (closure rate = closed ÷ (pending at start + filed), clearance = closed ÷ filed), pending ages, long-pending
/// counts, locks, and Anhui's balance index (case 160) with the Gini coefficient of the teams' open work.
/// <see cref="WaitingAgeDays"/> is the ages (days since filing) of the cases waiting for a team now, as
/// <c>GET /api/courts/{court}/queue</c>'s <c>waiting_days</c>: 0 throughout when none waits.
/// </summary>
[GenerateSerializer, Immutable, Alias("docket.live.court-kpis")]
public sealed record CourtKpis(
    [property: Id(0)] string Court,
    [property: Id(1)] DateTimeOffset Since,
    [property: Id(2)] DateTimeOffset AsOf,
    [property: Id(3)] long PendingStart,
    [property: Id(4)] long Filed,
    [property: Id(5)] long Closed,
    [property: Id(6)] long PendingEnd,
    [property: Id(7)] long Waiting,
    [property: Id(8)] double ClosureRate,
    [property: Id(9)] double ClearanceRatio,
    [property: Id(10)] PendingAges PendingAgeDays,
    [property: Id(11)] LongPending LongPending,
    [property: Id(12)] LockCounts Locks,
    [property: Id(13)] BalanceKpi Balance,
    [property: Id(14)] PendingAges WaitingAgeDays);

[GenerateSerializer, Immutable, Alias("docket.live.pending-ages")]
public sealed record PendingAges(
    [property: Id(0)] double Mean,
    [property: Id(1)] double P50,
    [property: Id(2)] double P90,
    [property: Id(3)] double Max);

[GenerateSerializer, Immutable, Alias("docket.live.long-pending")]
public sealed record LongPending(
    [property: Id(0), JsonPropertyName("over_365")] long Over365,
    [property: Id(1), JsonPropertyName("over_548")] long Over548,
    [property: Id(2), JsonPropertyName("over_1095")] long Over1095);

/// <summary>Cases locked now, cases ever locked, and unlocks recorded.</summary>
[GenerateSerializer, Immutable, Alias("docket.live.lock-counts")]
public sealed record LockCounts(
    [property: Id(0)] long LockedNow,
    [property: Id(1)] long Overdue,
    [property: Id(2)] long Unlocks);

/// <summary>The five indicators, the composite index (0–100, higher is better) and the caseload Gini.</summary>
[GenerateSerializer, Immutable, Alias("docket.live.balance")]
public sealed record BalanceKpi(
    [property: Id(0)] double Index,
    [property: Id(1)] double TimeLimitChangeRate,
    [property: Id(2)] double TrialTimeIndex,
    [property: Id(3)] double MediationAndSimpleShare,
    [property: Id(4)] double? FileTransferDays,
    [property: Id(5)] double LongPendingShare,
    [property: Id(6)] double CaseloadGini)
{
    /// <summary>The indicators with their index under <paramref name="weights"/>, and the Gini coefficient of the open work.</summary>
    public static BalanceKpi Of(Balance.BalanceIndicators indicators, Balance.BalanceWeights weights, double caseloadGini) =>
        new(indicators.Index(weights), indicators.TimeLimitChangeRate, indicators.TrialTimeIndex, indicators.MediationAndSimpleShare,
            indicators.FileTransferDays, indicators.LongPendingShare, caseloadGini);
}
