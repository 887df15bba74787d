using Docket.Domain.Assignment;
using Docket.Domain.Scenarios;
using Docket.Domain.Simulation;
using Docket.Domain.Staffing;
using Docket.Domain.Supervision;
using Docket.Domain.Tests.Support;

namespace Docket.Domain.Tests.Assignment;

public sealed class CaseRouterTests
{
    private static readonly Dictionary<string, int> s_leadership = new() { [RoleCatalog.DivisionHead] = 1, [RoleCatalog.Judge] = 1 };

    /// <summary>Two leader-led teams and three plain ones in the court's pool; one type.</summary>
    private static CourtLayout Court(AssignmentSpec assignment, int leaders = 2)
    {
        var scenario = TestCourts.Court([TestCourts.JudgeOnly("generic", 24)], [TestCourts.Intake("generic", 100)],
            [TestCourts.Teams("lead", leaders, ["generic"], s_leadership), TestCourts.Teams("t", 3, ["generic"])], assignment, 365);
        return Layout(scenario);
    }

    private static CourtLayout Layout(Scenario scenario)
    {
        var (spec, id) = scenario.ExpandCourts().Single();
        return new CourtLayout(scenario, spec, id, prefixTeamIds: false);
    }

    [Fact]
    public void A_flagged_case_is_designated_to_the_least_loaded_leaders_team_without_a_draw()
    {
        var router = new CaseRouter(Court(AssignmentSpec.Random), "court");
        router.Assign(0, 0);

        var route = router.Route(0, flagged: true, RiskLevel.None, number: 1, seed: 7);

        Assert.True(route.Designated);
        Assert.False(route.Drawn);
        Assert.Equal(1, route.Team);
        Assert.Equal(AssignmentPolicyNames.Designated, route.PolicyName);
        Assert.Equal(["lead-1", "lead-2"], router.LeaderCandidates(0));
    }

    [Theory]
    [InlineData(RiskLevel.Larger, true)]
    [InlineData(RiskLevel.Major, true)]
    [InlineData(RiskLevel.Ordinary, false)]
    [InlineData(RiskLevel.None, false)]
    public void Larger_and_major_risk_cases_are_designated_ordinary_ones_are_drawn(RiskLevel risk, bool designated)
    {
        var router = new CaseRouter(Court(AssignmentSpec.Random), "court");

        var route = router.Route(0, flagged: false, risk, number: 1, seed: 7);

        Assert.Equal(designated, route.Designated);
        Assert.Equal(!designated, route.Drawn);
        Assert.True(route.Assigned);
    }

    [Fact]
    public void A_flagged_case_goes_through_the_pools_policy_when_the_pool_does_not_designate_or_no_leader_can_take_it()
    {
        var off = new CaseRouter(Court(new AssignmentSpec(AssignmentPolicyKind.Random, Designated: DesignationTarget.None)), "court");
        var noLeaders = new CaseRouter(Court(AssignmentSpec.Random), "court");
        noLeaders.SetAbsent(0, true);
        noLeaders.SetAbsent(1, true);

        var first = off.Route(0, flagged: true, RiskLevel.None, number: 1, seed: 7);
        var second = noLeaders.Route(0, flagged: true, RiskLevel.None, number: 1, seed: 7);

        Assert.False(first.Designated);
        Assert.True(first.Drawn);
        Assert.False(second.Designated);
        Assert.InRange(second.Team, 2, 4);
        Assert.Empty(noLeaders.LeaderCandidates(0));
    }

    [Fact]
    public void The_pools_policy_chooses_with_the_draw_of_the_case_number_in_the_pools_stream()
    {
        var layout = Court(AssignmentSpec.Random);
        var router = new CaseRouter(layout, "court-a");
        var key = AssignmentDraw.PoolStreamKey("court-a", "court");
        var draw = new AssignmentDraw();

        Assert.Equal(key, router.PoolStreamKeys[0]);
        for (var number = 1; number <= 50; number++)
        {
            // Nothing is assigned, so the board's available set stays in team order and a uniform draw is its Next(5).
            var route = router.Route(0, flagged: false, RiskLevel.None, number, seed: 99);
            Assert.Equal(draw.For(99, key, number).Next(5), route.Team);
            Assert.Equal(AssignmentPolicyKind.Random, route.Policy);
        }
    }

    [Fact]
    public void Another_courts_name_draws_other_teams_for_the_same_numbers()
    {
        var layout = Court(AssignmentSpec.Random);
        var a = new CaseRouter(layout, "court-a");
        var b = new CaseRouter(layout, "court-b");

        var teamsA = Enumerable.Range(1, 40).Select(n => a.Route(0, false, RiskLevel.None, n, 3).Team).ToList();
        var teamsB = Enumerable.Range(1, 40).Select(n => b.Route(0, false, RiskLevel.None, n, 3).Team).ToList();

        Assert.NotEqual(teamsA, teamsB);
    }

    [Fact]
    public void A_drawing_policy_needs_a_seed_and_a_rule_policy_does_not()
    {
        var drawing = new CaseRouter(Court(AssignmentSpec.Random), "court");
        var rotating = new CaseRouter(Court(new AssignmentSpec(AssignmentPolicyKind.RoundRobin)), "court");

        Assert.True(drawing.Draws(0));
        Assert.False(rotating.Draws(0));
        Assert.Throws<InvalidOperationException>(() => drawing.Route(0, false, RiskLevel.None, 1, seed: null));
        var route = rotating.Route(0, false, RiskLevel.None, 1, seed: null);
        Assert.Equal(0, route.Team);
        Assert.False(route.Drawn);
    }

    [Fact]
    public void Nobody_able_to_take_the_case_leaves_it_waiting()
    {
        var router = new CaseRouter(Court(new AssignmentSpec(AssignmentPolicyKind.Pull, Cap: 1)), "court");
        for (var team = 0; team < 5; team++)
        {
            router.Assign(team, 0);
        }

        var route = router.Route(0, flagged: false, RiskLevel.None, number: 6, seed: 1);

        Assert.False(route.Assigned);
        Assert.Equal(0, route.Pool);
        Assert.False(router.CanTake(2, 0));
        Assert.Empty(router.Eligible(0, 0));
    }

    [Fact]
    public void A_weighted_pools_eligible_teams_come_in_team_order_with_their_weights()
    {
        var router = new CaseRouter(Court(new AssignmentSpec(AssignmentPolicyKind.WeightedRandom, Cap: 1, WeightBy: WeightBasis.LeaderShare, LeaderShare: 1.2)), "court");
        router.Assign(1, 0);

        Assert.Equal(["lead-1", "t-1", "t-2", "t-3"], router.Eligible(0, 0));
        Assert.Equal([1.2, 1.0, 1.0, 1.0], router.Weights(0, 0)!);
        Assert.Null(new CaseRouter(Court(AssignmentSpec.Random), "court").Weights(0, 0));
    }
}
