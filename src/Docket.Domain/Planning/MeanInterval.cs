using MathNet.Numerics.Distributions;

namespace Docket.Domain.Planning;

/// <summary>The mean of replications' values with its two-sided Student t confidence interval.</summary>
public sealed record MeanInterval(double Mean, double Lower, double Upper, int Replications)
{
    /// <summary>The 95% interval of the mean of <paramref name="values"/> (at least 2 values).</summary>
    public static MeanInterval Of(IReadOnlyList<double> values, double level = 0.95)
    {
        if (values.Count < 2)
        {
            throw new ArgumentException($"a confidence interval needs at least 2 replications (got {values.Count})", nameof(values));
        }
        var mean = values.Average();
        var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
        var half = StudentT.InvCDF(0, 1, values.Count - 1, 1 - ((1 - level) / 2)) * sd / Math.Sqrt(values.Count);
        return new MeanInterval(mean, mean - half, mean + half, values.Count);
    }
}
