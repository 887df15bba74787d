using Docket.Domain.Ledger;

namespace Docket.Abstractions;

/// <summary>
/// A court's ledger verification, keyed by the court's id, run in the background: from genesis once after the court
/// activates, then on demand from where the last run stopped (incremental), throttled so the court keeps serving. A
/// failure closes the court.
/// </summary>
[Alias("docket.live.ledger-check-grain")]
public interface ILedgerCheckGrain : IGrainWithStringKey
{
    /// <summary>
    /// Starts a run to the ledger's current end unless one is on its way, and answers at once with the progress:
    /// <paramref name="full"/>, from genesis; otherwise from where the last run stopped (a failure found is kept).
    /// </summary>
    [Alias("start")]
    Task<LedgerCheckProgress> StartAsync(bool full);

    /// <summary>The progress, waiting up to <paramref name="wait"/> for a run on its way to finish.</summary>
    [Alias("progress")]
    Task<LedgerCheckProgress> GetProgressAsync(TimeSpan wait);
}

/// <summary>Where a court's verification stands: running or not, the entries verified, the end it runs to, and the last result.</summary>
[GenerateSerializer, Immutable, Alias("docket.live.ledger-check-progress")]
public sealed record LedgerCheckProgress(
    [property: Id(0)] string Court,
    [property: Id(1)] bool Running,
    [property: Id(2)] long VerifiedThrough,
    [property: Id(3)] long Target,
    [property: Id(4)] LedgerVerification? Result);
