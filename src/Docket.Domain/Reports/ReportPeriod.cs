using System.Globalization;
using System.Text.RegularExpressions;
using Docket.Domain.Calendar;

namespace Docket.Domain.Reports;

/// <summary>
/// A report's period, in the court's own dates (its calendar's days, <c>calendar.utc_offset_hours</c>): a day
/// <c>2026-03-05</c>, an ISO week <c>2026-W10</c> (Monday to Sunday), a month <c>2026-03</c>, a quarter <c>2026-Q1</c>
/// or a year <c>2026</c>. <see cref="First"/> is its first date, <see cref="End"/> the date after its last.
/// </summary>
public sealed partial record ReportPeriod(ReportCadence Cadence, string Key, DateOnly First, DateOnly End)
{
    /// <summary>
    /// The years a period may name: four-digit years (the keys' form), and none so late that the day after the period,
    /// or its start in a court's UTC offset, would fall off the calendar.
    /// </summary>
    public const int FirstYear = 1000, LastYear = 9998;

    /// <summary>The period of the cadence that holds the date.</summary>
    public static ReportPeriod Of(ReportCadence cadence, DateOnly date)
    {
        switch (cadence)
        {
            case ReportCadence.Day:
                return new(cadence, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), date, date.AddDays(1));
            case ReportCadence.Week:
                var monday = date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
                var dt = date.ToDateTime(TimeOnly.MinValue);
                return new(cadence, string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(dt)}-W{ISOWeek.GetWeekOfYear(dt):00}"), monday, monday.AddDays(7));
            case ReportCadence.Month:
                var month = new DateOnly(date.Year, date.Month, 1);
                return new(cadence, month.ToString("yyyy-MM", CultureInfo.InvariantCulture), month, month.AddMonths(1));
            case ReportCadence.Quarter:
                var quarter = new DateOnly(date.Year, ((date.Month - 1) / 3 * 3) + 1, 1);
                return new(cadence, string.Create(CultureInfo.InvariantCulture, $"{date.Year}-Q{((date.Month - 1) / 3) + 1}"), quarter, quarter.AddMonths(3));
            default:
                var year = new DateOnly(date.Year, 1, 1);
                return new(cadence, date.Year.ToString(CultureInfo.InvariantCulture), year, year.AddYears(1));
        }
    }

    /// <summary>The period of the cadence a moment falls in, by the court's calendar (its dates, in its UTC offset).</summary>
    public static ReportPeriod At(WorkCalendar calendar, ReportCadence cadence, DateTimeOffset at) =>
        Of(cadence, calendar.DateOf((long)Math.Floor(calendar.DayOf(at))));

    /// <summary>A moment's period key of the cadence in the court's calendar (to group draws by).</summary>
    public static Func<DateTimeOffset, string> KeyIn(WorkCalendar calendar, ReportCadence cadence) => at => At(calendar, cadence, at).Key;

    /// <summary>The period's first day and the day after its last, as days of the court's calendar.</summary>
    public (double From, double To) Days(WorkCalendar calendar) => (calendar.DayNumber(First), calendar.DayNumber(End));

    /// <summary>How a period of the cadence is written, for messages.</summary>
    public static string FormOf(ReportCadence cadence) => cadence switch
    {
        ReportCadence.Day => "a day, yyyy-MM-dd (2026-03-05)",
        ReportCadence.Week => "an ISO week, yyyy-Www (2026-W10)",
        ReportCadence.Month => "a month, yyyy-MM (2026-03)",
        ReportCadence.Quarter => "a quarter, yyyy-Qn (2026-Q1)",
        _ => "a year, yyyy (2026)",
    };

    /// <summary>
    /// The period <paramref name="text"/> names, of one of the kind's cadences; or null and why (naming the forms the
    /// kind takes).
    /// </summary>
    public static (ReportPeriod? Period, string? Problem) Parse(ReportKind kind, string text)
    {
        var cadences = ReportKinds.CadencesOf(kind);
        foreach (var cadence in cadences)
        {
            if (TryParse(cadence, text) is { } period)
            {
                return (period, null);
            }
        }
        return (null, $"{Courts.Quoted.Value(text)} is not a period of the {ReportKinds.NameOf(kind)} report: it takes {string.Join(" or ", cadences.Select(FormOf))}, in the years {FirstYear}–{LastYear}");
    }

    private static ReportPeriod? TryParse(ReportCadence cadence, string text)
    {
        var c = CultureInfo.InvariantCulture;
        switch (cadence)
        {
            case ReportCadence.Day:
                return DateOnly.TryParseExact(text, "yyyy-MM-dd", c, DateTimeStyles.None, out var day) && Named(day.Year) ? Of(cadence, day) : null;
            case ReportCadence.Week:
                if (WeekForm().Match(text) is not { Success: true } w)
                {
                    return null;
                }
                var (wy, wn) = (int.Parse(w.Groups[1].Value, c), int.Parse(w.Groups[2].Value, c));
                return Named(wy) && wn >= 1 && wn <= ISOWeek.GetWeeksInYear(wy)
                    ? Of(cadence, DateOnly.FromDateTime(ISOWeek.ToDateTime(wy, wn, DayOfWeek.Monday))) : null;
            case ReportCadence.Month:
                return DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", c, DateTimeStyles.None, out var month) && text.Length == 7 && Named(month.Year) ? Of(cadence, month) : null;
            case ReportCadence.Quarter:
                return QuarterForm().Match(text) is { Success: true } q && int.Parse(q.Groups[1].Value, c) is var qy && Named(qy)
                    ? Of(cadence, new DateOnly(qy, ((int.Parse(q.Groups[2].Value, c) - 1) * 3) + 1, 1)) : null;
            default:
                return YearForm().IsMatch(text) && int.Parse(text, c) is var y && Named(y) ? Of(cadence, new DateOnly(y, 1, 1)) : null;
        }
    }

    private static bool Named(int year) => year is >= FirstYear and <= LastYear;

    [GeneratedRegex(@"^(\d{4})-W(\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex WeekForm();

    [GeneratedRegex(@"^(\d{4})-Q([1-4])$", RegexOptions.CultureInvariant)]
    private static partial Regex QuarterForm();

    [GeneratedRegex(@"^\d{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex YearForm();
}
