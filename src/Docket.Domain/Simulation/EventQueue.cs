namespace Docket.Domain.Simulation;

/// <summary>An array-backed binary min-heap of struct events ordered by (time, sequence): no allocation per event.</summary>
internal sealed class EventQueue
{
    private SimEvent[] _heap = new SimEvent[256];
    private long _sequence;

    public int Count { get; private set; }

    public double PeekTime => _heap[0].Time;

    public void Push(double time, SimEventKind kind, int subject, int station = 0, int server = 0, double deadline = 0)
    {
        if (Count == _heap.Length)
        {
            Array.Resize(ref _heap, _heap.Length * 2);
        }
        var e = new SimEvent { Time = time, Sequence = _sequence++, Kind = kind, Subject = subject, Station = station, Server = server, Deadline = deadline };
        var i = Count++;
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (!Less(in e, in _heap[parent]))
            {
                break;
            }
            _heap[i] = _heap[parent];
            i = parent;
        }
        _heap[i] = e;
    }

    public SimEvent Pop()
    {
        var top = _heap[0];
        var last = _heap[--Count];
        var i = 0;
        while (true)
        {
            var child = (2 * i) + 1;
            if (child >= Count)
            {
                break;
            }
            if (child + 1 < Count && Less(in _heap[child + 1], in _heap[child]))
            {
                child++;
            }
            if (!Less(in _heap[child], in last))
            {
                break;
            }
            _heap[i] = _heap[child];
            i = child;
        }
        _heap[i] = last;
        return top;
    }

    private static bool Less(in SimEvent a, in SimEvent b) =>
        a.Time < b.Time || (a.Time == b.Time && a.Sequence < b.Sequence);
}
