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
    private int[] _ofType = [];

    public int Count => _cases.Count;

    /// <summary>Case <paramref name="number"/>, of case type <paramref name="type"/>, waits in its lane (<see cref="WaitingQueue.LaneOf"/>).</summary>
    public void Add(long number, int priority, bool escalated, int type)
    {
        if (_cases.Add(KeyOf(number, priority, escalated)))
        {
            if (type >= _ofType.Length)
            {
                Array.Resize(ref _ofType, type + 1);
            }
            _ofType[type]++;
        }
    }

    /// <summary>Case <paramref name="number"/>, waiting in the lane its priority and escalation give, leaves the line; false when it was not in it.</summary>
    public bool Remove(long number, int priority, bool escalated, int type)
    {
        if (!_cases.Remove(KeyOf(number, priority, escalated)))
        {
            return false;
        }
        _ofType[type]--;
        return true;
    }

    /// <summary>How many cases of the type wait.</summary>
    public int WaitingOf(int type) => type < _ofType.Length ? _ofType[type] : 0;

    /// <summary>A waiting case not yet escalated moves to the top lane.</summary>
    public void Escalate(long number, int priority)
    {
        if (!_cases.Remove(KeyOf(number, priority, escalated: false)))
        {
            throw new InvalidOperationException($"case {number} is not waiting to be escalated");
        }
        _cases.Add(KeyOf(number, priority, escalated: true));
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

    /// <summary>
    /// The case team <paramref name="team"/> (local to <paramref name="board"/>, the line's pool) pulls when it frees a
    /// place or comes back: the first in pull order of a type it accepts and is available for now
    /// (<paramref name="typeOf"/> gives a waiting case's type); null when none. A team that can take no type of which a
    /// case waits (away, full, or free only for types none of whose cases wait) is answered without a look along the
    /// line, so the line is walked only by a team that will pull. The one pull rule of the live court and the driven court.
    /// </summary>
    public long? NextPull(TeamBoard board, int team, Func<long, int> typeOf)
    {
        if (!CanTakeAny(board, team))
        {
            return null;
        }
        foreach (var (_, number) in _cases)
        {
            var type = typeOf(number);
            if (board.Accepts(team, type) && board.IsAvailable(team, type))
            {
                return number;
            }
        }
        return null;
    }

    private bool CanTakeAny(TeamBoard board, int team)
    {
        foreach (var type in board.TypesOf(team))
        {
            if (WaitingOf(type) > 0 && board.IsAvailable(team, type))
            {
                return true;
            }
        }
        return false;
    }

    private static (int, long) KeyOf(long number, int priority, bool escalated) => (-WaitingQueue.LaneOf(priority, escalated), number);
}
