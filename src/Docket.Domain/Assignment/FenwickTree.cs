namespace Docket.Domain.Assignment;

/// <summary>Prefix sums of non-negative weights with O(log n) update and weighted search.</summary>
/// <remarks>
/// The tree's array is padded to twice the search's top step with <see cref="double.MaxValue"/>, which no target
/// reaches, so that the search takes or skips each step without a bounds test and without a branch on the weights.
/// </remarks>
public sealed class FenwickTree
{
    private readonly double[] _tree;
    private readonly double[] _values;
    private readonly int _length;
    private readonly int _topBit;

    public FenwickTree(int size)
    {
        _length = size + 1;
        _values = new double[size];
        _topBit = size == 0 ? 0 : 1 << (31 - int.LeadingZeroCount(size));
        _tree = new double[Math.Max(_length, 2 * _topBit)];
        Array.Fill(_tree, double.MaxValue, _length, _tree.Length - _length);
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
        for (var i = index + 1; i < _length; i += i & -i)
        {
            _tree[i] += delta;
        }
    }

    /// <summary>The index i with prefix(i) ≤ target &lt; prefix(i + 1), skipping zero weights.</summary>
    public int Find(double target)
    {
        var tree = _tree;
        var position = 0;
        for (var step = _topBit; step > 0; step >>= 1)
        {
            // Take the step when the sum it skips is within the target: position + step < 2 * _topBit, inside the array.
            var sum = tree[position + step];
            var take = sum <= target ? 1 : 0;
            position += step & -take;
            target -= sum * take;
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
