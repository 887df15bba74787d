using Docket.Domain.Courts;

namespace Docket.Domain.Tests.Courts;

public sealed class CaseloadTallyTests
{
    private static readonly DateTimeOffset s_from = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset s_now = s_from.AddDays(100);

    [Fact]
    public void A_case_closed_before_the_window_counts_for_nothing_and_one_open_across_its_start_is_pending_at_the_start()
    {
        var tally = new CaseloadTally(s_from, s_now);
        Assert.Equal(new CountedCase(false, false, null), tally.Count(s_from.AddDays(-50), s_from.AddDays(-1), waiting: false));
        Assert.Equal(new CountedCase(false, true, null), tally.Count(s_from.AddDays(-50), s_from.AddDays(10), waiting: false));
        Assert.Equal(new CountedCase(false, false, 400), tally.Count(s_now.AddDays(-400), null, waiting: false));
        var caseload = tally.Finish();
        Assert.Equal(2, caseload.PendingStart);
        Assert.Equal(0, caseload.Filed);
        Assert.Equal(1, caseload.Closed);
        Assert.Equal(1, caseload.PendingEnd);
        Assert.Equal(0.5, caseload.ClosureRate);
    }

    [Fact]
    public void Cases_filed_in_the_window_count_as_filed_and_those_still_open_by_their_age_and_whether_they_wait()
    {
        var tally = new CaseloadTally(s_from, s_now);
        tally.Count(s_from.AddDays(1), s_from.AddDays(3), waiting: false);
        Assert.Equal(new CountedCase(true, false, 60), tally.Count(s_now.AddDays(-60), null, waiting: true));
        tally.Count(s_now.AddDays(-20), null, waiting: false);
        tally.CountFiledAndClosed(2);
        var caseload = tally.Finish();
        Assert.Equal(0, caseload.PendingStart);
        Assert.Equal(5, caseload.Filed);
        Assert.Equal(3, caseload.Closed);
        Assert.Equal(2, caseload.PendingEnd);
        Assert.Equal(1, caseload.Waiting);
        Assert.Equal(0.6, caseload.ClearanceRatio, 12);
        Assert.Equal(new PendingAges(40, 40, Domain.Statistics.CourtFigures.Quantile([20, 60], 0.9), 60), caseload.PendingAgeDays);
        Assert.Equal(new PendingAges(60, 60, 60, 60), caseload.WaitingAgeDays);
    }

    [Fact]
    public void Long_pending_counts_each_threshold_in_its_own_field()
    {
        var tally = new CaseloadTally(s_now.AddDays(-2000), s_now);
        foreach (var days in new[] { 366, 549, 549, 731, 731, 731, 1096, 1096, 1096, 1096 })
        {
            tally.Count(s_now.AddDays(-days), null, waiting: false);
        }
        // Over 365: all ten; over 548: nine; over 730: seven; over 1,095: four.
        Assert.Equal(new LongPending(10, 9, 4, 7), tally.Finish().LongPending);
    }

    [Fact]
    public void An_empty_window_has_zero_ages_and_rates()
    {
        var caseload = new CaseloadTally(s_from, s_now).Finish();
        Assert.Equal(new PendingAges(0, 0, 0, 0), caseload.PendingAgeDays);
        Assert.Equal(0, caseload.ClosureRate);
        Assert.Equal(0, caseload.ClearanceRatio);
    }
}
