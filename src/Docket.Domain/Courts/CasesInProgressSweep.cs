namespace Docket.Domain.Courts;

/// <summary>
/// The cases in progress when a pass over a court began, as they stood then: the court's records frozen at that moment
/// (<see cref="CourtState.CasesInProgressNow"/>, copy on write), so the court goes on while the pass reads them, on any
/// thread, a few at a time or all at once. What <see cref="CourtIndicatorPass"/> and the live report pass share.
/// </summary>
internal sealed class CasesInProgressSweep
{
    private readonly IEnumerator<(long Number, CourtCase Case)> _cases;
    private bool _done;

    public CasesInProgressSweep(IEnumerable<(long Number, CourtCase Case)> cases) => _cases = cases.GetEnumerator();

    /// <summary>Refuses to go on unless every case had its turn.</summary>
    public void EnsureDone()
    {
        if (!_done)
        {
            throw new InvalidOperationException("the pass is not done: cases in progress remain to be visited");
        }
    }

    /// <summary>Gives up to <paramref name="cases"/> more cases their turn; true once every one has had it.</summary>
    public bool Step(int cases, Action<CourtCase> visit)
    {
        for (var i = 0; i < cases && !_done; i++)
        {
            if (_cases.MoveNext())
            {
                visit(_cases.Current.Case);
            }
            else
            {
                _done = true;
                _cases.Dispose();
            }
        }
        return _done;
    }
}

/// <summary>
/// A pass over a live court's cases in parts (<see cref="CourtIndicatorPass"/>, the live report pass): the finished
/// cases' rows read from storage when it reads them, then the cases in progress as they stood when the pass began. The
/// live court runs either the same way: the rows read in its turns, the cases in progress read off them.
/// </summary>
public interface ICourtCasesPass
{
    /// <summary>Whether the finished cases' rows are to be read (<see cref="CountFinished"/>).</summary>
    bool ReadsFinished { get; }

    /// <summary>The finished cases to read are those whose last stage is at or after this…</summary>
    DateTimeOffset FinishedSince { get; }

    /// <summary>…and that finished by this ledger entry (the one the pass began at).</summary>
    long Through { get; }

    /// <summary>Counts finished cases' rows; rows outside the pass are skipped.</summary>
    void CountFinished(IEnumerable<FinishedCase> finished);

    /// <summary>
    /// Counts up to <paramref name="cases"/> more of the cases in progress when the pass began, as they stood then; true
    /// once every one is counted. Reads nothing the court changes afterwards, so it may run on any thread while the court
    /// goes on.
    /// </summary>
    bool Step(int cases);
}
