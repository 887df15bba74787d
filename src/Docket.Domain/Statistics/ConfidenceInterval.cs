using MathNet.Numerics.Distributions;

namespace Docket.Domain.Statistics;

/// <summary>
/// The mean of replications' values with its two-sided Student-t interval: mean ± t(1 − (1 − level) ÷ 2, n − 1) ×
/// sd ÷ √n, sd the sample standard deviation (MathNet.Numerics' <see cref="StudentT"/>). The one interval routine of
/// the project: <c>docket compare</c> (means and paired differences) and the staffing goals of
/// <c>docket optimize</c> both use it. With one value there is no interval (half-width NaN). <see cref="OfSlope"/>
/// gives the same kind of interval for the slope of a least-squares line (the steady-state test of summary.json).
/// </summary>
public readonly record struct ConfidenceInterval(double Mean, double HalfWidth, int Count)
{
    /// <summary>The level every caller uses: 95%.</summary>
    public const double DefaultLevel = 0.95;

    public double Low => Mean - HalfWidth;

    public double High => Mean + HalfWidth;

    /// <summary>Whether the interval exists (two values or more).</summary>
    public bool Exists => !double.IsNaN(HalfWidth);

    /// <summary>Whether the interval exists and leaves out zero: a paired difference that is significant at 5%.</summary>
    public bool ExcludesZero => Exists && (Low > 0 || High < 0);

    /// <summary>The interval of the mean of <paramref name="values"/> at <paramref name="level"/> (0 &lt; level &lt; 1).</summary>
    /// <exception cref="ArgumentException">No values, or a level outside (0, 1).</exception>
    public static ConfidenceInterval Of(IReadOnlyList<double> values, double level = DefaultLevel)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("no values", nameof(values));
        }
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentException($"a confidence level is between 0 and 1 (got {level})", nameof(level));
        }
        var mean = values.Average();
        if (values.Count < 2)
        {
            return new ConfidenceInterval(mean, double.NaN, values.Count);
        }
        var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
        var half = StudentT.InvCDF(0, 1, values.Count - 1, 1 - ((1 - level) / 2)) * sd / Math.Sqrt(values.Count);
        return new ConfidenceInterval(mean, half, values.Count);
    }

    /// <summary>
    /// The least-squares slope of <paramref name="values"/> against their positions 1, 2, ..., n (MathNet.Numerics'
    /// <c>Fit.Line</c>) with its two-sided Student-t interval: slope ± t(1 − (1 − level) ÷ 2, n − 2) × se, se =
    /// √(Σ residual² ÷ (n − 2) ÷ Σ (x − x̄)²). <see cref="Mean"/> holds the slope, <see cref="Count"/> n. With fewer
    /// than three values there is no interval (half-width NaN); with two or fewer the slope is 0 for one value.
    /// </summary>
    /// <exception cref="ArgumentException">No values, or a level outside (0, 1).</exception>
    public static ConfidenceInterval OfSlope(IReadOnlyList<double> values, double level = DefaultLevel)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("no values", nameof(values));
        }
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentException($"a confidence level is between 0 and 1 (got {level})", nameof(level));
        }
        if (values.Count == 1)
        {
            return new ConfidenceInterval(0, double.NaN, 1);
        }
        var xs = Enumerable.Range(1, values.Count).Select(i => (double)i).ToArray();
        var ys = values.ToArray();
        var (intercept, slope) = MathNet.Numerics.Fit.Line(xs, ys);
        if (values.Count < 3)
        {
            return new ConfidenceInterval(slope, double.NaN, values.Count);
        }
        var meanX = xs.Average();
        var sxx = xs.Sum(x => (x - meanX) * (x - meanX));
        var sse = xs.Zip(ys, (x, y) => (y - intercept - (slope * x)) * (y - intercept - (slope * x))).Sum();
        var se = Math.Sqrt(sse / (values.Count - 2) / sxx);
        var half = StudentT.InvCDF(0, 1, values.Count - 2, 1 - ((1 - level) / 2)) * se;
        return new ConfidenceInterval(slope, half, values.Count);
    }
}
