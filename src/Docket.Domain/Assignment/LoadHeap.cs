namespace Docket.Domain.Assignment;

/// <summary>
/// An indexed binary min-heap of teams ordered by a caller's key (weighted pending work, then cases of the category
/// already assigned, then team index), supporting O(log n) insert, remove and re-key.
/// </summary>
public sealed class LoadHeap
{
    private readonly int[] _heap;
    private readonly int[] _position;
    private readonly Func<int, int, bool> _less;

    /// <param name="capacity">Largest team index + 1.</param>
    /// <param name="less">Whether team a should be served before team b.</param>
    public LoadHeap(int capacity, Func<int, int, bool> less)
    {
        _heap = new int[capacity];
        _position = new int[capacity];
        Array.Fill(_position, -1);
        _less = less;
    }

    public int Count { get; private set; }

    public int Peek() => Count == 0 ? -1 : _heap[0];

    public bool Contains(int team) => _position[team] >= 0;

    public void Add(int team)
    {
        if (_position[team] >= 0)
        {
            return;
        }
        _heap[Count] = team;
        _position[team] = Count;
        Count++;
        Up(Count - 1);
    }

    public void Remove(int team)
    {
        var at = _position[team];
        if (at < 0)
        {
            return;
        }
        var last = _heap[--Count];
        _position[team] = -1;
        if (at == Count)
        {
            return;
        }
        _heap[at] = last;
        _position[last] = at;
        Up(at);
        Down(_position[last]);
    }

    /// <summary>Restores order after the team's key changed.</summary>
    public void Update(int team)
    {
        var at = _position[team];
        if (at < 0)
        {
            return;
        }
        Up(at);
        Down(_position[team]);
    }

    private void Up(int i)
    {
        var item = _heap[i];
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (!_less(item, _heap[parent]))
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
            if (child + 1 < Count && _less(_heap[child + 1], _heap[child]))
            {
                child++;
            }
            if (!_less(_heap[child], item))
            {
                break;
            }
            Place(i, _heap[child]);
            i = child;
        }
        Place(i, item);
    }

    private void Place(int i, int team)
    {
        _heap[i] = team;
        _position[team] = i;
    }
}
