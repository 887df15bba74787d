using System.Buffers;
using Docket.Abstractions;
using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;

namespace Docket.Grains;

/// <summary>
/// Where courts' ledgers and seed secrets are kept (SQLite by default, or memory). A court grain is the only
/// writer of its court's ledger; an append returns once its entries are durable, all or none, and is refused when
/// its first entry does not follow the stored tail (so nothing is ever written after a lost write).
/// </summary>
public interface ICourtJournal
{
    /// <summary>Entries with sequence numbers above <paramref name="afterSeq"/>, in order, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<LedgerRecord>> ReadAsync(string court, long afterSeq, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every entry of one case — its filing, each entry of its own, and each entry naming it besides its own case (a
    /// review draw among whose files it was: <see cref="NamedCases"/>, kept with the entry by <see cref="AppendAsync"/>) —
    /// in order: what its record is read back from (<see cref="CaseEntries.Fold"/>).
    /// </summary>
    Task<IReadOnlyList<LedgerRecord>> ReadCaseAsync(string court, string caseId, CancellationToken cancellationToken = default);

    /// <summary>Entries of one kind with sequence numbers above <paramref name="afterSeq"/>, in order, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<LedgerRecord>> ReadKindAsync(string court, string kind, long afterSeq, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends entries (consecutive sequence numbers following the stored last one) in one transaction, with the
    /// idempotency key each filing among them names (<see cref="FiledKey"/>: a key names its latest filing) and the rows
    /// of the cases they finish (<see cref="CourtState.DrainFinished"/>), so a finished case is readable from storage
    /// as soon as its entry is durable, and never before.
    /// </summary>
    Task AppendAsync(string court, IReadOnlyList<LedgerRecord> entries, IReadOnlyList<FinishedCase>? finished = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes finished cases' rows again, a row per case replacing any stored one: what a court's replay of its ledger
    /// makes (the rows of a ledger written before there were any are written so; the others are written unchanged).
    /// </summary>
    Task PutFinishedAsync(string court, IReadOnlyList<FinishedCase> finished, CancellationToken cancellationToken = default);

    /// <summary>
    /// The court's cases finished by entry <paramref name="throughSeq"/> or before whose key (last stage, then number)
    /// follows <paramref name="after"/> — <see cref="FinishedKey.Since"/> a time for the first page, the last row's key
    /// for the next — in key order, at most <paramref name="limit"/>; sees every append that has completed. Indexed in
    /// that order, so a window's rows are read without reading the others.
    /// </summary>
    Task<IReadOnlyList<FinishedCase>> ReadFinishedAsync(string court, long throughSeq, FinishedKey after, int limit, CancellationToken cancellationToken = default);

    /// <summary>The rows of those of <paramref name="numbers"/> that have finished, in number order.</summary>
    Task<IReadOnlyList<FinishedCase>> FindFinishedAsync(string court, IReadOnlyList<long> numbers, CancellationToken cancellationToken = default);

    /// <summary>
    /// The filing made under idempotency key <paramref name="key"/> at or after <paramref name="filedSince"/> (the
    /// retention window's start), or null; sees every append that has completed.
    /// </summary>
    Task<KeyedFiling?> FindKeyAsync(string court, string key, DateTimeOffset filedSince, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the keys of filings made before <paramref name="filedBefore"/>, at most <paramref name="limit"/> of
    /// them; returns how many it deleted (the ledger keeps every key in its entries).
    /// </summary>
    Task<int> ForgetKeysAsync(string court, DateTimeOffset filedBefore, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Keeps the court's saved state at ledger position <paramref name="seq"/>, replacing one at an earlier or the same
    /// position (a court saves at the same position only after setting the stored state aside); a later one stays.
    /// </summary>
    Task SaveStateAsync(string court, long seq, ReadOnlySequence<byte> state, CancellationToken cancellationToken = default);

    /// <summary>The court's latest saved state and its ledger position, or null.</summary>
    Task<SavedCourtState?> ReadStateAsync(string court, CancellationToken cancellationToken = default);

    /// <summary>The ledger position of the court's latest saved state (what <see cref="ReadStateAsync"/> would read), without reading the state; null when it has none.</summary>
    Task<long?> ReadStateSeqAsync(string court, CancellationToken cancellationToken = default);

    /// <summary>The court's seed secrets by epoch (1, 2, …).</summary>
    Task<IReadOnlyList<CourtSecret>> ReadSecretsAsync(string court, CancellationToken cancellationToken = default);

    /// <summary>Stores a new secret; returns the stored one for that epoch when it already exists.</summary>
    Task<CourtSecret> AddSecretAsync(CourtSecret secret, CancellationToken cancellationToken = default);
}

/// <summary>A court's state saved at ledger position <paramref name="Seq"/> (<see cref="Docket.Domain.Courts.CourtState.WriteSnapshot"/>).</summary>
public sealed record SavedCourtState(long Seq, byte[] State);

/// <summary>A court's secret seed for one epoch (32 random bytes, hex).</summary>
public sealed record CourtSecret(string Court, int Epoch, string SecretHex);

/// <summary>Thrown when an append does not follow the stored ledger (a lost or concurrent write).</summary>
public sealed class LedgerContinuityException(string message) : Exception(message);
