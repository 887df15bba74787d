using MathNet.Numerics.Distributions;

namespace Docket.Domain.Cases;

/// <summary>Working hours a task needs, drawn from a distribution (Math.NET Numerics samplers).</summary>
public abstract record EffortDistribution
{
    public abstract double MeanHours { get; }

    public abstract double Sample(System.Random random);

    public static EffortDistribution ExponentialOf(double meanHours) => new ExponentialEffort(meanHours);
}

public sealed record ExponentialEffort(double MeanHours) : EffortDistribution
{
    private readonly double _rate = 1.0 / MeanHours;

    public override double MeanHours { get; } = MeanHours;

    public override double Sample(System.Random random) => Exponential.Sample(random, _rate);
}

/// <summary>Log-normal given by its mean and standard deviation in hours (not by μ and σ of the log).</summary>
public sealed record LogNormalEffort(double MeanHours, double StdDevHours) : EffortDistribution
{
    private readonly double _mu = Math.Log(MeanHours) - (0.5 * Math.Log(1 + (StdDevHours * StdDevHours / (MeanHours * MeanHours))));
    private readonly double _sigma = Math.Sqrt(Math.Log(1 + (StdDevHours * StdDevHours / (MeanHours * MeanHours))));

    public override double MeanHours { get; } = MeanHours;

    public override double Sample(System.Random random) => LogNormal.Sample(random, _mu, _sigma);
}

/// <summary>Gamma given by its mean and shape; shape 1 is exponential.</summary>
public sealed record GammaEffort(double MeanHours, double Shape) : EffortDistribution
{
    private readonly double _rate = Shape / MeanHours;

    public override double MeanHours { get; } = MeanHours;

    public override double Sample(System.Random random) => Gamma.Sample(random, Shape, _rate);
}

public sealed record FixedEffort(double Hours) : EffortDistribution
{
    public override double MeanHours => Hours;

    public override double Sample(System.Random random) => Hours;
}

/// <summary>Observed durations, drawn with equal probability (or with the given weights).</summary>
public sealed record EmpiricalEffort : EffortDistribution
{
    private readonly double[] _values;
    private readonly double[] _cumulative;

    public EmpiricalEffort(IReadOnlyList<double> values, IReadOnlyList<double>? weights = null)
    {
        _values = [.. values];
        _cumulative = new double[_values.Length];
        var total = 0.0;
        var mean = 0.0;
        for (var i = 0; i < _values.Length; i++)
        {
            var w = weights is null ? 1.0 : weights[i];
            total += w;
            _cumulative[i] = total;
            mean += w * _values[i];
        }
        for (var i = 0; i < _cumulative.Length; i++)
        {
            _cumulative[i] /= total;
        }
        MeanHours = mean / total;
    }

    public IReadOnlyList<double> Values => _values;

    public override double MeanHours { get; }

    public override double Sample(System.Random random)
    {
        var u = random.NextDouble();
        var i = Array.BinarySearch(_cumulative, u);
        if (i < 0)
        {
            i = ~i;
        }
        return _values[Math.Min(i, _values.Length - 1)];
    }
}
