namespace Docket.Domain.Staffing;

/// <summary>
/// A judge's or a team's utilization: the busy share of the hours its judges were present (absences and non-working
/// hours excluded); 0 when nobody was present.
/// </summary>
public static class Utilization
{
    /// <param name="busyHours">The hours the <paramref name="judges"/> spent on tasks, summed.</param>
    /// <param name="judges">How many judges share the busy hours.</param>
    /// <param name="presentHoursEach">The hours each of them was present.</param>
    public static double Of(double busyHours, int judges, double presentHoursEach) =>
        judges > 0 && presentHoursEach > 0 ? busyHours / (judges * presentHoursEach) : 0.0;
}
