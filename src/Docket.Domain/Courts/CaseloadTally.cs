using Docket.Domain.Statistics;

namespace Docket.Domain.Courts;

/// <summary>
/// The caseload figures of a window [<c>from</c>, <c>now</c>], counted case by case from filing and closure times:
/// pending at the start (filed before the window, not closed before it), filed and closed in it, pending at the end
/// (not closed) with their ages, those waiting for a team, the long-pending counts, closure rate and clearance
/// (<see cref="CourtFigures"/>). The one count behind the live court's KPIs (<see cref="CourtIndicatorPass"/>) and
/// the figures of the simulator's court driven by a ledger (<see cref="Replay.DrivenCourt.Caseload"/>).
/// </summary>
public sealed class CaseloadTally(DateTimeOffset from, DateTimeOffset now)
{
    private readonly List<double> _ages = [];
    private readonly List<double> _waitingAges = [];
    private readonly long[] _longPending = new long[CourtFigures.LongPendingDays.Count];
    private long _pendingStart, _filed, _closed, _waiting;

    /// <summary>
    /// Counts one case, filed at <paramref name="filedAt"/> and closed at <paramref name="closedAt"/> (null: not
    /// closed by now), <paramref name="waiting"/> for a team. Says where it fell, for figures counted beside these.
    /// </summary>
    public CountedCase Count(DateTimeOffset filedAt, DateTimeOffset? closedAt, bool waiting)
    {
        var filedIn = filedAt >= from;
        if (!filedIn && (closedAt is null || closedAt >= from))
        {
            _pendingStart++;
        }
        _filed += filedIn ? 1 : 0;
        var closedIn = closedAt is { } at && at >= from;
        _closed += closedIn ? 1 : 0;
        double? age = null;
        if (closedAt is null)
        {
            age = (now - filedAt).TotalDays;
            _ages.Add(age.Value);
            for (var i = 0; i < _longPending.Length; i++)
            {
                _longPending[i] += age > CourtFigures.LongPendingDays[i] ? 1 : 0;
            }
            if (waiting)
            {
                _waiting++;
                _waitingAges.Add(age.Value);
            }
        }
        return new CountedCase(filedIn, closedIn, age);
    }

    /// <summary>Counts <paramref name="cases"/> cases filed and closed inside the window, whose times are not needed.</summary>
    public void CountFiledAndClosed(long cases)
    {
        _filed += cases;
        _closed += cases;
    }

    public Caseload Finish()
    {
        var ages = Ascending(_ages);
        return new Caseload
        {
            Since = from,
            AsOf = now,
            PendingStart = _pendingStart,
            Filed = _filed,
            Closed = _closed,
            PendingEnd = ages.LongLength,
            Waiting = _waiting,
            ClosureRate = CourtFigures.ClosureRate(_closed, _pendingStart, _filed),
            ClearanceRatio = CourtFigures.ClearanceRatio(_closed, _filed),
            PendingAgeDays = Ages(ages),
            WaitingAgeDays = Ages(Ascending(_waitingAges)),
            LongPending = new LongPending(_longPending[0], _longPending[1], _longPending[3], _longPending[2]),
        };
    }

    private static PendingAges Ages(double[] sorted) =>
        sorted.Length == 0 ? new PendingAges(0, 0, 0, 0) : new PendingAges(sorted.Average(), CourtFigures.Quantile(sorted, 0.5), CourtFigures.Quantile(sorted, 0.9), sorted[^1]);

    /// <summary>
    /// The ages in ascending order. They are usually taken in case-number order, oldest filing first, so they arrive
    /// descending and a reversal sorts them; a full sort only when they do not (a ledger's times never go backwards).
    /// </summary>
    private static double[] Ascending(List<double> ages)
    {
        var array = ages.ToArray();
        Array.Reverse(array);
        for (var i = 1; i < array.Length; i++)
        {
            if (array[i] < array[i - 1])
            {
                Array.Sort(array);
                break;
            }
        }
        return array;
    }
}

/// <summary>Where a counted case fell: filed inside the window, closed inside it, and its age in days when still pending.</summary>
public readonly record struct CountedCase(bool FiledIn, bool ClosedIn, double? PendingAge);

/// <summary>A window's caseload figures (<see cref="CaseloadTally"/>), as the live KPIs and summary.json define them.</summary>
public sealed record Caseload
{
    /// <summary>The window's start.</summary>
    public required DateTimeOffset Since { get; init; }

    /// <summary>The window's end: the moment the ages are counted to.</summary>
    public required DateTimeOffset AsOf { get; init; }

    public required long PendingStart { get; init; }

    public required long Filed { get; init; }

    public required long Closed { get; init; }

    public required long PendingEnd { get; init; }

    public required long Waiting { get; init; }

    public required double ClosureRate { get; init; }

    public required double ClearanceRatio { get; init; }

    public required PendingAges PendingAgeDays { get; init; }

    public required PendingAges WaitingAgeDays { get; init; }

    public required LongPending LongPending { get; init; }

    /// <summary>The caseload figures of a court's KPIs.</summary>
    public static Caseload Of(CourtKpis k) => new()
    {
        Since = k.Since,
        AsOf = k.AsOf,
        PendingStart = k.PendingStart,
        Filed = k.Filed,
        Closed = k.Closed,
        PendingEnd = k.PendingEnd,
        Waiting = k.Waiting,
        ClosureRate = k.ClosureRate,
        ClearanceRatio = k.ClearanceRatio,
        PendingAgeDays = k.PendingAgeDays,
        WaitingAgeDays = k.WaitingAgeDays,
        LongPending = k.LongPending,
    };
}
