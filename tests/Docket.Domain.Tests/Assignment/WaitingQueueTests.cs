using Docket.Domain.Assignment;

namespace Docket.Domain.Tests.Assignment;

/// <summary>The waiting queue's lanes and escalation, shared by the simulator and the live service.</summary>
public sealed class WaitingQueueTests
{
    [Fact]
    public void A_case_waits_in_its_types_priority_lane_and_escalates_to_the_top()
    {
        Assert.Equal(0, WaitingQueue.LaneOf(0));
        Assert.Equal(2, WaitingQueue.LaneOf(2));
        Assert.Equal(WaitingQueue.EscalatedLane, WaitingQueue.LaneOf(9));
        Assert.Equal(0, WaitingQueue.LaneOf(-1));
        Assert.Equal(WaitingQueue.EscalatedLane, WaitingQueue.LaneOf(0, escalated: true));
    }

    [Fact]
    public void Escalation_needs_a_threshold_a_wait_that_long_and_a_lane_below_the_top()
    {
        Assert.False(WaitingQueue.Escalates(0, null, 1000));
        Assert.False(WaitingQueue.Escalates(0, 30, 29.9));
        Assert.True(WaitingQueue.Escalates(0, 30, 30));
        Assert.False(WaitingQueue.Escalates(WaitingQueue.EscalatedLane, 30, 90));
    }

    [Fact]
    public void A_line_pulls_the_highest_lane_first_then_the_lowest_number_and_an_escalated_case_from_the_top()
    {
        // Cases 9 and 3 are of type 1, 5 and 7 of type 0.
        static int TypeOf(long n) => n % 3 == 0 ? 1 : 0;
        var line = new WaitingLine();
        line.Add(5, priority: 0, escalated: false, TypeOf(5));
        line.Add(3, priority: 0, escalated: false, TypeOf(3));
        line.Add(7, priority: 2, escalated: false, TypeOf(7));
        line.Add(9, priority: 2, escalated: false, TypeOf(9));
        Assert.Equal([7L, 9, 3, 5], line.InPullOrder());

        line.Escalate(5, priority: 0);
        Assert.Equal([5L, 7, 9, 3], line.InPullOrder());
        Assert.Equal(2, line.WaitingOf(1));
        // Team 0 takes type 1 only, team 1 both, one case each at most.
        var board = Boards.Of([0, 0], Boards.Team("a", [1], cap: 1), Boards.Team("b", [0, 1], cap: 1));
        Assert.Equal(9, line.NextPull(board, 0, TypeOf));
        Assert.Equal(5, line.NextPull(board, 1, TypeOf));
        board.SetAbsent(1, true);
        Assert.Null(line.NextPull(board, 1, TypeOf));

        Assert.True(line.Remove(9, priority: 2, escalated: false, TypeOf(9)));
        Assert.True(line.Remove(3, priority: 0, escalated: false, TypeOf(3)));
        Assert.Equal(0, line.WaitingOf(1));
        // No case of the one type team 0 takes waits: free as it is, it pulls nothing.
        Assert.Null(line.NextPull(board, 0, TypeOf));
        line.Add(3, priority: 0, escalated: false, TypeOf(3));
        board.Assign(0, 1);
        Assert.Null(line.NextPull(board, 0, TypeOf));
        Assert.Equal(3, line.Count);
        Assert.False(line.Remove(5, priority: 0, escalated: false, TypeOf(5)));
        Assert.Throws<InvalidOperationException>(() => line.Escalate(5, priority: 0));
    }
}
