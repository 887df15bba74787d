using Docket.Domain.Assignment;
using Docket.Domain.Cases;
using Docket.Domain.Simulation;
using Docket.Domain.Tests.Support;

namespace Docket.Domain.Tests.Simulation;

/// <summary>The simulator pulls waiting cases in <see cref="WaitingQueue.LaneOf"/>'s order, as the live service does.</summary>
public sealed class PullOrderTests
{
    /// <summary>
    /// One team with a cap of one case: the oldest backlog case (age 30 days) is assigned at day 0; a case of
    /// <paramref name="olderPriority"/> filed 20 days ago and one of <paramref name="newerPriority"/> filed 10 days
    /// ago wait for it to close. Returns (older's assignment, newer's assignment).
    /// </summary>
    private static (double Older, double Newer) Pulls(int olderPriority, int newerPriority)
    {
        var first = TestCourts.JudgeOnly("first", 24);
        var older = TestCourts.JudgeOnly("older", 24, category: "first", priority: olderPriority);
        var newer = TestCourts.JudgeOnly("newer", 24, category: "first", priority: newerPriority);
        var scenario = TestCourts.Court([first, older, newer], [],
            [TestCourts.Teams("t", 1, ["first", "older", "newer"])], new AssignmentSpec(AssignmentPolicyKind.Pull, Cap: 1), 365,
            backlog: [new BacklogEntry("first", 1, new FixedEffort(30)), new BacklogEntry("older", 1, new FixedEffort(20)), new BacklogEntry("newer", 1, new FixedEffort(10))]);
        var cases = TestCourts.Simulate(scenario).Cases.ToArray();
        Assert.All(cases, c => Assert.Equal(CaseStatus.Closed, c.Status));
        return (cases.Single(c => c.Type == 1).Assigned, cases.Single(c => c.Type == 2).Assigned);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 3)]
    [InlineData(-2, 1)]
    public void A_case_in_a_higher_lane_is_pulled_before_an_older_case_in_a_lower_one(int olderPriority, int newerPriority)
    {
        Assert.True(WaitingQueue.LaneOf(newerPriority) > WaitingQueue.LaneOf(olderPriority));

        var (older, newer) = Pulls(olderPriority, newerPriority);

        Assert.True(newer < older, $"newer pulled at {newer}, older at {older}");
    }

    [Theory]
    [InlineData(3, 7)]
    [InlineData(-1, 0)]
    [InlineData(-5, -1)]
    [InlineData(2, 2)]
    public void Priorities_in_the_same_lane_are_pulled_longest_waiting_first(int olderPriority, int newerPriority)
    {
        // 3 and 7 share the top lane, -1 and 0 the bottom one: the lanes, not the raw priorities, order the pulls.
        Assert.Equal(WaitingQueue.LaneOf(olderPriority), WaitingQueue.LaneOf(newerPriority));

        var (older, newer) = Pulls(olderPriority, newerPriority);

        Assert.True(older < newer, $"older pulled at {older}, newer at {newer}");
    }
}
