using MathNet.Numerics.Distributions;

namespace Docket.Domain.Statistics;

/// <summary>
/// The mean of replications' values with its 95% Student-t interval: mean ± t(0.975, n − 1) × sd ÷ √n. With one
/// value there is no interval (half-width NaN).
/// </summary>
public readonly record struct ConfidenceInterval(double Mean, double HalfWidth, int Count)
{
    public double Low => Mean - HalfWidth;

    public double High => Mean + HalfWidth;

    /// <summary>Whether the interval exists and leaves out zero: a paired difference that is significant at 5%.</summary>
    public bool ExcludesZero => !double.IsNaN(HalfWidth) && (Low > 0 || High < 0);

    public static ConfidenceInterval Of(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("no values", nameof(values));
        }
        var mean = values.Average();
        if (values.Count < 2)
        {
            return new ConfidenceInterval(mean, double.NaN, values.Count);
        }
        var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
        var half = StudentT.InvCDF(0, 1, values.Count - 1, 0.975) * sd / Math.Sqrt(values.Count);
        return new ConfidenceInterval(mean, half, values.Count);
    }
}
