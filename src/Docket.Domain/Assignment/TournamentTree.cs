using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Docket.Domain.Assignment;

/// <summary>
/// A tournament (winner) tree over a fixed number of slots with several lanes: in each lane every slot holds an
/// unsigned priority or nothing, and every inner node holds the smaller of its children's, so the root names, lane
/// by lane, the slot with the smallest priority, ties going to the lower slot. A node's lane is one integer, the
/// priority above the slot's bits (<see cref="SlotBits"/>), so a match is one comparison, and the lanes of a node lie
/// side by side, so a slot's matches in four lanes are one vector minimum. Setting a slot replays its matches up to
/// the root: O(log n) with no branch that depends on the priorities, and no allocation.
/// </summary>
public sealed class TournamentTree
{
    /// <summary>The priority that leaves a lane of a slot empty.</summary>
    public const ulong None = ulong.MaxValue;

    private const ulong Empty = ulong.MaxValue;
    private const int Chunk = 4;

    private readonly ulong[] _nodes;
    private readonly int _leaves;
    private readonly int _stride;
    private readonly ulong _slotMask;
    private readonly Vector256<ulong>[] _padding;

    /// <param name="slots">Number of slots; every lane of every slot starts empty.</param>
    /// <param name="lanes">Number of lanes.</param>
    public TournamentTree(int slots, int lanes = 1)
    {
        _leaves = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, slots));
        Lanes = lanes;
        // Lanes padded to whole vectors of four; the padding stays empty.
        _stride = Math.Max(Chunk, (lanes + Chunk - 1) / Chunk * Chunk);
        SlotBits = Math.Max(1, BitOperations.Log2((uint)_leaves));
        _slotMask = (1UL << SlotBits) - 1;
        MaxPriority = (ulong.MaxValue >> SlotBits) - 1;
        _nodes = new ulong[2 * _leaves * _stride];
        // Per chunk of four lanes, all ones in the lanes past Lanes.
        _padding = new Vector256<ulong>[_stride / Chunk];
        for (var lane = lanes; lane < _stride; lane++)
        {
            _padding[lane / Chunk] = _padding[lane / Chunk].WithElement(lane % Chunk, Empty);
        }
        Array.Fill(_nodes, Empty);
    }

    public int Lanes { get; }

    /// <summary>Bits of a node taken by the slot: the priority has the other 64 − SlotBits.</summary>
    public int SlotBits { get; }

    /// <summary>The largest priority a slot can hold.</summary>
    public ulong MaxPriority { get; }

    /// <summary>The slot with the smallest priority in the lane (the lowest such slot on a tie), or -1 when the lane is empty everywhere.</summary>
    public int Winner(int lane = 0)
    {
        var node = _nodes[_stride + CheckLane(lane)];
        return node == Empty ? -1 : (int)(node & _slotMask);
    }

    /// <summary>Whether the slot holds a priority in the lane.</summary>
    public bool Holds(int slot, int lane = 0) => _nodes[Leaf(slot) + CheckLane(lane)] != Empty;

    /// <summary>Gives the slot its priority in one lane (<see cref="None"/>: empties it) and replays that lane's matches.</summary>
    public void Set(int slot, ulong priority, int lane = 0)
    {
        var leaf = Leaf(slot) + CheckLane(lane);
        var from = lane & ~(Chunk - 1);
        // The leaf's lanes were last written as one vector, so they are read back as one.
        var chunk = Vector256.LoadUnsafe(ref _nodes[leaf - lane + from]).WithElement(lane - from, Node(slot, priority));
        Replay(slot, from, chunk);
    }

    /// <summary>Empties the slot in one lane and replays that lane's matches.</summary>
    public void Clear(int slot, int lane = 0) => Set(slot, None, lane);

    /// <summary>
    /// Gives the slot its priorities in the four lanes from 4 × <paramref name="chunk"/> (<see cref="None"/>: empty;
    /// lanes past <see cref="Lanes"/> stay empty) and replays their matches.
    /// </summary>
    public void Set(int slot, int chunk, Vector256<ulong> priorities) => Write(slot, chunk, priorities, keepEmpty: false);

    /// <summary>
    /// Gives the slot new priorities in those of the four lanes from 4 × <paramref name="chunk"/> that it holds and
    /// replays their matches; the lanes it does not hold stay empty (whatever <paramref name="priorities"/> has for them).
    /// </summary>
    public void Update(int slot, int chunk, Vector256<ulong> priorities) => Write(slot, chunk, priorities, keepEmpty: true);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Write(int slot, int chunk, Vector256<ulong> priorities, bool keepEmpty)
    {
        var lane = chunk * Chunk;
        if ((uint)lane >= (uint)_stride)
        {
            ThrowOutOfRange(nameof(chunk), (ulong)chunk, (ulong)(_stride / Chunk) - 1);
        }
        var none = Vector256.Equals(priorities, Vector256<ulong>.AllBitsSet);
        if (Vector256.GreaterThanAny(priorities & ~none, Vector256.Create(MaxPriority)))
        {
            ThrowOutOfRange(nameof(priorities), Vector256.Max(priorities & ~none, Vector256.Create(MaxPriority)).ToScalar(), MaxPriority);
        }
        ref var leaf = ref _nodes[Leaf(slot) + lane];
        // A padding lane, and with keepEmpty a lane the slot does not hold, stays empty.
        var empty = none | (keepEmpty ? Vector256.Equals(Vector256.LoadUnsafe(ref leaf), Vector256<ulong>.AllBitsSet) : _padding[chunk]);
        Replay(slot, lane, (priorities << SlotBits) | Vector256.Create((ulong)slot) | empty);
    }

    private int Leaf(int slot)
    {
        if ((uint)slot >= (uint)_leaves)
        {
            ThrowOutOfRange(nameof(slot), (ulong)slot, (ulong)_leaves - 1);
        }
        return (_leaves + slot) * _stride;
    }

    private int CheckLane(int lane)
    {
        if ((uint)lane >= (uint)Lanes)
        {
            ThrowOutOfRange(nameof(lane), (ulong)lane, (ulong)Lanes - 1);
        }
        return lane;
    }

    /// <summary>The lane's node: the priority above the slot, or empty for <see cref="None"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong Node(int slot, ulong priority)
    {
        if (priority > MaxPriority && priority != None)
        {
            ThrowOutOfRange(nameof(priority), priority, MaxPriority);
        }
        // None shifted is all ones above the slot; or-ing in the mask of "is None" makes it all ones, i.e. empty.
        var none = 0UL - Unsafe.BitCast<bool, byte>(priority == None);
        return (priority << SlotBits) | (uint)slot | none;
    }

    /// <summary>Writes the slot's four lanes from <paramref name="lane"/> and replays their matches up to the root.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Replay(int slot, int lane, Vector256<ulong> leaf)
    {
        ref var nodes = ref MemoryMarshal.GetArrayDataReference(_nodes);
        var stride = (nuint)_stride;
        var i = (nuint)(_leaves + slot);
        if (Vector256.IsHardwareAccelerated)
        {
            // The path's winners stay in a register; each level reads only the sibling, which this replay does not write.
            var node = leaf;
            node.StoreUnsafe(ref nodes, (i * stride) + (nuint)lane);
            while (i > 1)
            {
                node = Vector256.Min(node, Vector256.LoadUnsafe(ref nodes, ((i ^ 1) * stride) + (nuint)lane));
                i >>= 1;
                node.StoreUnsafe(ref nodes, (i * stride) + (nuint)lane);
            }
            return;
        }
        for (var k = 0; k < Chunk; k++)
        {
            var at = (nuint)(lane + k);
            var j = i;
            var node = leaf.GetElement(k);
            Unsafe.Add(ref nodes, (j * stride) + at) = node;
            while (j > 1)
            {
                // The smaller is taken with a mask, not a conditional the JIT would compile to a branch that mispredicts.
                var sibling = Unsafe.Add(ref nodes, ((j ^ 1) * stride) + at);
                node ^= (node ^ sibling) & (0UL - Unsafe.BitCast<bool, byte>(sibling < node));
                j >>= 1;
                Unsafe.Add(ref nodes, (j * stride) + at) = node;
            }
        }
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowOutOfRange(string name, ulong value, ulong max) =>
        throw new ArgumentOutOfRangeException(name, value, $"at most {max}");
}
