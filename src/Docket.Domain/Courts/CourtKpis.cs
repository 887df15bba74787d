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
public sealed record CourtKpis
{
    [Id(0)]
    public required string Court { get; init; }

    [Id(1)]
    public required DateTimeOffset Since { get; init; }

    [Id(2)]
    public required DateTimeOffset AsOf { get; init; }

    [Id(3)]
    public required long PendingStart { get; init; }

    [Id(4)]
    public required long Filed { get; init; }

    [Id(5)]
    public required long Closed { get; init; }

    [Id(6)]
    public required long PendingEnd { get; init; }

    [Id(7)]
    public required long Waiting { get; init; }

    [Id(8)]
    public required double ClosureRate { get; init; }

    [Id(9)]
    public required double ClearanceRatio { get; init; }

    [Id(10)]
    public required PendingAges PendingAgeDays { get; init; }

    [Id(11)]
    public required LongPending LongPending { get; init; }

    [Id(12)]
    public required LockCounts Locks { get; init; }

    [Id(13)]
    public required BalanceKpi Balance { get; init; }

    [Id(14)]
    public required PendingAges WaitingAgeDays { get; init; }
}

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
    [property: Id(2), JsonPropertyName("over_1095")] long Over1095,
    [property: Id(3), JsonPropertyName("over_730")] long Over730 = 0);

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
