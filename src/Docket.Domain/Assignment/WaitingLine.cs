namespace Docket.Domain.Assignment;

/// <summary>
/// One pool's waiting cases, by case type and lane (<see cref="WaitingQueue.LaneOf"/>), each lane in case-number order:
/// the queue the live court and the simulator's driven court both keep. Which case a team pulls is
/// <see cref="WaitingQueue.TryPull"/>'s to say, as for the simulator's own lanes (a queue a type and lane in its case
/// array, for speed).
/// </summary>
public sealed class WaitingLine
{
    private SortedSet<long>?[][] _lanes = [];
    private int[] _ofType = [];

    public int Count { get; private set; }

    /// <summary>Case <paramref name="number"/>, of case type <paramref name="type"/>, waits in its lane (<see cref="WaitingQueue.LaneOf"/>).</summary>
    public void Add(long number, int priority, bool escalated, int type)
    {
        if (type >= _lanes.Length)
        {
            var grown = _lanes.Length;
            Array.Resize(ref _lanes, type + 1);
            Array.Resize(ref _ofType, type + 1);
            for (var t = grown; t <= type; t++)
            {
                _lanes[t] = new SortedSet<long>?[WaitingQueue.Lanes];
            }
        }
        var lane = WaitingQueue.LaneOf(priority, escalated);
        if ((_lanes[type][lane] ??= []).Add(number))
        {
            _ofType[type]++;
            Count++;
        }
    }

    /// <summary>Case <paramref name="number"/>, waiting in the lane its priority and escalation give, leaves the line; false when it was not in it.</summary>
    public bool Remove(long number, int priority, bool escalated, int type)
    {
        if (type >= _lanes.Length || _lanes[type][WaitingQueue.LaneOf(priority, escalated)]?.Remove(number) != true)
        {
            return false;
        }
        _ofType[type]--;
        Count--;
        return true;
    }

    /// <summary>How many cases of the type wait.</summary>
    public int WaitingOf(int type) => type < _ofType.Length ? _ofType[type] : 0;

    /// <summary>A waiting case of <paramref name="type"/> not yet escalated moves to the top lane.</summary>
    public void Escalate(long number, int priority, int type)
    {
        if (!Remove(number, priority, escalated: false, type))
        {
            throw new InvalidOperationException($"case {number} is not waiting to be escalated");
        }
        Add(number, priority, escalated: true, type);
    }

    /// <summary>The waiting cases' numbers in pull order: the highest lane first, each lane by case number.</summary>
    public IEnumerable<long> InPullOrder()
    {
        for (var lane = WaitingQueue.EscalatedLane; lane >= 0; lane--)
        {
            foreach (var number in InLane(lane))
            {
                yield return number;
            }
        }
    }

    /// <summary>The cases waiting in lane <paramref name="lane"/>, of every type, in pull order (the longest-waiting first).</summary>
    public IEnumerable<long> InLane(int lane)
    {
        var heads = new List<IEnumerator<long>>();
        foreach (var ofType in _lanes)
        {
            if (ofType[lane] is { Count: > 0 } cases)
            {
                var e = cases.GetEnumerator();
                e.MoveNext();
                heads.Add(e);
            }
        }
        while (heads.Count > 0)
        {
            var first = 0;
            for (var i = 1; i < heads.Count; i++)
            {
                if (heads[i].Current < heads[first].Current)
                {
                    first = i;
                }
            }
            yield return heads[first].Current;
            if (!heads[first].MoveNext())
            {
                heads.RemoveAt(first);
            }
        }
    }

    /// <summary>
    /// The case team <paramref name="team"/> (local to <paramref name="board"/>, the line's pool) pulls when it frees a
    /// place or comes back (<see cref="WaitingQueue.TryPull"/> over the types it accepts and is available for now);
    /// null when none.
    /// </summary>
    public long? NextPull(TeamBoard board, int team)
    {
        var lanes = new PullingTeam(this, board, team);
        return WaitingQueue.TryPull(ref lanes, board.TypesOf(team), out var type, out var lane) ? _lanes[type][lane]!.Min : null;
    }

    private readonly struct PullingTeam(WaitingLine line, TeamBoard board, int team) : IWaitingLanes
    {
        public bool Offers(int type) => line.WaitingOf(type) > 0 && board.IsAvailable(team, type);

        public long HeadOf(int type, int lane) => line._lanes[type][lane] is { Count: > 0 } cases ? cases.Min : -1;
    }
}
