namespace Docket.Domain.Courts;

/// <summary>
/// Finished cases kept in memory, by case number: what the in-memory journal stores, and what a court read outside
/// the service (a test, a verifier) collects from <see cref="CourtState.DrainFinished"/> to compute its indicators. A
/// case put twice keeps its latest row (a replay writes the rows it makes again).
/// </summary>
public sealed class FinishedCaseTable
{
    // In number order; cases finish roughly in the order they were filed, so an insertion is near the end.
    private readonly List<FinishedCase> _rows = [];

    public int Count => _rows.Count;

    public void Put(IEnumerable<FinishedCase> finished)
    {
        foreach (var f in finished)
        {
            var at = IndexOf(f.Number);
            if (at >= 0)
            {
                _rows[at] = f;
            }
            else
            {
                _rows.Insert(~at, f);
            }
        }
    }

    /// <summary>The row's index, or the bitwise complement of where it would go.</summary>
    private int IndexOf(long number)
    {
        int lo = 0, hi = _rows.Count - 1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            var n = _rows[mid].Number;
            if (n == number)
            {
                return mid;
            }
            if (n < number)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return ~lo;
    }

    /// <summary>
    /// The cases finished by entry <paramref name="throughSeq"/> or before whose last stage is at or after
    /// <paramref name="lastStageSince"/>, numbered above <paramref name="afterNumber"/>, in number order, at most
    /// <paramref name="limit"/>.
    /// </summary>
    public IReadOnlyList<FinishedCase> Read(DateTimeOffset lastStageSince, long throughSeq, long afterNumber, int limit)
    {
        var since = lastStageSince.UtcTicks;
        var result = new List<FinishedCase>();
        var from = IndexOf(afterNumber);
        for (var i = from >= 0 ? from + 1 : ~from; i < _rows.Count && result.Count < limit; i++)
        {
            if (_rows[i] is { } f && f.FinishedSeq <= throughSeq && f.LastStageTicks >= since)
            {
                result.Add(f);
            }
        }
        return result;
    }

    /// <summary>The rows of those of <paramref name="numbers"/> that have finished, in number order.</summary>
    public IReadOnlyList<FinishedCase> Find(IEnumerable<long> numbers) =>
        [.. numbers.Distinct().Order().Select(IndexOf).Where(i => i >= 0).Select(i => _rows[i])];

    /// <summary>Every row, in number order.</summary>
    public IReadOnlyList<FinishedCase> All => _rows;
}
