using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Orleans;
namespace Docket.Domain.Ledger;

/// <summary>One stored ledger entry: its canonical JSON text (what is hashed) and that text's SHA-256.</summary>
[GenerateSerializer, Immutable, Alias("docket.live.ledger-record")]
public sealed record LedgerRecord(
    [property: Id(0)] string Court,
    [property: Id(1)] long Seq,
    [property: Id(2)] string Kind,
    [property: Id(3)] string? CaseId,
    [property: Id(4)] string Json,
    [property: Id(5)] string Hash);
