using Docket.Domain.Courts;

namespace Docket.Grains;

/// <summary>
/// A court's keyed filings not yet answerable from storage. Storage holds a key once its filing is durable, and the court
/// looks a key up there before deciding a filing; that look-up is an await, during which another filing under the same
/// key may be decided and become durable after the look-up read. So a filing stays here while it is being written,
/// and after that for as long as a look-up that began before it became durable is still on its way: a retry that
/// misses storage always finds it here.
/// </summary>
public sealed class KeyedFilings
{
    private readonly Dictionary<string, (FilingRequest Request, Task<CommandResult> Task)> _writing = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (FilingRequest Request, Task<CommandResult> Task, long Stamp)> _written = new(StringComparer.Ordinal);
    private readonly Queue<(long Stamp, string Key)> _writtenOrder = new();
    private readonly SortedSet<long> _lookups = [];
    private long _stamp;

    /// <summary>Filings held: those being written and those kept for look-ups on their way.</summary>
    public int Count => _writing.Count + _written.Count;

    /// <summary>The filing made under <paramref name="key"/> that storage may not show yet.</summary>
    public bool TryGet(string key, out (FilingRequest Request, Task<CommandResult> Task) filing)
    {
        if (_writing.TryGetValue(key, out filing))
        {
            return true;
        }
        if (_written.TryGetValue(key, out var written))
        {
            filing = (written.Request, written.Task);
            return true;
        }
        return false;
    }

    /// <summary>A storage look-up begins; returns its stamp for <see cref="EndLookup"/>.</summary>
    public long BeginLookup()
    {
        var stamp = ++_stamp;
        _lookups.Add(stamp);
        return stamp;
    }

    /// <summary>A storage look-up has been answered (and its answer checked against <see cref="TryGet"/>).</summary>
    public void EndLookup(long stamp)
    {
        _lookups.Remove(stamp);
        var oldest = _lookups.Count == 0 ? long.MaxValue : _lookups.Min;
        while (_writtenOrder.TryPeek(out var head) && head.Stamp < oldest)
        {
            _writtenOrder.Dequeue();
            if (_written.TryGetValue(head.Key, out var w) && w.Stamp == head.Stamp)
            {
                _written.Remove(head.Key);
            }
        }
    }

    public void Writing(string key, FilingRequest request, Task<CommandResult> task) => _writing[key] = (request, task);

    /// <summary>The filing's write is over (durable, or failed): kept while look-ups that began before now are on their way.</summary>
    public void Written(string key)
    {
        if (!_writing.Remove(key, out var filing) || _lookups.Count == 0)
        {
            return;
        }
        var stamp = ++_stamp;
        _written[key] = (filing.Request, filing.Task, stamp);
        _writtenOrder.Enqueue((stamp, key));
    }
}
