namespace Docket.Domain.Simulation;

/// <summary>A growable ring buffer of case numbers (first in, first out).</summary>
internal sealed class IntQueue
{
    private int[] _items = new int[16];
    private int _head;

    public int Count { get; private set; }

    public void Enqueue(int value)
    {
        if (Count == _items.Length)
        {
            var grown = new int[_items.Length * 2];
            for (var i = 0; i < Count; i++)
            {
                grown[i] = _items[(_head + i) & (_items.Length - 1)];
            }
            _items = grown;
            _head = 0;
        }
        _items[(_head + Count) & (_items.Length - 1)] = value;
        Count++;
    }

    public int Peek() => _items[_head];

    public int Dequeue()
    {
        var value = _items[_head];
        _head = (_head + 1) & (_items.Length - 1);
        Count--;
        return value;
    }
}
