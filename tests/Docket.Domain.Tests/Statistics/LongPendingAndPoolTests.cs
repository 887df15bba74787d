using Docket.Domain.Assignment;
using Docket.Domain.Balance;
using Docket.Domain.Cases;
using Docket.Domain.Staffing;
using Docket.Domain.Tests.Support;

namespace Docket.Domain.Tests.Statistics;

public sealed class LongPendingAndPoolTests
{
    /// <summary>A court whose backlog of the given ages nobody can close in the run (a year of judge work each).</summary>
    private static Domain.Scenarios.Scenario Aged(params double[] ages) =>
        TestCourts.Court([TestCourts.JudgeOnly("a", 1e6)], [], [TestCourts.Teams("t", 1, ["a"])], AssignmentSpec.Random, 10,
            backlog: [.. ages.Select(age => new BacklogEntry("a", 1, new FixedEffort(age)))]);

    [Fact]
    public void Cases_pending_over_18_months_2_years_and_3_years_are_all_counted_and_the_share_uses_the_threshold()
    {
        var scenario = Aged(100, 600, 800, 1200);

        var (_, summary) = TestCourts.Run(scenario);

        // Ages at the end are the backlog ages plus the 10 days of the run.
        Assert.Equal(3, summary.LongPending.Over548);
        Assert.Equal(2, summary.LongPending.Over730);
        Assert.Equal(1, summary.LongPending.Over1095);
        Assert.Equal(548, summary.Balance.LongPendingDays);
        Assert.Equal(3, summary.Balance.LongPending);
        Assert.Equal(0.75, summary.Balance.LongPendingShare, 12);

        var (_, twoYears) = TestCourts.Run(scenario with { Balance = BalanceSpec.Default with { LongPendingDays = 730 } });
        Assert.Equal(2, twoYears.Balance.LongPending);
        Assert.Equal(0.5, twoYears.Balance.LongPendingShare, 12);
        Assert.Equal(summary.LongPending, twoYears.LongPending);
    }

    [Theory]
    [InlineData("", 548)]
    [InlineData("balance: { long_pending_days: 1095 }", 1095)]
    public void The_long_pending_threshold_is_read_from_the_balance_spec_and_defaults_to_18_months(string balance, double days)
    {
        var yaml = $$"""
            name: t
            days: 100
            case_types:
              - { id: a, effort: { judge: { dist: fixed, hours: 1 } } }
            intake:
              - { type: a, per_year: 10 }
            teams:
              - { id: t, members: { judge: 1 }, accepts: [a] }
            {{balance}}
            """;
        var result = Domain.Scenarios.ScenarioLoader.Load(yaml, "t.yaml");
        Assert.True(result.Scenario is not null, string.Join("\n", result.Errors));
        Assert.Equal(days, result.Scenario.Balance.LongPendingDays);
    }

    [Fact]
    public void A_shared_pool_reports_its_tasks_busy_hours_and_utilization_over_its_staff_and_the_window()
    {
        // Every case's 2-hour hearing record is the pool's; 3 clerks, continuous time, everything done well before the end.
        var type = new CaseType("a", "a", CaseTrack.Ordinary, 1.0, null, 0,
            [new EffortStage("judgment", RoleCatalog.Judge, new FixedEffort(1)), new EffortStage("hearing_record", RoleCatalog.Clerk, new FixedEffort(2))], 0);
        var pool = new SharedPool("records", new Dictionary<string, int> { [RoleCatalog.Clerk] = 3 }, ["hearing_record"], null);
        var scenario = TestCourts.Court([type], [], [TestCourts.Teams("t", 2, ["a"])], AssignmentSpec.Random, 100,
            pools: [pool], backlog: [TestCourts.FiledAtStart("a", 30)]);

        var (_, summary) = TestCourts.Run(scenario);

        var row = Assert.Single(summary.Pools);
        Assert.Equal("records", row.Id);
        Assert.Equal(3, row.Servers);
        Assert.Equal(30, row.Tasks);
        Assert.Equal(60.0, row.BusyHours, 9);
        Assert.Equal(60.0 / (3 * 100 * 24), row.Utilization, 12);
        Assert.Equal(0, row.WaitingEnd);
    }
}
