using Docket.Domain.Statistics;

namespace Docket.Domain.Tests.Statistics;

public sealed class CombinedWarningsTests
{
    private static Summary Run(ulong seed, double fastTrackGrowth, params RunWarning[] extra)
    {
        MonthRow[] months = [.. Enumerable.Range(1, 12).Select(m => new MonthRow
        {
            Month = m,
            PendingEnd = 1000 + (fastTrackGrowth * m) + ((m % 3) - 1),
            PendingEndByKind = new Dictionary<string, double> { ["fast_track"] = 1000 + (fastTrackGrowth * m) + ((m % 3) - 1) },
        })];
        var steady = SteadyState.Test(months);
        return new Summary
        {
            Seed = seed,
            WarmupDays = 365,
            Cases = new CaseCounts { PendingStart = 900 },
            Monthly = months,
            SteadyState = steady,
            Warnings = [.. SteadyState.Warnings(365, 900, steady), .. extra],
        };
    }

    [Fact]
    public void The_mean_of_replications_carries_every_replications_warning_once_and_reaches_steady_state_only_if_all_do()
    {
        var other = new RunWarning("other", "something only the second replication saw");
        var combined = SummaryBuilder.Combine([Run(1, 0), Run(2, 80, other), Run(3, 0, other)], new EngineFigures());

        Assert.False(combined.SteadyState.Reached);
        Assert.Contains(combined.Warnings, w => w.Code == SteadyState.GrowingCode && w.Message.Contains("fast_track") && w.Message.Contains("trending in 1"));
        Assert.Single(combined.Warnings, w => w == other);
        Assert.Equal(3, combined.ReplicationsDetail!.Count);
        Assert.Empty(combined.ReplicationsDetail[0].Warnings);
    }

    [Fact]
    public void Replications_that_are_all_steady_combine_without_warnings()
    {
        var combined = SummaryBuilder.Combine([Run(1, 0), Run(2, 0)], new EngineFigures());

        Assert.True(combined.SteadyState.Reached);
        Assert.Empty(combined.Warnings);
    }
}
