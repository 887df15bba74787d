using Docket.Domain.Statistics;

namespace Docket.Domain.Tests.Statistics;

public class ConfidenceIntervalTests
{
    [Fact]
    public void The_95_percent_interval_of_three_values_is_the_mean_plus_or_minus_t_0975_2_times_sd_over_root_3()
    {
        var interval = ConfidenceInterval.Of([1.0, 2.0, 3.0]);
        Assert.Equal(2.0, interval.Mean, 12);
        // sd = 1, t(0.975, 2) = 4.302653
        Assert.Equal(4.302653 / Math.Sqrt(3), interval.HalfWidth, 5);
        Assert.Equal(interval.Mean - interval.HalfWidth, interval.Low);
        Assert.Equal(interval.Mean + interval.HalfWidth, interval.High);
        Assert.Equal(3, interval.Count);
    }

    [Fact]
    public void A_lower_level_gives_a_narrower_interval()
    {
        double[] values = [10, 12, 9, 14, 11];
        Assert.True(ConfidenceInterval.Of(values, 0.90).HalfWidth < ConfidenceInterval.Of(values).HalfWidth);
    }

    [Fact]
    public void One_value_has_a_mean_and_no_interval()
    {
        var interval = ConfidenceInterval.Of([7.0]);
        Assert.Equal(7.0, interval.Mean);
        Assert.False(interval.Exists);
        Assert.False(interval.ExcludesZero);
    }

    [Fact]
    public void A_difference_whose_interval_leaves_out_zero_is_significant()
    {
        Assert.True(ConfidenceInterval.Of([1.0, 1.1, 0.9, 1.05]).ExcludesZero);
        Assert.False(ConfidenceInterval.Of([1.0, -1.0, 0.5, -0.5]).ExcludesZero);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(95.0)]
    public void A_level_outside_zero_to_one_is_refused(double level)
    {
        Assert.Throws<ArgumentException>(() => ConfidenceInterval.Of([1.0, 2.0], level));
    }

    [Fact]
    public void No_values_are_refused()
    {
        Assert.Throws<ArgumentException>(() => ConfidenceInterval.Of([]));
    }
}
