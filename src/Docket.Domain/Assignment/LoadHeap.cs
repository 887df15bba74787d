namespace Docket.Domain.Assignment;

/// <summary>
/// An indexed binary min-heap of teams keyed by (weighted pending work, cases of the category received, team
/// index), the keys stored in the entries so that sifting compares plain fields. O(log n) insert, remove and re-key.
/// </summary>
public sealed class LoadHeap
{
    private readonly Entry[] _heap;
    private readonly int[] _position;

    /// <param name="capacity">Largest team index + 1.</param>
    public LoadHeap(int capacity)
    {
        _heap = new Entry[capacity];
        _position = new int[capacity];
        Array.Fill(_position, -1);
    }

    public int Count { get; private set; }

    public int Peek() => Count == 0 ? -1 : _heap[0].Team;

    public bool Contains(int team) => _position[team] >= 0;

    public void Add(int team, double work, long received)
    {
        if (_position[team] >= 0)
        {
            return;
        }
        var at = Count++;
        _heap[at] = new Entry(work, received, team);
        _position[team] = at;
        Up(at);
    }

    public void Remove(int team)
    {
        var at = _position[team];
        if (at < 0)
        {
            return;
        }
        _position[team] = -1;
        var last = _heap[--Count];
        if (at == Count)
        {
            return;
        }
        _heap[at] = last;
        _position[last.Team] = at;
        Up(at);
        Down(_position[last.Team]);
    }

    /// <summary>Gives the team its new key, if it is in the heap, and restores the order.</summary>
    public void Update(int team, double work, long received)
    {
        var at = _position[team];
        if (at < 0)
        {
            return;
        }
        var entry = new Entry(work, received, team);
        var heavier = Less(_heap[at], entry);
        _heap[at] = entry;
        if (heavier)
        {
            Down(at);
        }
        else
        {
            Up(at);
        }
    }

    private void Up(int i)
    {
        var item = _heap[i];
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (!Less(item, _heap[parent]))
            {
                break;
            }
            Place(i, _heap[parent]);
            i = parent;
        }
        Place(i, item);
    }

    private void Down(int i)
    {
        var item = _heap[i];
        while (true)
        {
            var child = (2 * i) + 1;
            if (child >= Count)
            {
                break;
            }
            if (child + 1 < Count && Less(_heap[child + 1], _heap[child]))
            {
                child++;
            }
            if (!Less(_heap[child], item))
            {
                break;
            }
            Place(i, _heap[child]);
            i = child;
        }
        Place(i, item);
    }

    private void Place(int i, Entry entry)
    {
        _heap[i] = entry;
        _position[entry.Team] = i;
    }

    private static bool Less(in Entry a, in Entry b) =>
        Math.Abs(a.Work - b.Work) > 1e-9 ? a.Work < b.Work
        : a.Received != b.Received ? a.Received < b.Received
        : a.Team < b.Team;

    private readonly record struct Entry(double Work, long Received, int Team);
}
