using Docket.Domain.Planning;
using static Docket.Domain.Tests.Scenarios.ScenarioTestSupport;

namespace Docket.Domain.Tests.Appeals;

public sealed class AppealPlanningTests
{
    [Fact]
    public void The_court_above_is_offered_the_appeals_of_the_courts_below_before_running()
    {
        var scenario = LoadValid(AppealScenarios.TwoLevels);

        // Three courts below file 600 civil cases a year each and appeal 20%: 360 appeals of 5 judge hours above.
        var upper = WeightedCaseload.FiledPerYear(scenario, scenario.Courts[0]);
        Assert.Equal(360, upper[scenario.TypeIndex("civil_appeal")], 9);
        Assert.Equal(100, upper[scenario.TypeIndex("civil")], 9);
        var appealJudges = OfferedLoad.Of(scenario).Single(l => l.Court == "upper" && l.Group == "appeals" && l.Staff == OfferedLoad.Judges);
        Assert.Equal(360 * 5, appealJudges.OfferedHours, 9);
        // The courts below file only their own intake.
        Assert.Equal(0, WeightedCaseload.FiledPerYear(scenario, scenario.Courts[1])[scenario.TypeIndex("civil_appeal")]);
    }

    [Fact]
    public void Appeals_are_spread_over_the_copies_of_the_court_above()
    {
        var scenario = LoadValid(AppealScenarios.TwoLevels.Replace("  - id: upper\n", "  - id: upper\n    count: 2\n", StringComparison.Ordinal));

        Assert.Equal(180, WeightedCaseload.FiledPerYear(scenario, scenario.Courts[0])[scenario.TypeIndex("civil_appeal")], 9);
    }
}
