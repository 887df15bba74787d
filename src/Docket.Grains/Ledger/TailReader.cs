using System.Threading.Channels;
using Docket.Domain.Ledger;

namespace Docket.Grains;

/// <summary>
/// Reads a court's ledger after a position, page by page, and reads each entry (<see cref="ReadRecord.Of"/>: its hash
/// checked, its text parsed) on the thread pool, at most two pages ahead of the replay that takes them — so a court
/// activating parses its tail on one core while it takes up its saved state on the other, and never holds more than
/// a few pages of a long ledger.
/// </summary>
public sealed class TailReader : IAsyncDisposable
{
    private readonly Channel<ReadRecord[]> _pages = Channel.CreateBounded<ReadRecord[]>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _stop;
    private readonly Task _reading;

    public TailReader(ICourtJournal journal, string court, long after, int pageSize, CancellationToken cancellationToken)
    {
        After = after;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _reading = Task.Run(() => ReadAsync(journal, court, after, Math.Max(1, pageSize), _stop.Token), CancellationToken.None);
    }

    /// <summary>The position the reading starts after.</summary>
    public long After { get; }

    /// <summary>The next page, in order; null after the last. A failure to read the journal is thrown here.</summary>
    public async Task<ReadRecord[]?> NextAsync(CancellationToken cancellationToken) =>
        await _pages.Reader.WaitToReadAsync(cancellationToken) && _pages.Reader.TryRead(out var page) ? page : null;

    private async Task ReadAsync(ICourtJournal journal, string court, long after, int pageSize, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var records = await journal.ReadAsync(court, after, pageSize, cancellationToken);
                var page = new ReadRecord[records.Count];
                for (var i = 0; i < page.Length; i++)
                {
                    page[i] = ReadRecord.Of(records[i]);
                }
                if (page.Length > 0)
                {
                    await _pages.Writer.WriteAsync(page, cancellationToken);
                    after = records[^1].Seq;
                }
                if (records.Count < pageSize)
                {
                    break;
                }
            }
            _pages.Writer.TryComplete();
        }
        catch (Exception e)
        {
            _pages.Writer.TryComplete(e);
        }
    }

    /// <summary>Stops reading (a replay that stopped early leaves the rest unread) and waits for the reader to end.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reading;
        _stop.Dispose();
    }
}
