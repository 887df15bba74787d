namespace Docket.Domain.Calendar;

/// <summary>
/// When staff work: <see cref="DaysPerWeek"/> working days starting on day 0 of each week, and on each the first
/// <see cref="HoursPerDay"/> hours. 7 × 24 is continuous time. Times are in (fractional) calendar days.
/// </summary>
public sealed record WorkCalendar(int DaysPerWeek, double HoursPerDay)
{
    public static WorkCalendar Continuous { get; } = new(7, 24);

    public bool IsContinuous => DaysPerWeek == 7 && HoursPerDay >= 24;

    public double WorkingHoursPerWeek => DaysPerWeek * HoursPerDay;

    /// <summary>Working hours elapsed between time 0 and calendar time <paramref name="day"/>.</summary>
    public double WorkingHoursBefore(double day)
    {
        if (IsContinuous)
        {
            return day * 24.0;
        }
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
        if (workingHours <= 0)
        {
            return 0.0;
        }
        var week = Math.Floor(workingHours / WorkingHoursPerWeek);
        var rest = workingHours - (week * WorkingHoursPerWeek);
        if (rest <= 0)
        {
            week--;
            rest = WorkingHoursPerWeek;
        }
        var day = Math.Max(0.0, Math.Ceiling(rest / HoursPerDay) - 1);
        var intoDay = rest - (day * HoursPerDay);
        return (week * 7.0) + day + (intoDay / 24.0);
    }

    /// <summary>Calendar time when a task of <paramref name="hours"/> working hours started at <paramref name="start"/> ends.</summary>
    public double AddWorkingHours(double start, double hours) =>
        IsContinuous ? start + (hours / 24.0) : Math.Max(start, DayAtWorkingHours(WorkingHoursBefore(start) + hours));
}
