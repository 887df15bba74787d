using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Orleans;
namespace Docket.Domain.Ledger;

/// <summary>
/// A court's seed epoch: the SHA-256 commitment published when it began, and the secret itself once revealed
/// (null while it is in use).
/// </summary>
[GenerateSerializer, Immutable, Alias("docket.live.seed-commitment")]
public sealed record SeedCommitment(
    [property: Id(0)] string Court,
    [property: Id(1)] int Epoch,
    [property: Id(2)] string Commitment,
    [property: Id(3)] string? RevealedSecret);
