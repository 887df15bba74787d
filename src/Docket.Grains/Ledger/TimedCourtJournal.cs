using System.Buffers;
using System.Diagnostics;
using Docket.Domain.Ledger;
using Docket.Domain.Metrics;

namespace Docket.Grains;

/// <summary>
/// A court journal that records how long each successful <see cref="ICourtJournal.AppendAsync"/> takes to return,
/// that is for its entries to be durable (for SQLite including the wait for the group commit that carries them), on
/// <c>docket.ledger.append.duration</c> labelled by <paramref name="store"/> (<c>sqlite</c>, <c>postgres</c>,
/// <c>memory</c>). An append that fails is not recorded: nothing became durable. Reads and secrets pass through.
/// </summary>
public sealed class TimedCourtJournal(ICourtJournal inner, DocketMetrics metrics, string store) : ICourtJournal
{
    private readonly KeyValuePair<string, object?> _store = new("store", store);

    public async Task AppendAsync(string court, IReadOnlyList<LedgerRecord> entries, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        await inner.AppendAsync(court, entries, cancellationToken);
        metrics.LedgerAppendDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, _store);
    }

    public Task<IReadOnlyList<LedgerRecord>> ReadAsync(string court, long afterSeq, int limit, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(court, afterSeq, limit, cancellationToken);

    public Task<IReadOnlyList<LedgerRecord>> ReadCaseAsync(string court, string caseId, CancellationToken cancellationToken = default) =>
        inner.ReadCaseAsync(court, caseId, cancellationToken);

    public Task<IReadOnlyList<LedgerRecord>> ReadKindAsync(string court, string kind, long afterSeq, int limit, CancellationToken cancellationToken = default) =>
        inner.ReadKindAsync(court, kind, afterSeq, limit, cancellationToken);

    public Task<KeyedFiling?> FindKeyAsync(string court, string key, DateTimeOffset filedSince, CancellationToken cancellationToken = default) =>
        inner.FindKeyAsync(court, key, filedSince, cancellationToken);

    public Task<int> ForgetKeysAsync(string court, DateTimeOffset filedBefore, int limit, CancellationToken cancellationToken = default) =>
        inner.ForgetKeysAsync(court, filedBefore, limit, cancellationToken);

    public Task SaveStateAsync(string court, long seq, ReadOnlySequence<byte> state, CancellationToken cancellationToken = default) =>
        inner.SaveStateAsync(court, seq, state, cancellationToken);

    public Task<SavedCourtState?> ReadStateAsync(string court, CancellationToken cancellationToken = default) =>
        inner.ReadStateAsync(court, cancellationToken);

    public Task<IReadOnlyList<CourtSecret>> ReadSecretsAsync(string court, CancellationToken cancellationToken = default) =>
        inner.ReadSecretsAsync(court, cancellationToken);

    public Task<CourtSecret> AddSecretAsync(CourtSecret secret, CancellationToken cancellationToken = default) =>
        inner.AddSecretAsync(secret, cancellationToken);
}
