namespace Docket.Domain.Courts;

/// <summary>
/// The cases in progress when a pass over a court began, visited a few at a time, each as it stands when its turn
/// comes; a case that finished before its turn has left memory, so it is named (<see cref="Missed"/>) for its row in
/// storage to be read (<see cref="CountMissed"/>). What <see cref="CourtIndicatorPass"/> and the live report pass
/// share.
/// </summary>
internal sealed class CasesInProgressSweep(CourtState state, long[] numbers)
{
    private readonly List<long> _missed = [];
    private int _next;
    private bool _missedCounted;

    public IReadOnlyList<long> Missed => _missed;

    /// <summary>Refuses to go on unless every case had its turn and the rows of those missed were taken.</summary>
    public void EnsureDone()
    {
        if (_next < numbers.Length || (_missed.Count > 0 && !_missedCounted))
        {
            throw new InvalidOperationException(
                $"the pass is not done: {_next} of {numbers.Length} cases in progress visited, {_missed.Count} finished meanwhile{(_missedCounted ? "" : ", their rows not taken")}");
        }
    }

    /// <summary>Gives up to <paramref name="cases"/> more cases their turn; true once every one has had it.</summary>
    public bool Step(int cases, Action<CourtCase> visit)
    {
        var end = (int)Math.Min(numbers.Length, (long)_next + cases);
        for (; _next < end; _next++)
        {
            if (state.Case(numbers[_next]) is { } c)
            {
                visit(c);
            }
            else
            {
                _missed.Add(numbers[_next]);
            }
        }
        return _next >= numbers.Length;
    }

    /// <summary>Takes the rows of the cases <see cref="Missed"/> names, each once (others are skipped); every one must be there.</summary>
    public void CountMissed(IEnumerable<FinishedCase> finished, Action<FinishedCase> count)
    {
        var missed = _missed.ToHashSet();
        foreach (var f in finished)
        {
            if (missed.Remove(f.Number))
            {
                count(f);
            }
        }
        if (missed.Count > 0)
        {
            throw new InvalidOperationException($"no finished row for case {missed.First()}");
        }
        _missedCounted = true;
    }
}

/// <summary>
/// A pass over a live court's cases in parts (<see cref="CourtIndicatorPass"/>, the live report pass): the finished
/// cases' rows read from storage when it reads them, then the cases in progress a few at a time, then the rows of those
/// that finished meanwhile. The live court runs either the same way, letting its other commands in between.
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

    /// <summary>Counts up to <paramref name="cases"/> more of the cases in progress when the pass began; true once every one is counted.</summary>
    bool Step(int cases);

    /// <summary>Cases in progress when the pass began that finished before their step, whose rows <see cref="CountMissed"/> takes.</summary>
    IReadOnlyList<long> Missed { get; }

    /// <summary>Counts the rows of the cases <see cref="Missed"/> names.</summary>
    void CountMissed(IEnumerable<FinishedCase> finished);
}
