using MathNet.Numerics.Statistics;

namespace Docket.Domain.Statistics;

/// <summary>
/// The figures a court's statistician reads off its counts, defined once for summary.json, the live court's KPIs, a
/// team's or judge's docket figures and the metrics.
/// </summary>
public static class CourtFigures
{
    /// <summary>A year of pending: past it a case is long pending (the metrics' gauge, the first of <see cref="LongPendingDays"/>).</summary>
    public const int OneYear = 365;

    /// <summary>The ages past which a pending case is counted as long pending: 1, 1.5, 2 and 3 years.</summary>
    public static IReadOnlyList<int> LongPendingDays { get; } = [OneYear, 548, 730, 1095];

    /// <summary>Closure rate: cases closed ÷ (pending at the start + filed); 0 with neither.</summary>
    public static double ClosureRate(double closed, double pendingStart, double filed) => Ratio(closed, pendingStart + filed);

    /// <summary>Clearance ratio: cases closed ÷ cases filed; 0 with none filed.</summary>
    public static double ClearanceRatio(double closed, double filed) => Ratio(closed, filed);

    /// <summary>The <paramref name="tau"/> quantile of ascending <paramref name="sorted"/> (MathNet's default definition); 0 when empty.</summary>
    public static double Quantile(double[] sorted, double tau) => sorted.Length == 0 ? 0.0 : SortedArrayStatistics.Quantile(sorted, tau);

    /// <summary>How many of <paramref name="ages"/> are past <paramref name="days"/> (strictly longer).</summary>
    public static long CountOver(IEnumerable<double> ages, double days) => ages.LongCount(a => a > days);

    private static double Ratio(double a, double b) => b > 0 ? a / b : 0.0;
}
