using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Docket.Domain.Assignment;

/// <summary>
/// A tournament (winner) tree over a fixed number of slots with several lanes of pending works: in each lane every
/// slot holds a work (+∞: nothing), and every inner node holds the winner of its children's match, the smaller work
/// and on equal works the left child's, so the root names, lane by lane, the slot a scan in slot order taking a
/// strictly smaller work would find. Works are compared as doubles, exactly (−0 equals +0, as in a scan). A node keeps
/// its winner's work and slot side by side in four lanes, so a slot's matches in four lanes are a few vector
/// instructions; setting a slot replays its matches up to the root: O(log n), no branch that depends on the works, no
/// allocation.
/// </summary>
public sealed class LeastWorkTree
{
    private const int Chunk = 4;

    private readonly double[] _works;
    private readonly long[] _slots;
    private readonly int _leaves;
    private readonly int _stride;

    /// <param name="slots">Number of slots; every lane of every slot starts at +∞.</param>
    /// <param name="lanes">Number of lanes.</param>
    public LeastWorkTree(int slots, int lanes)
    {
        _leaves = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, slots));
        Lanes = lanes;
        // Lanes padded to whole vectors of four; the padding stays at +∞.
        _stride = Math.Max(Chunk, (lanes + Chunk - 1) / Chunk * Chunk);
        _works = new double[2 * _leaves * _stride];
        _slots = new long[2 * _leaves * _stride];
        Array.Fill(_works, double.PositiveInfinity);
        // With every work equal, each node's winner is its leftmost leaf.
        for (var node = (2 * _leaves) - 1; node >= 1; node--)
        {
            var leftmost = node;
            while (leftmost < _leaves)
            {
                leftmost *= 2;
            }
            Array.Fill(_slots, leftmost - _leaves, node * _stride, _stride);
        }
    }

    public int Lanes { get; }

    /// <summary>The slot with the least work below <see cref="double.MaxValue"/> in the lane (the lowest such slot on a tie), or -1.</summary>
    public int Winner(int lane)
    {
        var at = _stride + CheckLane(lane);
        return _works[at] < double.MaxValue ? (int)_slots[at] : -1;
    }

    /// <summary>The slot's work in the lane (+∞: nothing).</summary>
    public double WorkOf(int slot, int lane) => _works[Leaf(slot) + CheckLane(lane)];

    /// <summary>Gives the slot its work in one lane (+∞: nothing) and replays that lane's matches.</summary>
    public void Set(int slot, double work, int lane)
    {
        var leaf = Leaf(slot) + CheckLane(lane);
        var from = lane & ~(Chunk - 1);
        // The leaf's lanes were last written as one vector, so they are read back as one.
        Replay(slot, from, Vector256.LoadUnsafe(ref _works[leaf - lane + from]).WithElement(lane - from, work));
    }

    /// <summary>
    /// Gives the slot its works in the four lanes from 4 × <paramref name="chunk"/> (lanes past <see cref="Lanes"/>
    /// stay at +∞) and replays their matches; with <paramref name="keepEmpty"/>, the lanes at +∞ stay there.
    /// </summary>
    public void Set(int slot, int chunk, Vector256<double> works, bool keepEmpty)
    {
        var lane = chunk * Chunk;
        if ((uint)lane >= (uint)_stride)
        {
            ThrowOutOfRange(nameof(chunk), chunk, (_stride / Chunk) - 1);
        }
        var leaf = Vector256.LoadUnsafe(ref _works[Leaf(slot) + lane]);
        var infinity = Vector256.Create(double.PositiveInfinity);
        var padding = Vector256.GreaterThanOrEqual(Vector256.Create(0L, 1L, 2L, 3L) + Vector256.Create((long)lane), Vector256.Create((long)Lanes));
        var keep = (keepEmpty ? Vector256.Equals(leaf, infinity) : Vector256<double>.Zero) | padding.AsDouble();
        Replay(slot, lane, Vector256.ConditionalSelect(keep, infinity, works));
    }

    private int Leaf(int slot)
    {
        if ((uint)slot >= (uint)_leaves)
        {
            ThrowOutOfRange(nameof(slot), slot, _leaves - 1);
        }
        return (_leaves + slot) * _stride;
    }

    private int CheckLane(int lane)
    {
        if ((uint)lane >= (uint)Lanes)
        {
            ThrowOutOfRange(nameof(lane), lane, Lanes - 1);
        }
        return lane;
    }

    /// <summary>Writes the slot's four lanes from <paramref name="lane"/> and replays their matches up to the root.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Replay(int slot, int lane, Vector256<double> work)
    {
        ref var works = ref MemoryMarshal.GetArrayDataReference(_works);
        ref var slots = ref MemoryMarshal.GetArrayDataReference(_slots);
        var stride = (nuint)_stride;
        var i = (nuint)(_leaves + slot);
        var winner = Vector256.Create((long)slot);
        work.StoreUnsafe(ref works, (i * stride) + (nuint)lane);
        while (i > 1)
        {
            var at = ((i ^ 1) * stride) + (nuint)lane;
            var otherWork = Vector256.LoadUnsafe(ref works, at);
            // The sibling wins with a smaller work, and on an equal one when it is the left child (this path is the right).
            var right = Vector256.Create(0L - (long)(i & 1)).AsDouble();
            var take = Vector256.LessThan(otherWork, work) | (Vector256.Equals(otherWork, work) & right);
            work = Vector256.ConditionalSelect(take, otherWork, work);
            winner = Vector256.ConditionalSelect(take.AsInt64(), Vector256.LoadUnsafe(ref slots, at), winner);
            i >>= 1;
            work.StoreUnsafe(ref works, (i * stride) + (nuint)lane);
            winner.StoreUnsafe(ref slots, (i * stride) + (nuint)lane);
        }
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowOutOfRange(string name, int value, int max) =>
        throw new ArgumentOutOfRangeException(name, value, $"at most {max}");
}
