namespace Docket.Domain.Courts;

/// <summary>
/// Finished cases kept in memory: what the in-memory journal stores, and what a court read outside the service (a
/// test, a verifier) collects from <see cref="CourtState.DrainFinished"/> to compute its indicators. It reads as the
/// stores' SQL does: by <see cref="FinishedKey"/> (last stage, then number) and by number. A case put twice keeps its
/// latest row (a replay writes the rows it makes again).
/// </summary>
public sealed class FinishedCaseTable
{
    private readonly Dictionary<long, FinishedCase> _rows = [];
    private readonly SortedSet<FinishedKey> _order = [];

    public int Count => _rows.Count;

    public void Put(IEnumerable<FinishedCase> finished)
    {
        foreach (var f in finished)
        {
            if (_rows.TryGetValue(f.Number, out var old))
            {
                _order.Remove(FinishedKey.Of(old));
            }
            _rows[f.Number] = f;
            _order.Add(FinishedKey.Of(f));
        }
    }

    /// <summary>
    /// The cases finished by entry <paramref name="throughSeq"/> or before whose key follows <paramref name="after"/>
    /// (<see cref="FinishedKey.Since"/> a time for the first page), in key order, at most <paramref name="limit"/>.
    /// </summary>
    public IReadOnlyList<FinishedCase> Read(long throughSeq, FinishedKey after, int limit)
    {
        var result = new List<FinishedCase>();
        if (after.Number == long.MaxValue || _order.Count == 0)
        {
            return result;
        }
        foreach (var key in _order.GetViewBetween(after with { Number = after.Number + 1 }, new FinishedKey(long.MaxValue, long.MaxValue)))
        {
            if (result.Count == limit)
            {
                break;
            }
            var f = _rows[key.Number];
            if (f.FinishedSeq <= throughSeq)
            {
                result.Add(f);
            }
        }
        return result;
    }

    /// <summary>Every row finished by entry <paramref name="throughSeq"/> last staged at or after <paramref name="since"/>, in key order.</summary>
    public IReadOnlyList<FinishedCase> Read(DateTimeOffset since, long throughSeq) => Read(throughSeq, FinishedKey.Since(since), int.MaxValue);

    /// <summary>The rows of those of <paramref name="numbers"/> that have finished, in number order.</summary>
    public IReadOnlyList<FinishedCase> Find(IEnumerable<long> numbers) =>
        [.. numbers.Distinct().Order().Where(_rows.ContainsKey).Select(n => _rows[n])];

    /// <summary>Every row, in number order.</summary>
    public IReadOnlyList<FinishedCase> All => [.. _rows.Values.OrderBy(f => f.Number)];
}
