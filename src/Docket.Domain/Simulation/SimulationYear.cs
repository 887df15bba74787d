namespace Docket.Domain.Simulation;

/// <summary>The simulator's year and month: 365 days, 12 equal months of 30.42 days, counted from day 0.</summary>
public static class SimulationYear
{
    public const double Days = 365.0;
    public const double MonthDays = Days / 12.0;
}
