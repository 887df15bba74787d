using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Orleans;
namespace Docket.Domain.Courts;

/// <summary>A case with what follows from it now: lock, deadlines, the next stage, the statutory limit (extensions included).</summary>
/// <param name="NextStage">The next effort stage to report (waits skipped), or null when all are done.</param>
[GenerateSerializer, Immutable, Alias("docket.live.case-details")]
public sealed record CaseDetails(
    [property: Id(0)] CourtCase Case,
    [property: Id(1)] bool Locked,
    [property: Id(2)] DateTimeOffset? LockedSince,
    [property: Id(3)] DeadlineView[] Deadlines,
    [property: Id(4)] string? NextStage,
    [property: Id(5)] DateTimeOffset? LimitAt,
    [property: Id(6)] string Division);
