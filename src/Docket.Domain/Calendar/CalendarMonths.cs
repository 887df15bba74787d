namespace Docket.Domain.Calendar;

/// <summary>
/// The calendar months that cut a window [<see cref="From"/>, <see cref="To"/>) of calendar time: month
/// <c>m</c> runs from <see cref="Start"/>(m) to <see cref="Start"/>(m + 1); the first starts with the window and the
/// last ends with it, so they are part-months when the window does not open or close on the 1st. Together they cover
/// the window exactly once. A window shorter than a day still has one month.
/// </summary>
public sealed class CalendarMonths
{
    private readonly double[] _bounds;
    private readonly DateOnly[] _firstDates;

    public CalendarMonths(WorkCalendar calendar, double from, double to)
    {
        From = from;
        To = Math.Max(from, to);
        var bounds = new List<double> { from };
        var dates = new List<DateOnly> { calendar.DateOf((long)Math.Floor(from)) };
        var first = dates[0];
        var next = new DateOnly(first.Year, first.Month, 1).AddMonths(1);
        while (calendar.DayNumber(next) < To)
        {
            bounds.Add(calendar.DayNumber(next));
            dates.Add(next);
            next = next.AddMonths(1);
        }
        bounds.Add(To);
        _bounds = [.. bounds];
        _firstDates = [.. dates];
    }

    public double From { get; }

    public double To { get; }

    public int Count => _firstDates.Length;

    /// <summary>Where month <paramref name="m"/> starts; <c>Start(Count)</c> is the window's end.</summary>
    public double Start(int m) => _bounds[m];

    /// <summary>Days in month <paramref name="m"/> of the window (fewer in a part-month).</summary>
    public double Length(int m) => _bounds[m + 1] - _bounds[m];

    /// <summary>The date month <paramref name="m"/> of the window starts on.</summary>
    public DateOnly FirstDate(int m) => _firstDates[m];

    /// <summary>The month's name, <c>yyyy-MM</c>.</summary>
    public string Label(int m) => _firstDates[m].ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The month (0-based) that holds time <paramref name="t"/>, clamped to the window's months.</summary>
    public int IndexOf(double t) => MonthBefore(FirstBoundaryAfter(t));

    /// <summary>The month that ends at boundary <paramref name="boundary"/> (a <see cref="FirstBoundaryAfter"/>'s answer): <see cref="IndexOf"/> without a second search.</summary>
    public int MonthBefore(int boundary) => Math.Clamp(boundary - 1, 0, _firstDates.Length - 1);

    /// <summary>
    /// The first month boundary after <paramref name="t"/> (boundary <c>k</c> is <c>Start(k)</c>; the last,
    /// <c>Count</c>, is the window's end): 0 for a time before the window, <c>Count + 1</c> for one at or after its end.
    /// A case filed at <c>t</c> is pending at boundaries from this one on.
    /// </summary>
    public int FirstBoundaryAfter(double t)
    {
        int lo = 0, hi = _bounds.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_bounds[mid] > t)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
