using Docket.Domain.Balance;

namespace Docket.Domain.Tests.Balance;

/// <summary>Fengtai's base-plus-bonus score (case 155): 100 × min(a, 1) + 50 × max(0, a − 1).</summary>
public sealed class FengtaiScoreTests
{
    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(0.5, 50.0)]
    [InlineData(1.0, 100.0)]
    [InlineData(1.5, 125.0)]
    [InlineData(2.0, 150.0)]
    public void The_score_is_the_base_for_attainment_up_to_the_quota_plus_a_bonus_beyond_it(double attainment, double score) =>
        Assert.Equal(score, FengtaiScore.Of(attainment), 12);

    [Fact]
    public void A_shortfall_costs_more_per_point_than_an_excess_earns()
    {
        var below = FengtaiScore.Of(1.0) - FengtaiScore.Of(0.9);
        var above = FengtaiScore.Of(1.1) - FengtaiScore.Of(1.0);

        Assert.Equal(10.0, below, 9);
        Assert.Equal(5.0, above, 9);
    }
}
