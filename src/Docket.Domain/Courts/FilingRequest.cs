using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Domain.Supervision;
using Orleans;
namespace Docket.Domain.Courts;

/// <summary>A case filed at a court: its type, flags, and the caller's idempotency key (if any).</summary>
/// <param name="PartyCodeHmac">The keyed hash of the code the party is given (<see cref="PartyCodes"/>), written in the filing entry.</param>
/// <param name="Risk">Shangrao's risk level (the API spells it none, ordinary, larger or major: <see cref="RiskLevels.Parse"/>); larger and major are designated.</param>
[GenerateSerializer, Immutable, Alias("docket.live.filing-request")]
public sealed record FilingRequest(
    [property: Id(0)] string Type,
    [property: Id(1)] bool Flagged,
    [property: Id(2)] RiskLevel Risk,
    [property: Id(3)] string? IdempotencyKey,
    [property: Id(4)] Actor By,
    [property: Id(5)] string? PartyCodeHmac = null);
