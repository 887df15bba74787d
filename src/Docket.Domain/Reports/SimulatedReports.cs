namespace Docket.Domain.Reports;

/// <summary>The published lists' periods in a simulated window (<see cref="ReportFold"/> counts them).</summary>
public static class SimulatedReports
{
    /// <summary>Team residuals this far from 0 mark a team-month departing from its expected draws.</summary>
    public const double DepartingResidual = 3;

    /// <summary>Whether a team's residual (drawn − expected ÷ √variance) marks it departing from its expected draws.</summary>
    public static bool Departs(double residual) => Math.Abs(residual) >= DepartingResidual;

    /// <summary>The periods of the cadence wholly inside [from, to) (days of the calendar): the reports produced in the window.</summary>
    public static IReadOnlyList<ReportPeriod> Periods(Calendar.WorkCalendar calendar, ReportCadence cadence, double from, double to)
    {
        var periods = new List<ReportPeriod>();
        var start = calendar.DateOf((long)Math.Ceiling(from));
        var end = calendar.DateOf((long)Math.Floor(to));
        var p = ReportPeriod.Of(cadence, start);
        if (p.First < start)
        {
            p = ReportPeriod.Of(cadence, p.End);
        }
        for (; p.End <= end; p = ReportPeriod.Of(cadence, p.End))
        {
            periods.Add(p);
        }
        return periods;
    }
}
