using Docket.Cli.Output;

namespace Docket.Cli.Tests;

public sealed class OptimizeTablesTests
{
    [Theory]
    [InlineData("closure_rate", true)]
    [InlineData("clearance_ratio", true)]
    [InlineData("balance.long_pending_share", true)]
    [InlineData("mean_judge_utilization", true)]
    [InlineData("mean_days_to_disposition", false)]
    [InlineData("pending_over_365", false)]
    [InlineData("by_type.civil.mean_ttd_days", false)]
    public void A_goal_on_a_rate_is_shown_as_a_percentage(string path, bool rate) =>
        Assert.Equal(rate, OptimizeTables.IsRate(path));
}
