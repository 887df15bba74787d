using Orleans;

namespace Docket.Domain.Ledger;

/// <summary>
/// The result of re-computing a court's ledger: every entry's hash and link, every draw re-made with the court's seed,
/// every actor's right, and the chain checked against the witness's signed checkpoints; the first entry that does not
/// match (if any) and why.
/// </summary>
[GenerateSerializer, Immutable, Alias("docket.live.ledger-verification")]
public sealed record LedgerVerification(
    [property: Id(0)] string Court,
    [property: Id(1)] bool Valid,
    [property: Id(2)] long Entries,
    [property: Id(3)] long DrawsChecked,
    [property: Id(4)] string? Head,
    [property: Id(5)] long? FirstInvalidSeq,
    [property: Id(6)] string? Problem)
{
    /// <summary>Signed checkpoints of the witness the chain was found to pass through.</summary>
    [Id(7)]
    public long CheckpointsMatched { get; init; }
}
