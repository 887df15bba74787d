using System.Diagnostics;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Domain.Metrics;

namespace Docket.Grains;

/// <summary>
/// A court journal that records how long each successful <c>ICourtJournal.AppendAsync</c> takes to return,
/// that is for its entries to be durable (for SQLite including the wait for the group commit that carries them), on
/// <c>docket.ledger.append.duration</c> labelled by <paramref name="store"/> (<c>sqlite</c>, <c>postgres</c>,
/// <c>memory</c>). An append that fails is not recorded: nothing became durable. Everything else passes through.
/// </summary>
public sealed class TimedCourtJournal(ICourtJournal inner, DocketMetrics metrics, string store) : CourtJournalDecorator(inner)
{
    private readonly KeyValuePair<string, object?> _store = new("store", store);

    public override async Task AppendAsync(string court, IReadOnlyList<LedgerRecord> entries, IReadOnlyList<FinishedCase>? finished = null, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        await Inner.AppendAsync(court, entries, finished, cancellationToken);
        metrics.LedgerAppendDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, _store);
    }
}
