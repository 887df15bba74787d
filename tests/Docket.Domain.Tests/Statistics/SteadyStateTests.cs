using CsCheck;
using Docket.Domain.Assignment;
using Docket.Domain.Statistics;
using Docket.Domain.Tests.Support;

namespace Docket.Domain.Tests.Statistics;

public sealed class SteadyStateTests
{
    private static MonthRow[] Months(int count, Func<int, double> fastTrack, Func<int, double> queue) =>
        [.. Enumerable.Range(1, count).Select(m => new MonthRow
        {
            Month = m,
            PendingEnd = fastTrack(m) + 500 + queue(m),
            PendingEndByKind = new Dictionary<string, double> { ["fast_track"] = fastTrack(m), ["specialized"] = 500, ["unassigned"] = queue(m) },
        })];

    private static double Wobble(int m) => (m % 3) - 1;

    [Fact]
    public void The_slope_of_points_on_a_line_is_the_line_slope_with_no_width()
    {
        var slope = ConfidenceInterval.OfSlope([5.0, 7.0, 9.0, 11.0]);
        Assert.Equal(2.0, slope.Mean, 9);
        Assert.Equal(0.0, slope.HalfWidth, 9);
    }

    [Fact]
    public void The_slope_interval_is_the_slope_plus_or_minus_t_0975_n_minus_2_times_its_standard_error()
    {
        // x = 1..5: slope 0.8, intercept 0.6, residual sum of squares 3.6, Σ(x − x̄)² = 10: se = √(3.6 / 3 / 10).
        var slope = ConfidenceInterval.OfSlope([1.0, 3.0, 2.0, 5.0, 4.0]);
        Assert.Equal(0.8, slope.Mean, 9);
        Assert.Equal(3.182446 * Math.Sqrt(0.12), slope.HalfWidth, 5);
        Assert.False(slope.ExcludesZero);
    }

    [Fact]
    public void A_team_kind_whose_pending_rises_steadily_is_not_steady_and_its_warning_names_the_kind_and_the_growth_a_month()
    {
        var steady = SteadyState.Test(Months(12, m => 1000 + (50 * m) + (5 * Wobble(m)), _ => 0));

        Assert.False(steady.Reached);
        Assert.Equal(SteadyState.MethodName, steady.Method);
        Assert.Equal(SteadyState.Growing, steady.Series.Single(s => s.Name == "fast_track").Trend);
        Assert.Equal(SteadyState.Flat, steady.Series.Single(s => s.Name == "specialized").Trend);
        var warning = Assert.Single(SteadyState.Warnings(365, 100, steady), w => w.Message.Contains("fast_track"));
        Assert.Equal(SteadyState.GrowingCode, warning.Code);
        var slope = steady.Series.Single(s => s.Name == "fast_track").SlopePerMonth;
        Assert.InRange(slope, 49, 51);
        Assert.Contains(FormattableString.Invariant($"grows by {slope:0.#} cases a month"), warning.Message);
    }

    [Fact]
    public void A_growing_queue_is_named_as_the_queue()
    {
        var steady = SteadyState.Test(Months(12, _ => 200, m => (20 * m) + Wobble(m)));

        Assert.False(steady.Reached);
        Assert.Contains(SteadyState.Warnings(365, 0, steady), w => w.Code == SteadyState.GrowingCode && w.Message.Contains("queue") && w.Message.Contains("unassigned"));
    }

    [Fact]
    public void A_backlog_still_draining_is_not_steady()
    {
        var steady = SteadyState.Test(Months(12, m => 5000 - (200 * m) + (10 * Wobble(m)), _ => 0));

        Assert.False(steady.Reached);
        Assert.Contains(SteadyState.Warnings(0, 5000, steady), w => w.Code == SteadyState.DrainingCode && w.Message.Contains("fast_track"));
    }

    [Fact]
    public void A_significant_slope_too_small_to_matter_is_flat()
    {
        // Half a case a month on a thousand: significant (no noise to speak of) but under both floors.
        var steady = SteadyState.Test(Months(12, m => 1000 + (0.5 * m), _ => 0));

        Assert.True(steady.Reached);
        Assert.Empty(SteadyState.Warnings(365, 1000, steady));
    }

    [Fact]
    public void A_window_under_three_months_cannot_be_tested_and_says_so()
    {
        var steady = SteadyState.Test(Months(2, _ => 10, _ => 0));

        Assert.False(steady.Reached);
        Assert.Contains(SteadyState.Warnings(365, 10, steady), w => w.Code == SteadyState.UntestedCode);
    }

    [Theory]
    [InlineData(0, 0, true)]
    [InlineData(0, 40, false)]
    [InlineData(365, 0, false)]
    public void Only_a_window_opening_on_an_empty_court_is_warned_as_starting_empty(int warmup, double pendingStart, bool warned)
    {
        var steady = SteadyState.Test(Months(12, _ => 10, _ => 0));
        Assert.Equal(warned, SteadyState.Warnings(warmup, pendingStart, steady).Any(w => w.Code == SteadyState.StartsEmptyCode));
    }

    [Fact]
    public void Reached_is_exactly_no_series_trending_and_every_trending_series_has_one_warning()
    {
        Gen.Select(Gen.Int[3, 40], Gen.Double[-100, 100], Gen.Double[-20, 20], Gen.Double[0, 50], Gen.Int[0, 1000])
            .Sample((months, slopeFast, slopeQueue, noise, seed) =>
            {
                var random = new Random(seed);
                var rows = Months(months, m => 3000 + (slopeFast * m) + (noise * random.NextDouble()), m => Math.Max(0, 100 + (slopeQueue * m) + (noise * random.NextDouble())));
                var steady = SteadyState.Test(rows);
                var trending = steady.Series.Where(s => s.Trend != SteadyState.Flat).ToList();
                Assert.Equal(trending.Count == 0, steady.Reached);
                Assert.All(steady.Series, s =>
                {
                    var material = Math.Abs(s.SlopePerMonth) >= SteadyState.MinCasesPerMonth && 12 * Math.Abs(s.SlopePerMonth) >= SteadyState.MinChangePerYear * s.Mean;
                    Assert.Equal(material && (s.Low > 0 || s.High < 0), s.Trend != SteadyState.Flat);
                    Assert.True(s.Low <= s.SlopePerMonth && s.SlopePerMonth <= s.High);
                });
                var warnings = SteadyState.Warnings(365, 1, steady);
                Assert.Equal(trending.Count, warnings.Count(w => w.Code is SteadyState.GrowingCode or SteadyState.DrainingCode));
            });
    }

    [Fact]
    public void Over_replications_the_test_is_reached_only_when_every_replication_reached_it_and_a_trend_in_one_is_warned()
    {
        var flat = SteadyState.Test(Months(12, m => 1000 + (10 * Wobble(m)), _ => 0));
        var growing = SteadyState.Test(Months(12, m => 1000 + (60 * m) + (10 * Wobble(m)), _ => 0));

        var combined = SteadyState.Combine([flat, growing, flat]);

        Assert.False(combined.Reached);
        Assert.Equal(SteadyState.Growing, combined.Series.Single(s => s.Name == "fast_track").Trend);
        var slopes = new[] { flat, growing, flat }.Select(r => r.Series.Single(s => s.Name == "fast_track").SlopePerMonth);
        Assert.Equal(slopes.Average(), combined.Series.Single(s => s.Name == "fast_track").SlopePerMonth, 9);
        Assert.Contains(SteadyState.Warnings(365, 1, combined, [flat, growing, flat]), w => w.Message.Contains("trending in 1"));
        Assert.True(SteadyState.Combine([flat, flat]).Reached);
    }

    [Fact]
    public void The_minimal_court_from_empty_without_warm_up_warns_and_with_a_warm_up_year_is_steady_without_warnings()
    {
        var (_, cold) = TestCourts.Run(TestCourts.Minimal(AssignmentSpec.Random, warmup: 0));
        var (_, warm) = TestCourts.Run(TestCourts.Minimal(AssignmentSpec.Random));

        Assert.Contains(cold.Warnings, w => w.Code == SteadyState.StartsEmptyCode);
        Assert.True(warm.SteadyState.Reached);
        Assert.Empty(warm.Warnings);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void Queueing_theory_courts_with_a_warm_up_reach_steady_state(ulong seed)
    {
        var (_, random) = TestCourts.Run(TestCourts.Minimal(AssignmentSpec.Random, seed: seed));
        var (_, pooled) = TestCourts.Run(TestCourts.Minimal(new AssignmentSpec(AssignmentPolicyKind.Pull, Cap: 1), seed: seed));

        Assert.True(random.SteadyState.Reached, string.Join("; ", random.Warnings.Select(w => w.Message)));
        Assert.True(pooled.SteadyState.Reached, string.Join("; ", pooled.Warnings.Select(w => w.Message)));
    }

    [Fact]
    public void A_court_offered_more_than_it_can_close_is_not_steady_and_names_its_growing_teams()
    {
        // Ten judges of 8,760 hours a year offered 400 cases × 240 hours = 96,000: the pending grows.
        var (_, summary) = TestCourts.Run(TestCourts.Minimal(AssignmentSpec.Random, days: 1095, perYear: 400));

        Assert.False(summary.SteadyState.Reached);
        Assert.Contains(summary.Warnings, w => w.Code == SteadyState.GrowingCode && w.Message.Contains("general teams"));
    }
}
