using CsCheck;
using Docket.Domain.Statistics;

namespace Docket.Domain.Tests.Statistics;

public class DaySortTests
{
    [Fact]
    public void Day_figures_come_out_exactly_as_array_sort_orders_them()
    {
        // Sizes on both sides of the radix threshold, ties, zeros and values spread over many binades.
        Gen.Select(Gen.Int[0, 20_000], Gen.Int[0, 3], Gen.UInt).Sample((n, kind, seed) =>
        {
            var random = new Random((int)seed);
            var days = new double[n];
            for (var i = 0; i < n; i++)
            {
                days[i] = kind switch
                {
                    0 => random.NextDouble() * 1000,
                    1 => Math.Round(random.NextDouble() * 30),
                    2 => Math.Exp((random.NextDouble() * 60) - 30),
                    _ => i % 7 == 0 ? 0.0 : random.NextDouble(),
                };
            }
            var expected = (double[])days.Clone();
            Array.Sort(expected);
            DaySort.Sort(days);
            return days.AsSpan().SequenceEqual(expected);
        }, iter: 60);
    }

    [Fact]
    public void Negative_and_non_finite_figures_are_sorted_as_array_sort_sorts_them()
    {
        var random = new Random(5);
        var days = Enumerable.Range(0, 10_000).Select(i => i switch
        {
            3 => double.NaN,
            4 => double.PositiveInfinity,
            5 => -0.0,
            _ => (random.NextDouble() * 200) - 20,
        }).ToArray();
        var expected = (double[])days.Clone();
        Array.Sort(expected);
        DaySort.Sort(days);
        Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), days.Select(BitConverter.DoubleToInt64Bits));
    }
}
