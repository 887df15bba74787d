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
    public void Long_pending_counts_cases_older_than_a_year_among_those_pending()
    {
        var inputs = new BalanceInputs();
        inputs.Pending(10);
        inputs.Pending(365);
        inputs.Pending(365.5);
        inputs.Pending(800);
        Assert.Equal(0.5, inputs.Indicators().LongPendingShare, 12);
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
