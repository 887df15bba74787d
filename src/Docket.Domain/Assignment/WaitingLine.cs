namespace Docket.Domain.Assignment;

/// <summary>
/// One pool's waiting cases in the order they are pulled (<see cref="WaitingQueue"/>: the highest lane first, and
/// within a lane the lowest case number, which is the longest-waiting since numbers follow filing): the queue the live
/// court and the simulator's driven court both keep. The simulator's own loop keeps the same order in per-type lanes
/// of its case array, for speed; the agreement tests hold the three to one pull order.
/// </summary>
public sealed class WaitingLine
{
    private readonly SortedSet<(int NegativeLane, long Number)> _cases = [];

    public int Count => _cases.Count;

    /// <summary>Case <paramref name="number"/> waits in its lane (<see cref="WaitingQueue.LaneOf"/>).</summary>
    public void Add(long number, int priority, bool escalated) => _cases.Add(KeyOf(number, priority, escalated));

    /// <summary>Case <paramref name="number"/>, waiting in the lane its priority and escalation give, leaves the line; false when it was not in it.</summary>
    public bool Remove(long number, int priority, bool escalated) => _cases.Remove(KeyOf(number, priority, escalated));

    /// <summary>A waiting case not yet escalated moves to the top lane.</summary>
    public void Escalate(long number, int priority)
    {
        if (!Remove(number, priority, escalated: false))
        {
            throw new InvalidOperationException($"case {number} is not waiting to be escalated");
        }
        Add(number, priority, escalated: true);
    }

    /// <summary>The waiting cases' numbers in pull order.</summary>
    public IEnumerable<long> InPullOrder()
    {
        foreach (var (_, number) in _cases)
        {
            yield return number;
        }
    }

    /// <summary>The cases waiting in lane <paramref name="lane"/>, in pull order (the longest-waiting first).</summary>
    public IEnumerable<long> InLane(int lane)
    {
        foreach (var (_, number) in _cases.GetViewBetween((-lane, long.MinValue), (-lane, long.MaxValue)))
        {
            yield return number;
        }
    }

    /// <summary>The first case in pull order that <paramref name="canTake"/> says the pulling team can take now, or null.</summary>
    public long? FirstTaken(Func<long, bool> canTake)
    {
        foreach (var (_, number) in _cases)
        {
            if (canTake(number))
            {
                return number;
            }
        }
        return null;
    }

    private static (int, long) KeyOf(long number, int priority, bool escalated) => (-WaitingQueue.LaneOf(priority, escalated), number);
}
