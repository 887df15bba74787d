namespace Docket.Domain.Calendar;

/// <summary>
/// When staff work, and the court's dates. Time is in (fractional) calendar days from day 0, which is
/// <see cref="StartDate"/> at midnight in the court's time (UTC+<see cref="UtcOffsetHours"/>). A working day has its
/// first <see cref="HoursPerDay"/> hours of work; 7 × 24 without holidays is continuous time.
/// <para>
/// Which days are working days: <see cref="DaysPerWeek"/> days of each week, then public holidays off and make-up
/// working days on (调休). A calendar that names dates (<see cref="Dated"/>: a scenario that sets
/// <c>start_date</c> or lists holidays or make-up days) has Monday–Friday weeks (Monday–Saturday for 6 days…) by the
/// dates' own weekdays and months of the year by the dates (<see cref="MonthOfYear"/>); one that names none keeps the
/// working week starting on day 0 and the year in twelve 365/12-day parts, as scenarios written before dates read.
/// </para>
/// Deadlines in working days (<see cref="AddWorkingDays"/>) end at the end of a working day, never on a holiday.
/// </summary>
public sealed class WorkCalendar : IEquatable<WorkCalendar>
{
    public static readonly DateOnly DefaultStartDate = new(2026, 1, 1);

    public const double DefaultUtcOffsetHours = 8;

    public static WorkCalendar Continuous { get; } = new(7, 24);

    private readonly DayTable? _table;
    private readonly int _anchor;

    public WorkCalendar(int daysPerWeek, double hoursPerDay)
        : this(daysPerWeek, hoursPerDay, DefaultStartDate, dated: false, [], [])
    {
    }

    /// <param name="holidays">Days off (a holiday on a day that is not a working day anyway changes nothing).</param>
    /// <param name="makeUpDays">Working days outside the working week (a weekend worked to make up a holiday week).</param>
    public WorkCalendar(int daysPerWeek, double hoursPerDay, DateOnly startDate, bool dated,
        IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> makeUpDays, double utcOffsetHours = DefaultUtcOffsetHours)
    {
        if (daysPerWeek is < 1 or > 7)
        {
            throw new ArgumentOutOfRangeException(nameof(daysPerWeek), daysPerWeek, "a week has 1 to 7 working days");
        }
        if (!(hoursPerDay > 0 && hoursPerDay <= 24))
        {
            throw new ArgumentOutOfRangeException(nameof(hoursPerDay), hoursPerDay, "a working day has more than 0 and at most 24 hours");
        }
        DaysPerWeek = daysPerWeek;
        HoursPerDay = hoursPerDay;
        StartDate = startDate;
        UtcOffsetHours = utcOffsetHours;
        Holidays = [.. holidays.Distinct().Order()];
        MakeUpDays = [.. makeUpDays.Distinct().Order()];
        // Holidays are dates: a calendar that has any is dated.
        Dated = dated || Holidays.Count > 0 || MakeUpDays.Count > 0;
        // Day 0 of the working week: day 0 itself, or the Monday of the start date's week.
        _anchor = Dated ? ((int)startDate.DayOfWeek + 6) % 7 : 0;
        if (Holidays.Count > 0 || MakeUpDays.Count > 0)
        {
            _table = new DayTable(this);
        }
    }

    public int DaysPerWeek { get; }

    public double HoursPerDay { get; }

    /// <summary>The date of day 0.</summary>
    public DateOnly StartDate { get; }

    /// <summary>Whether the calendar names dates: weeks follow the dates' weekdays (Monday first) rather than starting on day 0, months of the year the dates' months.</summary>
    public bool Dated { get; }

    /// <summary>The court's time against UTC: where its days begin for the live service's clock.</summary>
    public double UtcOffsetHours { get; }

    /// <summary>Public holidays, in order.</summary>
    public IReadOnlyList<DateOnly> Holidays { get; }

    /// <summary>Make-up working days (调休), in order.</summary>
    public IReadOnlyList<DateOnly> MakeUpDays { get; }

    public bool IsContinuous => DaysPerWeek == 7 && HoursPerDay >= 24 && _table is null;

    /// <summary>A calendar that names no dates: the original weekly arithmetic, kept to the bit so older scenarios give the same numbers.</summary>
    private bool IsWeekly => !Dated;

    public double WorkingHoursPerWeek => DaysPerWeek * HoursPerDay;

    /// <summary>Working hours elapsed between time 0 and calendar time <paramref name="day"/>.</summary>
    public double WorkingHoursBefore(double day)
    {
        if (IsContinuous)
        {
            return day * 24.0;
        }
        if (IsWeekly)
        {
            var week = Math.Floor(day / 7.0);
            var inWeek = day - (week * 7.0);
            var wholeDays = Math.Floor(inWeek);
            var hours = week * WorkingHoursPerWeek;
            if (wholeDays >= DaysPerWeek)
            {
                return hours + WorkingHoursPerWeek;
            }
            hours += wholeDays * HoursPerDay;
            var intoDay = (inWeek - wholeDays) * 24.0;
            return hours + Math.Min(intoDay, HoursPerDay);
        }
        var whole = Math.Floor(day);
        var d = (long)whole;
        var before = WorkingDaysBefore(d);
        if (!IsWorkingDay(d))
        {
            return before * HoursPerDay;
        }
        var into = (day - whole) * 24.0;
        // A day's hours all done: the same product as the next day's start, so the inverse finds this day's end.
        return into >= HoursPerDay ? (before + 1) * HoursPerDay : (before * HoursPerDay) + into;
    }

    /// <summary>
    /// The calendar time at which <paramref name="workingHours"/> working hours have elapsed since 0. A time that
    /// falls exactly on the end of a working day is that day's end, not the next working day's start.
    /// </summary>
    public double DayAtWorkingHours(double workingHours)
    {
        if (IsContinuous)
        {
            return workingHours / 24.0;
        }
        if (IsWeekly && workingHours <= 0)
        {
            return 0.0;
        }
        // The working day in which the hour falls (its end when exactly on it), counted from day 0's. Found so for a
        // plain weekly calendar too, so that it agrees with a dated one when a time falls exactly at a day's end.
        var k = (long)Math.Ceiling(workingHours / HoursPerDay) - 1;
        // The quotient may round across a whole day: working day k holds hours (k·h, (k+1)·h].
        if (k * HoursPerDay >= workingHours)
        {
            k--;
        }
        else if ((k + 1) * HoursPerDay < workingHours)
        {
            k++;
        }
        var into = workingHours - (k * HoursPerDay);
        return WorkingDay(k) + (into / 24.0);
    }

    /// <summary>Calendar time when a task of <paramref name="hours"/> working hours started at <paramref name="start"/> ends.</summary>
    public double AddWorkingHours(double start, double hours) =>
        IsContinuous ? start + (hours / 24.0) : Math.Max(start, DayAtWorkingHours(WorkingHoursBefore(start) + hours));

    /// <summary>Whether day <paramref name="day"/> (day 0 is <see cref="StartDate"/>) is a working day.</summary>
    public bool IsWorkingDay(long day) => _table is { } t && t.Covers(day) ? t.Works(day) : WeeklyWorks(day);

    /// <summary>Working days in [0, <paramref name="day"/>); negative for a day before 0 (minus those in [day, 0)).</summary>
    public long WorkingDaysBefore(long day)
    {
        if (_table is { } t)
        {
            if (day >= t.End)
            {
                return WeeklyBefore(day) + t.Correction;
            }
            if (day > t.Start)
            {
                return t.Before(day);
            }
        }
        return WeeklyBefore(day);
    }

    /// <summary>The working day that has <paramref name="k"/> working days in [0, it): day 0's working day or the first after it for 0.</summary>
    public long WorkingDay(long k)
    {
        if (_table is { } t)
        {
            if (k >= t.BeforeEnd)
            {
                return WeeklyDay(k - t.Correction);
            }
            if (k >= t.BeforeStart)
            {
                return t.Day(k);
            }
        }
        return WeeklyDay(k);
    }

    /// <summary>
    /// The deadline <paramref name="days"/> working days after <paramref name="from"/>: the end of the
    /// <paramref name="days"/>-th working day after the day of <paramref name="from"/> (that day itself not counted,
    /// as periods are counted in law).
    /// </summary>
    public double AddWorkingDays(double from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var first = WorkingDaysBefore((long)Math.Floor(from) + 1);
        return WorkingDay(first + days - 1) + 1.0;
    }

    /// <summary>The instant of day 0 (<see cref="StartDate"/> at midnight in the court's time).</summary>
    public DateTimeOffset Origin => new(StartDate.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(UtcOffsetHours));

    /// <summary>The calendar time (days since day 0) of an instant.</summary>
    public double DayOf(DateTimeOffset at) => (at - Origin).TotalDays;

    /// <summary>The instant of calendar time <paramref name="day"/>.</summary>
    public DateTimeOffset InstantOf(double day) => Origin + TimeSpan.FromTicks((long)Math.Round(day * TimeSpan.TicksPerDay));

    /// <summary>The date of day <paramref name="day"/>.</summary>
    public DateOnly DateOf(long day) => StartDate.AddDays(checked((int)day));

    /// <summary>The day number of <paramref name="date"/> (day 0 is <see cref="StartDate"/>).</summary>
    public long DayNumber(DateOnly date) => date.DayNumber - StartDate.DayNumber;

    /// <summary>
    /// The month of the year (0 = January) at time <paramref name="t"/>, as seasonality reads it: the date's month in a
    /// <see cref="Dated"/> calendar, else the part of a 365-day year in twelve equal parts (day 0 starts January).
    /// </summary>
    public int MonthOfYear(double t)
    {
        if (Dated)
        {
            return DateOf((long)Math.Floor(t)).Month - 1;
        }
        var inYear = t - (Math.Floor(t / YearDays) * YearDays);
        return Math.Min(11, (int)(inYear / (YearDays / 12.0)));
    }

    /// <summary>Days of each month of the year as <see cref="MonthOfYear"/> counts them (a 365-day year).</summary>
    public IReadOnlyList<double> MonthLengths => Dated ? s_datedMonths : s_equalMonths;

    private const double YearDays = Simulation.SimulationYear.Days;

    private static readonly double[] s_datedMonths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

    private static readonly double[] s_equalMonths = [.. Enumerable.Repeat(YearDays / 12.0, 12)];

    /// <summary>The calendar months that cut the window [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public CalendarMonths Months(double from, double to) => new(this, from, to);

    private bool WeeklyWorks(long day) => Mod7(day + _anchor) < DaysPerWeek;

    /// <summary>Working days of the plain working week in [0, day).</summary>
    private long WeeklyBefore(long day) => WeeklyFromAnchor(day + _anchor) - WeeklyFromAnchor(_anchor);

    private long WeeklyFromAnchor(long x) => (FloorDiv7(x) * DaysPerWeek) + Math.Min(Mod7(x), DaysPerWeek);

    /// <summary>The working day of the plain working week with <paramref name="k"/> of them in [0, it).</summary>
    private long WeeklyDay(long k)
    {
        var j = k + WeeklyFromAnchor(_anchor);
        var week = (long)Math.Floor((double)j / DaysPerWeek);
        return (week * 7) + (j - (week * DaysPerWeek)) - _anchor;
    }

    private static long FloorDiv7(long x) => (long)Math.Floor(x / 7.0);

    private static long Mod7(long x) => x - (FloorDiv7(x) * 7);

    public bool Equals(WorkCalendar? other) =>
        other is not null && DaysPerWeek == other.DaysPerWeek && HoursPerDay.Equals(other.HoursPerDay) &&
        StartDate == other.StartDate && Dated == other.Dated && UtcOffsetHours.Equals(other.UtcOffsetHours) &&
        Holidays.SequenceEqual(other.Holidays) && MakeUpDays.SequenceEqual(other.MakeUpDays);

    public override bool Equals(object? obj) => Equals(obj as WorkCalendar);

    public override int GetHashCode() => HashCode.Combine(DaysPerWeek, HoursPerDay, StartDate, Dated, Holidays.Count, MakeUpDays.Count);

    public override string ToString() =>
        $"{DaysPerWeek} x {HoursPerDay:0.##} from {StartDate:yyyy-MM-dd}, {Holidays.Count} holidays, {MakeUpDays.Count} make-up days";

    /// <summary>
    /// Working days where holidays and make-up days change the plain week: a table over the days from the first
    /// such date to the last, the plain week (shifted by the table's net change) outside.
    /// </summary>
    private sealed class DayTable
    {
        private readonly bool[] _works;
        private readonly long[] _before;

        public DayTable(WorkCalendar calendar)
        {
            var days = calendar.Holidays.Concat(calendar.MakeUpDays).Select(calendar.DayNumber).ToList();
            Start = days.Min();
            End = days.Max() + 1;
            var span = checked((int)(End - Start));
            _works = new bool[span];
            for (var i = 0; i < span; i++)
            {
                _works[i] = calendar.WeeklyWorks(Start + i);
            }
            foreach (var h in calendar.Holidays)
            {
                _works[calendar.DayNumber(h) - Start] = false;
            }
            foreach (var m in calendar.MakeUpDays)
            {
                _works[calendar.DayNumber(m) - Start] = true;
            }
            _before = new long[span + 1];
            _before[0] = calendar.WeeklyBefore(Start);
            for (var i = 0; i < span; i++)
            {
                _before[i + 1] = _before[i] + (_works[i] ? 1 : 0);
            }
            Correction = _before[span] - calendar.WeeklyBefore(End);
        }

        /// <summary>The first day of the table.</summary>
        public long Start { get; }

        /// <summary>The day after the table's last.</summary>
        public long End { get; }

        /// <summary>Working days the table adds (negative: removes) against the plain week.</summary>
        public long Correction { get; }

        public long BeforeStart => _before[0];

        public long BeforeEnd => _before[^1];

        public bool Covers(long day) => day >= Start && day < End;

        public bool Works(long day) => _works[day - Start];

        public long Before(long day) => _before[day - Start];

        /// <summary>The working day in the table with <paramref name="k"/> working days in [0, it).</summary>
        public long Day(long k)
        {
            // The first i whose following count passes k: before[i] == k and day i works.
            int lo = 0, hi = _works.Length - 1;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (_before[mid + 1] > k)
                {
                    hi = mid;
                }
                else
                {
                    lo = mid + 1;
                }
            }
            return Start + lo;
        }
    }
}
