using Docket.Domain.Balance;

namespace Docket.Domain.Tests.Balance;

/// <summary>Anhui's composite balance index (case 160): five indicators scored in [0, 1], weighted, × 100.</summary>
public sealed class BalanceIndicatorsTests
{
    private static readonly BalanceIndicators s_best = new(TimeLimitChangeRate: 0, TrialTimeIndex: 0, MediationAndSimpleShare: 1, FileTransferDays: 0, LongPendingShare: 0);

    private static readonly BalanceIndicators s_worst = new(TimeLimitChangeRate: 1, TrialTimeIndex: 1, MediationAndSimpleShare: 0,
        FileTransferDays: BalanceIndicators.FileTransferZeroDays, LongPendingShare: 1);

    [Fact]
    public void The_best_indicators_score_100_and_the_worst_score_0()
    {
        Assert.Equal(100.0, s_best.Index(BalanceWeights.Equal), 12);
        Assert.Equal(0.0, s_worst.Index(BalanceWeights.Equal), 12);
    }

    [Fact]
    public void Indicators_beyond_their_range_are_clamped_so_the_index_stays_within_0_and_100()
    {
        var beyondWorst = new BalanceIndicators(3.0, 2.5, -0.5, 400, 7);
        var beyondBest = new BalanceIndicators(-1, -2, 3, -30, -1);

        Assert.Equal(0.0, beyondWorst.Index(BalanceWeights.Equal), 12);
        Assert.Equal(100.0, beyondBest.Index(BalanceWeights.Equal), 12);
    }

    [Theory]
    [InlineData(0.2, 0.5, 0.4, 30.0, 0.1)]
    [InlineData(0.0, 1.3, 0.9, 12.0, 0.6)]
    [InlineData(1.0, 0.0, 0.0, 90.0, 0.0)]
    public void Each_indicator_alone_scores_its_own_transform(double rate, double trial, double share, double transfer, double longPending)
    {
        var indicators = new BalanceIndicators(rate, trial, share, transfer, longPending);

        Assert.Equal(100 * Math.Clamp(1 - rate, 0, 1), indicators.Index(new BalanceWeights(1, 0, 0, 0, 0)), 9);
        Assert.Equal(100 * Math.Clamp(1 - trial, 0, 1), indicators.Index(new BalanceWeights(0, 1, 0, 0, 0)), 9);
        Assert.Equal(100 * Math.Clamp(share, 0, 1), indicators.Index(new BalanceWeights(0, 0, 1, 0, 0)), 9);
        Assert.Equal(100 * Math.Clamp(1 - (transfer / 60), 0, 1), indicators.Index(new BalanceWeights(0, 0, 0, 1, 0)), 9);
        Assert.Equal(100 * Math.Clamp(1 - longPending, 0, 1), indicators.Index(new BalanceWeights(0, 0, 0, 0, 1)), 9);
    }

    [Fact]
    public void The_index_is_the_weighted_mean_of_the_indicator_scores()
    {
        // Scores 0.8, 0.5, 0.4, 0.5, 0.9.
        var indicators = new BalanceIndicators(0.2, 0.5, 0.4, 30, 0.1);

        Assert.Equal(100 * (0.8 + 0.5 + 0.4 + 0.5 + 0.9) / 5, indicators.Index(BalanceWeights.Equal), 9);
        Assert.Equal(100 * ((3 * 0.8) + 0.4) / 4, indicators.Index(new BalanceWeights(3, 0, 1, 0, 0)), 9);
    }

    [Fact]
    public void Weights_are_normalised_so_scaling_them_changes_nothing()
    {
        var indicators = new BalanceIndicators(0.2, 0.5, 0.4, 30, 0.1);
        var weights = new BalanceWeights(0.3, 0.1, 0.2, 0.25, 0.15);
        var scaled = new BalanceWeights(30, 10, 20, 25, 15);

        Assert.Equal(indicators.Index(weights), indicators.Index(scaled), 9);
    }

    [Fact]
    public void A_heavier_weight_pulls_the_index_towards_that_indicators_score()
    {
        // Mediation and simple procedure is the worst score (0.4); weighting it more lowers the index.
        var indicators = new BalanceIndicators(0.2, 0.5, 0.4, 30, 0.1);

        Assert.True(indicators.Index(new BalanceWeights(1, 1, 5, 1, 1)) < indicators.Index(BalanceWeights.Equal));
        Assert.True(indicators.Index(new BalanceWeights(1, 1, 1, 1, 5)) > indicators.Index(BalanceWeights.Equal));
    }

    [Fact]
    public void All_zero_weights_give_an_index_of_zero()
    {
        Assert.Equal(0.0, s_best.Index(new BalanceWeights(0, 0, 0, 0, 0)));
    }

    [Fact]
    public void Any_indicators_with_any_non_negative_weights_give_an_index_between_0_and_100()
    {
        var random = new Random(11);
        for (var i = 0; i < 2000; i++)
        {
            var indicators = new BalanceIndicators((random.NextDouble() * 2) - 0.5, random.NextDouble() * 3, (random.NextDouble() * 1.5) - 0.2,
                random.NextDouble() * 120, random.NextDouble());
            var weights = new BalanceWeights(random.NextDouble(), random.NextDouble(), random.NextDouble(), random.NextDouble(), random.NextDouble());

            Assert.InRange(indicators.Index(weights), 0.0, 100.0);
        }
    }

    [Fact]
    public void Without_a_file_transfer_time_the_index_is_the_weighted_mean_of_the_other_four()
    {
        var without = new BalanceIndicators(0.2, 0.5, 0.4, null, 0.1);
        var weights = new BalanceWeights(1, 2, 3, 4, 5);
        var expected = 100 * ((1 * 0.8) + (2 * 0.5) + (3 * 0.4) + (5 * 0.9)) / (1 + 2 + 3 + 5);
        Assert.Equal(expected, without.Index(weights), 9);
        Assert.Equal(0.0, without.Index(new BalanceWeights(0, 0, 0, 1, 0)), 12);
    }
}
