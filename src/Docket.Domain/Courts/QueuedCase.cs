using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Orleans;
namespace Docket.Domain.Courts;

/// <summary>
/// A case waiting for a team in a pool's queue: its place (1 = pulled next), how long it has waited, and when it was
/// escalated to the top (or, not yet escalated, when it will be: null when its pool does not escalate).
/// </summary>
[GenerateSerializer, Immutable, Alias("docket.live.queued-case")]
public sealed record QueuedCase(
    [property: Id(0)] string Case,
    [property: Id(1)] string Type,
    [property: Id(2)] string Pool,
    [property: Id(3)] int Place,
    [property: Id(4)] DateTimeOffset FiledAt,
    [property: Id(5)] double WaitingDays,
    [property: Id(6)] DateTimeOffset? EscalatedAt,
    [property: Id(7)] DateTimeOffset? EscalatesAt);
