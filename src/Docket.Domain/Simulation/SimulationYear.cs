namespace Docket.Domain.Simulation;

/// <summary>
/// The simulator's year for rates: 365 days (intake per year, quotas per team-year). Months are the calendar's
/// (<see cref="Calendar.WorkCalendar.Months"/>).
/// </summary>
public static class SimulationYear
{
    public const double Days = 365.0;
}
