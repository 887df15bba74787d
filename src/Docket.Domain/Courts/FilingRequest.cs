using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Orleans;
namespace Docket.Domain.Courts;

/// <summary>A case filed at a court: its type, flags, and the caller's idempotency key (if any).</summary>
/// <param name="Risk">none, ordinary, larger or major (Shangrao's risk levels); larger and major are designated.</param>
[GenerateSerializer, Immutable, Alias("docket.live.filing-request")]
public sealed record FilingRequest(
    [property: Id(0)] string Type,
    [property: Id(1)] bool Flagged,
    [property: Id(2)] string Risk,
    [property: Id(3)] string? IdempotencyKey,
    [property: Id(4)] Actor By);
