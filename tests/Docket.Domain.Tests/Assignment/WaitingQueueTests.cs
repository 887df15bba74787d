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

        line.Escalate(5, priority: 0, TypeOf(5));
        Assert.Equal([5L, 7, 9, 3], line.InPullOrder());
        Assert.Equal(2, line.WaitingOf(1));
        // Team 0 takes type 1 only, team 1 both, one case each at most.
        var board = Boards.Of([0, 0], Boards.Team("a", [1], cap: 1), Boards.Team("b", [0, 1], cap: 1));
        Assert.Equal(9, line.NextPull(board, 0));
        Assert.Equal(5, line.NextPull(board, 1));
        board.SetAbsent(1, true);
        Assert.Null(line.NextPull(board, 1));

        Assert.True(line.Remove(9, priority: 2, escalated: false, TypeOf(9)));
        Assert.True(line.Remove(3, priority: 0, escalated: false, TypeOf(3)));
        Assert.Equal(0, line.WaitingOf(1));
        // No case of the one type team 0 takes waits: free as it is, it pulls nothing.
        Assert.Null(line.NextPull(board, 0));
        line.Add(3, priority: 0, escalated: false, TypeOf(3));
        board.Assign(0, 1);
        Assert.Null(line.NextPull(board, 0));
        Assert.Equal(3, line.Count);
        Assert.False(line.Remove(5, priority: 0, escalated: false, TypeOf(5)));
        Assert.Throws<InvalidOperationException>(() => line.Escalate(5, priority: 0, TypeOf(5)));
    }
    [Fact]
    public void A_pull_takes_the_highest_lane_head_then_the_lowest_number_among_the_types_offered()
    {
        // Type 0: lane 1 head 12, lane 0 head 2; type 1: lane 1 head 10; type 2 (not offered): lane 3 head 1.
        var lanes = new FixedLanes(new()
        {
            [(0, 1)] = 12,
            [(0, 0)] = 2,
            [(1, 1)] = 10,
            [(2, 3)] = 1,
        }, Offered: [0, 1]);
        Assert.True(WaitingQueue.TryPull(ref lanes, [0, 1, 2], out var type, out var lane));
        Assert.Equal((1, 1), (type, lane));
        // Only type 0 offered: its highest lane, though a lower lane holds an older case.
        lanes = lanes with { Offered = [0] };
        Assert.True(WaitingQueue.TryPull(ref lanes, [0, 1, 2], out type, out lane));
        Assert.Equal((0, 1), (type, lane));
        lanes = lanes with { Offered = [2] };
        Assert.True(WaitingQueue.TryPull(ref lanes, [0, 1, 2], out type, out lane));
        Assert.Equal((2, 3), (type, lane));
        // A type offered that the team does not accept is not looked at; none offered, none pulled.
        Assert.False(WaitingQueue.TryPull(ref lanes, [0, 1], out _, out _));
        lanes = lanes with { Offered = [] };
        Assert.False(WaitingQueue.TryPull(ref lanes, [0, 1, 2], out _, out _));
    }

    [Fact]
    public void A_line_pulls_what_a_walk_along_the_whole_line_in_pull_order_finds_first()
    {
        var random = new Random(20261207);
        for (var round = 0; round < 300; round++)
        {
            var types = random.Next(1, 5);
            var priorities = Enumerable.Range(0, types).Select(_ => random.Next(-1, 5)).ToArray();
            var teams = Enumerable.Range(0, 3)
                .Select(t => Boards.Team($"t{t}", [.. Enumerable.Range(0, types).Where(_ => random.Next(3) > 0).DefaultIfEmpty(t % types)], cap: random.Next(1, 4)))
                .ToArray();
            var board = Boards.Of(new int[types], teams);
            var line = new WaitingLine();
            var waiting = new Dictionary<long, (int Type, bool Escalated)>();
            for (var step = 0; step < 60; step++)
            {
                var number = (long)random.Next(1, 40);
                switch (random.Next(6))
                {
                    case 0 or 1 or 2 when !waiting.ContainsKey(number):
                        var type = random.Next(types);
                        line.Add(number, priorities[type], escalated: false, type);
                        waiting[number] = (type, false);
                        break;
                    case 3 when waiting.TryGetValue(number, out var w) && !w.Escalated:
                        line.Escalate(number, priorities[w.Type], w.Type);
                        waiting[number] = (w.Type, true);
                        break;
                    case 4 when waiting.TryGetValue(number, out var w):
                        Assert.True(line.Remove(number, priorities[w.Type], w.Escalated, w.Type));
                        waiting.Remove(number);
                        break;
                    case 5:
                        var team = random.Next(teams.Length);
                        var taken = board.TypesOf(team).ToArray();
                        if (taken.Length > 0 && random.Next(2) == 0)
                        {
                            var t = taken[random.Next(taken.Length)];
                            if (board.IsAvailable(team, t))
                            {
                                board.Assign(team, t);
                            }
                        }
                        break;
                }
                var inOrder = waiting.OrderByDescending(c => WaitingQueue.LaneOf(priorities[c.Value.Type], c.Value.Escalated)).ThenBy(c => c.Key).ToList();
                Assert.Equal(inOrder.Select(c => c.Key), line.InPullOrder());
                for (var team = 0; team < teams.Length; team++)
                {
                    var walked = inOrder.Where(c => board.Accepts(team, c.Value.Type) && board.IsAvailable(team, c.Value.Type)).Select(c => (long?)c.Key).FirstOrDefault();
                    Assert.Equal(walked, line.NextPull(board, team));
                }
            }
        }
    }

    private readonly record struct FixedLanes(Dictionary<(int Type, int Lane), long> Heads, int[] Offered) : IWaitingLanes
    {
        public bool Offers(int type) => Offered.Contains(type);

        public long HeadOf(int type, int lane) => Heads.TryGetValue((type, lane), out var head) ? head : -1;
    }
}
