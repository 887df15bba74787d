using System.Globalization;
using Docket.Domain.Statistics;

namespace Docket.Cli.Output;

/// <summary>
/// Numbers as a person reads them, in the terminal and on the pages alike: thousands separators, a few significant
/// digits, never E notation; rates (fractions in summary.json) as percentages, their spreads in percentage points.
/// </summary>
internal static class Numbers
{

    /// <summary>12,345 · 5,464 · 546.4 · 33.49 · 0.0212 (whole from 1,000 up, about 3–4 significant digits below).</summary>
    public static string Number(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return "–";
        }
        var magnitude = Math.Abs(value);
        if (value == Math.Floor(value) && magnitude < 1e15)
        {
            return value.ToString("N0", CultureInfo.InvariantCulture);
        }
        if (magnitude >= 1000)
        {
            return value.ToString("N0", CultureInfo.InvariantCulture);
        }
        if (magnitude >= 100)
        {
            return value.ToString("#,0.#", CultureInfo.InvariantCulture);
        }
        if (magnitude >= 1)
        {
            return value.ToString("#,0.##", CultureInfo.InvariantCulture);
        }
        // Below 1: three significant digits, written out in full.
        var decimals = Math.Clamp(2 - (int)Math.Floor(Math.Log10(magnitude)), 1, 12);
        return value.ToString("0." + new string('#', decimals), CultureInfo.InvariantCulture);
    }

    /// <summary>A fraction as a percentage: 0.9146 → "91.5 %".</summary>
    public static string Percent(double fraction) => Math.Abs(fraction) >= 0.01 || fraction == 0
        ? (fraction * 100).ToString("#,0.0", CultureInfo.InvariantCulture) + " %"
        : Number(fraction * 100) + " %";

    /// <summary>A difference of fractions in percentage points: 0.0715 → "7.15 pp".</summary>
    public static string Points(double fraction) => Number(fraction * 100) + " pp";

    /// <summary>A value in its unit: a rate as a percentage, anything else as a number.</summary>
    public static string Of(double value, bool rate) => rate ? Percent(value) : Number(value);

    /// <summary>Mean ± half-width of a 95% interval ("60,161 ± 114", "91.6 % ± 0.21 pp"); the mean alone without one.</summary>
    public static string Interval(ConfidenceInterval interval, bool rate = false) =>
        double.IsNaN(interval.HalfWidth) ? Of(interval.Mean, rate)
        : $"{Of(interval.Mean, rate)} ± {(rate ? Points(interval.HalfWidth) : Number(interval.HalfWidth))}";

    /// <summary>A paired difference: mean ± half-width [low, high], with * when the interval leaves out zero; rates in points.</summary>
    public static string Difference(ConfidenceInterval interval, bool rate = false)
    {
        string F(double v) => rate ? Number(v * 100) : Number(v);
        var unit = rate ? " pp" : "";
        return double.IsNaN(interval.HalfWidth) ? F(interval.Mean) + unit
            : $"{F(interval.Mean)} ± {F(interval.HalfWidth)}{unit} [{F(interval.Low)}, {F(interval.High)}]{(interval.ExcludesZero ? " *" : "")}";
    }
}
