using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Docket.Domain.Assignment;

/// <summary>
/// A tournament (winner) tree over a fixed number of slots, each holding an unsigned priority or nothing: every inner
/// node holds the smaller of its children, so the root names the slot with the smallest priority, ties going to the
/// lower slot. A node is one integer, the priority above the slot's bits (<see cref="SlotBits"/>), so a match is one
/// comparison. Setting a slot replays its matches up to the root: O(log n), no branch that depends on the
/// priorities, no allocation.
/// </summary>
public sealed class TournamentTree
{
    private const ulong Empty = ulong.MaxValue;

    private readonly ulong[] _nodes;
    private readonly int _leaves;
    private readonly ulong _slotMask;

    /// <param name="slots">Number of slots; all start empty.</param>
    public TournamentTree(int slots)
    {
        _leaves = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, slots));
        SlotBits = Math.Max(1, BitOperations.Log2((uint)_leaves));
        _slotMask = (1UL << SlotBits) - 1;
        MaxPriority = (ulong.MaxValue >> SlotBits) - 1;
        _nodes = new ulong[2 * _leaves];
        Array.Fill(_nodes, Empty);
    }

    /// <summary>Bits of a node taken by the slot: the priority has the other 64 − SlotBits.</summary>
    public int SlotBits { get; }

    /// <summary>The largest priority a slot can hold.</summary>
    public ulong MaxPriority { get; }

    /// <summary>The slot with the smallest priority (the lowest such slot on a tie), or -1 when every slot is empty.</summary>
    public int Winner => _nodes[1] == Empty ? -1 : (int)(_nodes[1] & _slotMask);

    /// <summary>Whether the slot holds a priority.</summary>
    public bool Holds(int slot) => _nodes[_leaves + slot] != Empty;

    /// <summary>Gives the slot its priority (at most <see cref="MaxPriority"/>) and replays its matches up to the root.</summary>
    public void Set(int slot, ulong priority)
    {
        if (priority > MaxPriority)
        {
            ThrowOutOfRange(nameof(priority), priority, MaxPriority);
        }
        Replay(slot, (priority << SlotBits) | (uint)slot);
    }

    /// <summary>Empties the slot and replays its matches up to the root.</summary>
    public void Clear(int slot) => Replay(slot, Empty);

    private void Replay(int slot, ulong node)
    {
        if ((uint)slot >= (uint)_leaves)
        {
            ThrowOutOfRange(nameof(slot), (ulong)slot, (ulong)_leaves - 1);
        }
        ref var nodes = ref MemoryMarshal.GetArrayDataReference(_nodes);
        var i = (nuint)(_leaves + slot);
        Unsafe.Add(ref nodes, i) = node;
        // The path's winner stays in a register; each level reads only the sibling, which this replay does not write.
        // The smaller is taken with a mask, not a conditional the JIT would compile to a branch that mispredicts.
        while (i > 1)
        {
            var sibling = Unsafe.Add(ref nodes, i ^ 1);
            node ^= (node ^ sibling) & (0UL - Unsafe.BitCast<bool, byte>(sibling < node));
            i >>= 1;
            ref var parent = ref Unsafe.Add(ref nodes, i);
            if (parent == node)
            {
                // The match's winner is what it was: nothing above changes.
                return;
            }
            parent = node;
        }
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowOutOfRange(string name, ulong value, ulong max) =>
        throw new ArgumentOutOfRangeException(name, value, $"at most {max}");
}
