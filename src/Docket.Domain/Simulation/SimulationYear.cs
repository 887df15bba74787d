namespace Docket.Domain.Simulation;

/// <summary>The simulator's year and month: 365 days, 12 equal months of 30.42 days, counted from day 0.</summary>
public static class SimulationYear
{
    public const double Days = 365.0;
    public const double MonthDays = Days / 12.0;

    /// <summary>Months of the statistics window [<paramref name="from"/>, <paramref name="to"/>), the last one possibly short; at least 1.</summary>
    public static int WindowMonths(double from, double to) => Math.Max(1, (int)Math.Ceiling(((to - from) / MonthDays) - 1e-9));

    /// <summary>The window month (0-based) that holds day <paramref name="t"/>, clamped to the window's months.</summary>
    public static int MonthOf(double t, double from, int months) => Math.Clamp((int)((t - from) / MonthDays), 0, months - 1);
}
