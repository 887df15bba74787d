using CsCheck;
using Docket.Domain.Assignment;
using Docket.Domain.Planning;
using Docket.Domain.Statistics;
using Docket.Domain.Tests.Support;

namespace Docket.Domain.Tests.Planning;

public sealed class ScenarioWarningsTests
{
    [Fact]
    public void A_scenario_without_warm_up_or_backlog_is_warned_before_running_and_one_with_a_warm_up_is_not()
    {
        Assert.Contains(ScenarioWarnings.Of(TestCourts.Minimal(AssignmentSpec.Random, warmup: 0)), w => w.Code == SteadyState.StartsEmptyCode);
        Assert.Empty(ScenarioWarnings.Of(TestCourts.Minimal(AssignmentSpec.Random)));
    }

    [Fact]
    public void A_backlog_is_a_start_that_is_not_empty()
    {
        var scenario = TestCourts.Court([TestCourts.JudgeOnly("a", 10)], [TestCourts.Intake("a", 100)], [TestCourts.Teams("t", 2, ["a"])],
            AssignmentSpec.Random, 365, backlog: [TestCourts.FiledAtStart("a", 20)]);
        Assert.DoesNotContain(ScenarioWarnings.Of(scenario), w => w.Code == SteadyState.StartsEmptyCode);
    }

    [Fact]
    public void Judges_offered_more_hours_than_they_work_are_warned_with_their_team_group_and_kind()
    {
        // 400 cases × 240 hours over 10 judges of 8,760 hours: 110%.
        var warning = Assert.Single(ScenarioWarnings.Of(TestCourts.Minimal(AssignmentSpec.Random, perYear: 400)));
        Assert.Equal(ScenarioWarnings.OverCapacityCode, warning.Code);
        Assert.Contains("judges of team group t (general teams)", warning.Message);
        Assert.Contains("110%", warning.Message);
    }

    [Fact]
    public void The_offered_hours_add_up_to_the_filings_times_their_mean_hours_whoever_does_them()
    {
        Gen.Select(Gen.Int[1, 6], Gen.Int[1, 6], Gen.Double[10, 5000], Gen.Double[1, 300], Gen.Bool)
            .Sample((teamsA, teamsB, perYear, hours, weighted) =>
            {
                var policy = weighted ? new AssignmentSpec(AssignmentPolicyKind.WeightedRandom) : AssignmentSpec.Random;
                var scenario = TestCourts.Court([TestCourts.JudgeOnly("a", hours)], [TestCourts.Intake("a", perYear)],
                    [TestCourts.Teams("x", teamsA, ["a"]), TestCourts.Teams("y", teamsB, ["a"], new Dictionary<string, int> { ["judge"] = 2 })],
                    policy, 365);
                var loads = OfferedLoad.Of(scenario);
                Assert.Equal(perYear * hours, loads.Sum(l => l.OfferedHours), 6);
                Assert.Equal((teamsA + (2 * teamsB)) * 8760, loads.Sum(l => l.CapacityHours), 6);
            });
    }
}
