using MathNet.Numerics.Distributions;

namespace Docket.Domain.Statistics;

/// <summary>
/// The mean of replications' values with its two-sided Student-t interval: mean ± t(1 − (1 − level) ÷ 2, n − 1) ×
/// sd ÷ √n, sd the sample standard deviation (MathNet.Numerics' <see cref="StudentT"/>). The one interval routine of
/// the project: <c>docket compare</c> (means and paired differences) and the staffing goals of
/// <c>docket optimize</c> both use it. With one value there is no interval (half-width NaN).
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
}
