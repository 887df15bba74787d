using System.Buffers;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;

namespace Docket.Grains;

/// <summary>A court journal that passes every call to another; a subclass overrides the calls it wraps.</summary>
public abstract class CourtJournalDecorator(ICourtJournal inner) : ICourtJournal
{
    protected ICourtJournal Inner => inner;

    public virtual Task AppendAsync(string court, IReadOnlyList<LedgerRecord> entries, IReadOnlyList<FinishedCase>? finished = null, CancellationToken cancellationToken = default) =>
        inner.AppendAsync(court, entries, finished, cancellationToken);

    public virtual Task PutFinishedAsync(string court, IReadOnlyList<FinishedCase> finished, CancellationToken cancellationToken = default) =>
        inner.PutFinishedAsync(court, finished, cancellationToken);

    public virtual Task<IReadOnlyList<FinishedCase>> ReadFinishedAsync(string court, long throughSeq, FinishedKey after, int limit, CancellationToken cancellationToken = default) =>
        inner.ReadFinishedAsync(court, throughSeq, after, limit, cancellationToken);

    public virtual Task<IReadOnlyList<FinishedCase>> FindFinishedAsync(string court, IReadOnlyList<long> numbers, CancellationToken cancellationToken = default) =>
        inner.FindFinishedAsync(court, numbers, cancellationToken);

    public virtual Task<KeyedFiling?> FindKeyAsync(string court, string key, DateTimeOffset filedSince, CancellationToken cancellationToken = default) =>
        inner.FindKeyAsync(court, key, filedSince, cancellationToken);

    public virtual Task<int> ForgetKeysAsync(string court, DateTimeOffset filedBefore, int limit, CancellationToken cancellationToken = default) =>
        inner.ForgetKeysAsync(court, filedBefore, limit, cancellationToken);

    public virtual Task<IReadOnlyList<LedgerRecord>> ReadAsync(string court, long afterSeq, int limit, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(court, afterSeq, limit, cancellationToken);

    public virtual Task<IReadOnlyList<LedgerRecord>> ReadCaseAsync(string court, string caseId, CancellationToken cancellationToken = default) =>
        inner.ReadCaseAsync(court, caseId, cancellationToken);

    public virtual Task<IReadOnlyList<LedgerRecord>> ReadKindAsync(string court, string kind, long afterSeq, int limit, CancellationToken cancellationToken = default) =>
        inner.ReadKindAsync(court, kind, afterSeq, limit, cancellationToken);

    public virtual Task SaveStateAsync(string court, long seq, ReadOnlySequence<byte> state, CancellationToken cancellationToken = default) =>
        inner.SaveStateAsync(court, seq, state, cancellationToken);

    public virtual Task<SavedCourtState?> ReadStateAsync(string court, CancellationToken cancellationToken = default) =>
        inner.ReadStateAsync(court, cancellationToken);

    public virtual Task<long?> ReadStateSeqAsync(string court, CancellationToken cancellationToken = default) =>
        inner.ReadStateSeqAsync(court, cancellationToken);

    public virtual Task<IReadOnlyList<CourtSecret>> ReadSecretsAsync(string court, CancellationToken cancellationToken = default) =>
        inner.ReadSecretsAsync(court, cancellationToken);

    public virtual Task<CourtSecret> AddSecretAsync(CourtSecret secret, CancellationToken cancellationToken = default) =>
        inner.AddSecretAsync(secret, cancellationToken);
}
