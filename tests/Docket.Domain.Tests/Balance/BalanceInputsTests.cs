using Docket.Domain.Balance;
using Docket.Domain.Cases;

namespace Docket.Domain.Tests.Balance;

public sealed class BalanceInputsTests
{
    private static CaseType Type(double? limit, CaseTrack track = CaseTrack.Ordinary) => new("t", "c", track, 1.0, limit, 0, [], 0);

    [Fact]
    public void The_trial_time_index_is_days_over_limit_days_of_the_closed_cases_that_have_a_limit()
    {
        var inputs = new BalanceInputs();
        inputs.Close(Type(90), 45);
        inputs.Close(Type(30), 60);
        inputs.Close(Type(null), 500);
        Assert.Equal((45.0 + 60.0) / (90.0 + 30.0), inputs.Indicators().TrialTimeIndex, 12);
    }

    [Fact]
    public void Long_pending_counts_cases_older_than_18_months_by_default_among_those_pending()
    {
        var inputs = new BalanceInputs();
        inputs.Pending(10);
        inputs.Pending(548);
        inputs.Pending(548.5);
        inputs.Pending(800);
        Assert.Equal(0.5, inputs.Indicators().LongPendingShare, 12);
    }

    [Theory]
    [InlineData(365, 3)]
    [InlineData(730, 1)]
    [InlineData(1095, 0)]
    public void The_long_pending_threshold_is_the_one_given(double threshold, int longPending)
    {
        var inputs = new BalanceInputs();
        foreach (var age in new[] { 10.0, 400, 700, 800 })
        {
            inputs.Pending(age, threshold);
        }
        Assert.Equal(longPending / 4.0, inputs.Indicators().LongPendingShare, 12);
    }

    [Fact]
    public void The_file_transfer_time_is_the_mean_over_appeal_transfers_and_absent_without_them_whatever_archiving_took()
    {
        var inputs = new BalanceInputs();
        inputs.Archive(4);
        Assert.Null(inputs.Indicators().FileTransferDays);
        Assert.Equal(4.0, inputs.Indicators().ClosureToArchiveDays, 12);

        inputs.AppealTransfer(10);
        inputs.AppealTransfer(20);
        var merged = new BalanceInputs();
        merged.Add(inputs);
        Assert.Equal(15.0, merged.Indicators().FileTransferDays);
        Assert.Equal(4.0, merged.Indicators().ClosureToArchiveDays, 12);
    }

    [Fact]
    public void A_file_archived_before_its_recorded_closure_counts_no_days_for_every_driver()
    {
        var inputs = new BalanceInputs();
        inputs.Archive(-0.5);
        inputs.Archive(3);
        Assert.Equal(2, inputs.Archived);
        Assert.Equal(1.5, inputs.Indicators().ClosureToArchiveDays, 12);
    }

    [Fact]
    public void The_simple_share_counts_fast_track_closures_and_mediations()
    {
        var inputs = new BalanceInputs { Mediated = 2 };
        inputs.Close(Type(null, CaseTrack.FastTrack), 5);
        inputs.Close(Type(null), 5);
        Assert.Equal(3.0 / 4.0, inputs.Indicators().MediationAndSimpleShare, 12);
    }
}
