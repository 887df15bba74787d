using Docket.Domain.Simulation;

namespace Docket.Domain.Tests.Simulation;

public sealed class EventQueueTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Events_come_out_in_time_order_and_ties_in_the_order_they_were_pushed_with_their_own_fields(int seed)
    {
        var random = new Random(seed);
        var queue = new EventQueue();
        var pending = new List<(double Time, long Pushed, int Subject, int Station, int Server, double Deadline, SimEventKind Kind)>();
        long pushed = 0;
        for (var round = 0; round < 20_000; round++)
        {
            // Pushes outnumber pops early, so the heap grows past its first arrays; times drawn from a few values make many ties.
            if (pending.Count == 0 || random.NextDouble() < (round < 10_000 ? 0.7 : 0.4))
            {
                var time = random.Next(0, 50) * 0.5;
                var e = (time, pushed++, random.Next(), random.Next(100), random.Next(1 << 16), random.NextDouble(), (SimEventKind)random.Next(0, 17));
                queue.Push(e.time, e.Item7, e.Item3, e.Item4, e.Item5, e.Item6);
                pending.Add(e);
            }
            else
            {
                var expected = pending.OrderBy(p => p.Time).ThenBy(p => p.Pushed).First();
                pending.Remove(expected);
                Assert.Equal(expected.Time, queue.PeekTime);
                var popped = queue.Pop();
                Assert.Equal((expected.Time, expected.Pushed, expected.Subject, expected.Station, expected.Server, expected.Deadline, expected.Kind),
                    (popped.Time, popped.Sequence, popped.Subject, popped.Station, popped.Server, popped.Deadline, popped.Kind));
            }
            Assert.Equal(pending.Count, queue.Count);
        }
    }
}
