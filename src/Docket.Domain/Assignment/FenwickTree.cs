using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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
        ref var tree = ref MemoryMarshal.GetArrayDataReference(_tree);
        var position = 0;
        var step = _topBit;
        var rest = Vector128.CreateScalarUnsafe(target);
        // Two steps at a time: both sums the second step may compare are read before the first step is decided, so
        // the search waits on comparisons, not on reads. Each step takes its sum off the target when the sum is within
        // it (the same subtraction as one step at a time), with masks rather than branches on the weights. position is
        // a multiple of 2 × step, at most 2 × _topBit − 2 × step, so every read is inside the padded array.
        for (; step > 1; step >>= 2)
        {
            var half = step >> 1;
            var sum = Vector128.CreateScalarUnsafe(Unsafe.Add(ref tree, position + step));
            var ifSkipped = Vector128.CreateScalarUnsafe(Unsafe.Add(ref tree, position + half));
            var ifTaken = Vector128.CreateScalarUnsafe(Unsafe.Add(ref tree, position + step + half));
            var take = Vector128.LessThanOrEqual(sum, rest);
            rest = Vector128.ConditionalSelect(take, rest - sum, rest);
            var next = Vector128.ConditionalSelect(take, ifTaken, ifSkipped);
            var takeNext = Vector128.LessThanOrEqual(next, rest);
            rest = Vector128.ConditionalSelect(takeNext, rest - next, rest);
            position += (step & (int)take.AsInt64().ToScalar()) + (half & (int)takeNext.AsInt64().ToScalar());
        }
        if (step == 1)
        {
            position += Unsafe.Add(ref tree, position + 1) <= rest.ToScalar() ? 1 : 0;
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
