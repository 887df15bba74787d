using Docket.Cli.Output;
using Docket.Domain.Statistics;

namespace Docket.Cli.Tests;

/// <summary>Numbers as people read them: thousands separators, no E notation, rates as percentages.</summary>
public sealed class NumbersTests
{
    [Theory]
    [InlineData(73850.3, "73,850")]
    [InlineData(18810.4, "18,810")]
    [InlineData(5464.2, "5,464")]
    [InlineData(16725.8, "16,726")]
    [InlineData(1121, "1,121")]
    [InlineData(546.42, "546.4")]
    [InlineData(33.4912, "33.49")]
    [InlineData(0.00234, "0.00234")]
    [InlineData(0.000012345, "0.0000123")]
    [InlineData(1.5e7, "15,000,000")]
    [InlineData(-4307.4, "-4,307")]
    public void Numbers_have_thousands_separators_and_no_e_notation(double value, string expected)
    {
        Assert.Equal(expected, Numbers.Number(value));
        Assert.DoesNotContain("E", Numbers.Number(value));
    }

    [Theory]
    [InlineData(0.9146, "91.5 %")]
    [InlineData(0.8443, "84.4 %")]
    [InlineData(1.004, "100.4 %")]
    [InlineData(0, "0.0 %")]
    [InlineData(0.0005, "0.05 %")]
    public void Rates_are_percentages(double fraction, string expected) => Assert.Equal(expected, Plain(Numbers.Percent(fraction)));

    private static string Plain(string text) => text;

    [Fact]
    public void A_rates_interval_and_difference_are_in_percentage_points()
    {
        Assert.Equal("84.4 % ± 0.234 pp", Plain(Numbers.Interval(new ConfidenceInterval(0.8443, 0.00234, 5), rate: true)));
        Assert.Equal("7.15 ± 0.212 pp [6.94, 7.36] *", Plain(Numbers.Difference(new ConfidenceInterval(0.0715, 0.00212, 5), rate: true)));
        Assert.Equal("1,871 ± 247 [1,624, 2,118] *", Plain(Numbers.Difference(new ConfidenceInterval(1871, 247, 5))));
        Assert.Equal("60,161", Numbers.Interval(new ConfidenceInterval(60161, double.NaN, 1)));
    }
}
