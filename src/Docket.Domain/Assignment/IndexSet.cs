namespace Docket.Domain.Assignment;

/// <summary>A set of small integers in [0, capacity) with O(1) add, remove, contains and uniform pick.</summary>
public sealed class IndexSet
{
    private readonly int[] _items;
    private readonly int[] _position;

    public IndexSet(int capacity)
    {
        _items = new int[capacity];
        _position = new int[capacity];
        Array.Fill(_position, -1);
    }

    public int Count { get; private set; }

    /// <summary>Changes whenever the set's members change (an add or remove that did something, a clear).</summary>
    public long Version { get; private set; }

    public int this[int i] => _items[i];

    public bool Contains(int value) => _position[value] >= 0;

    public void Add(int value)
    {
        if (_position[value] >= 0)
        {
            return;
        }
        _items[Count] = value;
        _position[value] = Count;
        Count++;
        Version++;
    }

    /// <summary>Empties the set.</summary>
    public void Clear()
    {
        for (var i = 0; i < Count; i++)
        {
            _position[_items[i]] = -1;
        }
        Count = 0;
        Version++;
    }

    public void Remove(int value)
    {
        var at = _position[value];
        if (at < 0)
        {
            return;
        }
        var last = _items[--Count];
        _items[at] = last;
        _position[last] = at;
        _position[value] = -1;
        Version++;
    }
}
