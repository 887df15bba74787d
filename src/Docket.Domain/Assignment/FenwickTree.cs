namespace Docket.Domain.Assignment;

/// <summary>Prefix sums of non-negative weights with O(log n) update and weighted search.</summary>
public sealed class FenwickTree
{
    private readonly double[] _tree;
    private readonly double[] _values;
    private readonly int _topBit;

    public FenwickTree(int size)
    {
        _tree = new double[size + 1];
        _values = new double[size];
        _topBit = size == 0 ? 0 : 1 << (31 - int.LeadingZeroCount(size));
    }

    public double Total { get; private set; }

    public double this[int index] => _values[index];

    public void Set(int index, double weight)
    {
        var delta = weight - _values[index];
        if (delta == 0)
        {
            return;
        }
        _values[index] = weight;
        Total += delta;
        for (var i = index + 1; i < _tree.Length; i += i & -i)
        {
            _tree[i] += delta;
        }
    }

    /// <summary>The index i with prefix(i) ≤ target &lt; prefix(i + 1), skipping zero weights.</summary>
    public int Find(double target)
    {
        var position = 0;
        for (var step = _topBit; step > 0; step >>= 1)
        {
            var next = position + step;
            if (next < _tree.Length && _tree[next] <= target)
            {
                position = next;
                target -= _tree[next];
            }
        }
        // Rounding can land on a zero-weight slot at the very end; step back to the last positive one.
        while (position >= _values.Length || _values[position] <= 0)
        {
            position--;
            if (position < 0)
            {
                return -1;
            }
        }
        return position;
    }
}
