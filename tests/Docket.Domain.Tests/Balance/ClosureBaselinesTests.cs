using CsCheck;
using Docket.Domain.Assignment;
using Docket.Domain.Balance;
using Docket.Domain.Tests.Support;

namespace Docket.Domain.Tests.Balance;

/// <summary>
/// Anhui's baselines in their own units (case 160): a month's closure share of its year against the monthly
/// baseline, a year's closure rate against the annual one, cases over 3 years against zero.
/// </summary>
public sealed class ClosureBaselinesTests
{
    private static readonly Gen<ClosureBaselines.Month[]> s_months =
        Gen.Select(Gen.Double[0, 500], Gen.Double[0, 300].Array[1, 40], Gen.Double[0, 1].Array[40], (pending, filed, closedShare) =>
        {
            // A consistent court: each month closes a share of what it has (pending at its start + filed in it).
            var months = new ClosureBaselines.Month[filed.Length];
            for (var m = 0; m < filed.Length; m++)
            {
                var closed = Math.Floor((pending + filed[m]) * closedShare[m]);
                months[m] = new ClosureBaselines.Month(pending, filed[m], closed);
                pending += filed[m] - closed;
            }
            return months;
        });

    [Fact]
    public void The_twelve_month_shares_of_a_year_add_up_to_its_closure_rate()
    {
        s_months.Sample(months =>
        {
            var shares = ClosureBaselines.MonthShares(months);
            var rates = ClosureBaselines.YearRates(months);
            Assert.Equal(Math.Max(1, months.Length / 12), rates.Length);
            for (var y = 0; y < months.Length / 12; y++)
            {
                Assert.Equal(rates[y], shares.Skip(y * 12).Take(12).Sum(), 9);
            }
            // Each share and rate is a part of the cases the year had: between 0 and 1.
            Assert.All(shares, s => Assert.InRange(s, 0, 1));
            Assert.All(rates, r => Assert.InRange(r, 0, 1));
        });
    }

    [Fact]
    public void A_month_share_is_closed_in_the_month_over_the_cases_accepted_in_its_year()
    {
        // 100 pending at the start; 50 filed each month; 40 closed each month.
        var months = Enumerable.Range(0, 12).Select(m => new ClosureBaselines.Month(100 + (10 * m), 50, 40)).ToArray();
        var shares = ClosureBaselines.MonthShares(months);
        Assert.All(shares, s => Assert.Equal(40.0 / (100 + (12 * 50)), s, 12));
        Assert.Equal(480.0 / 700, ClosureBaselines.YearRates(months).Single(), 12);
    }

    [Fact]
    public void A_window_shorter_than_a_year_is_compared_whole_and_a_part_year_after_full_ones_is_not()
    {
        var months = Enumerable.Range(0, 18).Select(_ => new ClosureBaselines.Month(10, 10, 10)).ToArray();
        Assert.Single(ClosureBaselines.YearRates(months));
        Assert.Single(ClosureBaselines.YearRates(months[..6]));
        Assert.Equal(60.0 / 70, ClosureBaselines.YearRates(months[..6]).Single(), 12);
    }

    [Theory]
    [InlineData(0.05, 0)]
    [InlineData(0.12, 12)]
    public void The_monthly_baseline_is_compared_with_the_month_share_not_the_month_closure_rate(double baseline, int below)
    {
        // Ten M/M/1 queues at ρ = 0.8: about 40 pending, 24 closed a month, so a month's closure rate is about 0.37 but
        // its share of the year's 330 accepted cases about 0.07.
        var scenario = TestCourts.Minimal(AssignmentSpec.Random, days: 730, warmup: 365) with
        {
            Balance = new BalanceSpec([baseline], 0.9, BalanceWeights.Equal),
        };
        var (_, summary) = TestCourts.Run(scenario);
        Assert.Equal(12, summary.Monthly.Count);
        Assert.All(summary.Monthly, m => Assert.True(m.ClosureRate > 0.2));
        Assert.All(summary.Monthly, m => Assert.InRange(m.ClosureShare, 0.03, 0.11));
        Assert.Equal(summary.Monthly.Sum(m => m.ClosureShare), summary.ClosureRate, 9);
        Assert.Equal(below, summary.Balance.MonthsBelowBaseline);
        Assert.Equal(summary.ClosureRate < 0.9 ? 1 : 0, summary.Balance.BelowAnnualBaseline);
    }

    [Fact]
    public void The_long_pending_baseline_counts_the_cases_pending_over_three_years()
    {
        var (_, summary) = TestCourts.Run(TestCourts.Minimal(AssignmentSpec.Random, days: 730, warmup: 365));
        Assert.Equal(summary.LongPending.Over1095, summary.Balance.PendingOver3Years);
    }
}
