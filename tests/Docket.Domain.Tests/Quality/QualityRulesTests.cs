using Docket.Domain.Quality;
using Docket.Domain.Randomness;

namespace Docket.Domain.Tests.Quality;

/// <summary>The rules of quality review both drivers apply (cases 162, 166, 159).</summary>
public sealed class QualityRulesTests
{
    [Fact]
    public void A_second_general_problem_of_a_judge_within_the_window_is_a_red_card()
    {
        Assert.Equal(QualityCard.Yellow, QualityRules.CardFor(QualityFinding.General, double.NaN, 100, 365));
        Assert.Equal(QualityCard.Red, QualityRules.CardFor(QualityFinding.General, 100, 465, 365));
        Assert.Equal(QualityCard.Yellow, QualityRules.CardFor(QualityFinding.General, 100, 465.5, 365));
    }

    [Fact]
    public void A_serious_problem_is_red_and_no_problem_earns_no_card_whatever_came_before()
    {
        Assert.Equal(QualityCard.Red, QualityRules.CardFor(QualityFinding.Serious, double.NaN, 10, 365));
        Assert.Equal(QualityCard.None, QualityRules.CardFor(QualityFinding.None, 9, 10, 365));
    }

    [Fact]
    public void Findings_follow_their_odds_and_a_late_file_raises_them()
    {
        var odds = new FindingOdds(0.2, 0.1);
        Assert.Equal(QualityFinding.Serious, QualityRules.Find(0.05, odds, false, 2));
        Assert.Equal(QualityFinding.General, QualityRules.Find(0.25, odds, false, 2));
        Assert.Equal(QualityFinding.None, QualityRules.Find(0.35, odds, false, 2));
        // Closed after its limit: serious 0.2, general 0.4.
        Assert.Equal(QualityFinding.Serious, QualityRules.Find(0.15, odds, true, 2));
        Assert.Equal(QualityFinding.General, QualityRules.Find(0.55, odds, true, 2));
        Assert.Equal(QualityFinding.None, QualityRules.Find(0.65, odds, true, 2));
    }

    [Fact]
    public void Raised_odds_are_capped_at_certainty_serious_first()
    {
        // Serious 0.05 × 10 = 0.5, general 0.5 × 10 capped at the remaining 0.5: every review finds a problem.
        var odds = new FindingOdds(0.5, 0.05);
        for (var u = 0.0; u < 1; u += 0.01)
        {
            Assert.Equal(u < 0.5 ? QualityFinding.Serious : QualityFinding.General, QualityRules.Find(u, odds, true, 10));
        }
    }

    [Fact]
    public void Each_of_a_judges_files_is_equally_likely_to_hold_the_yearly_place()
    {
        // Reservoir sampling of one over 5 files, 20,000 years: each file ends in the place about 1/5 of the time.
        var random = new RandomStream(11);
        var held = new int[5];
        for (var year = 0; year < 20_000; year++)
        {
            var place = -1;
            for (var n = 1; n <= 5; n++)
            {
                if (QualityRules.TakesJudgePlace(n, random.NextDouble()))
                {
                    place = n - 1;
                }
            }
            held[place]++;
        }
        Assert.All(held, h => Assert.InRange(h, 3_700, 4_300));
    }

    [Fact]
    public void A_judges_first_file_always_takes_the_place()
    {
        Assert.True(QualityRules.TakesJudgePlace(1, 0.999999));
        Assert.False(QualityRules.TakesJudgePlace(0, 0));
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    [InlineData(4UL)]
    public void A_drawn_sample_covers_every_judge_and_every_file_reviewed_in_full_and_is_re_made_from_its_stream(ulong seed)
    {
        var random = new Random((int)seed);
        var files = Enumerable.Range(0, 60).Select(i => new SampleCandidate($"j{random.Next(7)}", i % 9 == 0)).ToList();

        var sample = QualityRules.DrawSample(files, 0.1, new RandomStream(seed, 5, 1));

        Assert.Equal(sample, QualityRules.DrawSample(files, 0.1, new RandomStream(seed, 5, 1)));
        Assert.All(files.Select(f => f.Judge).Distinct(), judge => Assert.Contains(sample, i => files[i].Judge == judge));
        Assert.All(Enumerable.Range(0, files.Count).Where(i => files[i].ReviewedInFull), i => Assert.Contains(i, sample));
        Assert.Equal(sample.Order(), sample);
    }
}
