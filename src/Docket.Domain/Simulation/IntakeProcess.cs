using Docket.Domain.Intake;
using Docket.Domain.Randomness;

namespace Docket.Domain.Simulation;

/// <summary>
/// One intake stream as a non-homogeneous Poisson process: the rate in month m of the year
/// (<see cref="Calendar.WorkCalendar.MonthOfYear"/>) is per_year / 365 × seasonality[m] ÷ the factors' mean over the
/// year's days, drawn by thinning from the highest monthly rate.
/// </summary>
internal sealed class IntakeProcess
{
    private readonly double[] _factor = new double[12];
    private readonly double _maxFactor;
    private readonly double _meanGapAtMax;
    private readonly double[] _cumulativeShare;
    private readonly int[] _types;
    private readonly RandomStream _random;
    private readonly Calendar.WorkCalendar _calendar;

    public IntakeProcess(IntakeStream stream, int[] typeIndices, ulong seed, ulong courtKey, int index, double scale, Calendar.WorkCalendar calendar)
    {
        _calendar = calendar;
        Stream = stream;
        Index = index;
        _types = typeIndices;
        _random = new RandomStream(seed, courtKey, StreamKey.Mix(StreamKey.Intake, (ulong)index, 0));
        var factors = stream.Seasonality;
        // Weighted by the months' days, so that the year still receives per_year (equal parts: the plain average).
        var mean = factors is not { Count: 12 } ? 1.0
            : calendar.Dated ? factors.Select((f, m) => f * calendar.MonthLengths[m]).Sum() / calendar.MonthLengths.Sum()
            : factors.Average();
        for (var m = 0; m < 12; m++)
        {
            _factor[m] = factors is { Count: 12 } && mean > 0 ? factors[m] / mean : 1.0;
        }
        _maxFactor = _factor.Max();
        var perDay = stream.PerYear * scale / SimulationYear.Days;
        _meanGapAtMax = perDay > 0 && _maxFactor > 0 ? 1.0 / (perDay * _maxFactor) : double.PositiveInfinity;
        _cumulativeShare = new double[stream.Mix.Count];
        var total = stream.Mix.Sum(m => m.Share);
        var running = 0.0;
        for (var i = 0; i < stream.Mix.Count; i++)
        {
            running += stream.Mix[i].Share / total;
            _cumulativeShare[i] = running;
        }
    }

    public IntakeStream Stream { get; }

    public int Index { get; }

    /// <summary>Disputes this stream has produced so far: the next one's number within the stream.</summary>
    public int Produced { get; set; }

    /// <summary>The next arrival strictly after <paramref name="after"/>, or +∞ when the stream is empty.</summary>
    public double NextArrival(double after)
    {
        if (double.IsPositiveInfinity(_meanGapAtMax))
        {
            return double.PositiveInfinity;
        }
        var t = after;
        while (true)
        {
            t += _random.NextExponential(_meanGapAtMax);
            var month = _calendar.MonthOfYear(t);
            if (_maxFactor == _factor[month] || _random.NextDouble() * _maxFactor < _factor[month])
            {
                return t;
            }
        }
    }

    public int DrawType()
    {
        if (_types.Length == 1)
        {
            return _types[0];
        }
        var u = _random.NextDouble();
        for (var i = 0; i < _cumulativeShare.Length - 1; i++)
        {
            if (u < _cumulativeShare[i])
            {
                return _types[i];
            }
        }
        return _types[^1];
    }
}
