using System.Runtime.Intrinsics;
using Docket.Domain.Assignment;
using Docket.Domain.Randomness;

namespace Docket.Domain.Tests.Assignment;

/// <summary>The indexes the policies keep: the available set, the weight tree, the load heap and the tournament tree, against plain models.</summary>
public sealed class BoardIndexTests
{
    [Fact]
    public void Index_set_adds_removes_and_lists_exactly_its_members()
    {
        var random = new RandomStream(81);
        var set = new IndexSet(50);
        var model = new HashSet<int>();
        for (var step = 0; step < 20_000; step++)
        {
            var value = random.Next(50);
            if (random.NextDouble() < 0.5)
            {
                set.Add(value);
                model.Add(value);
            }
            else
            {
                set.Remove(value);
                model.Remove(value);
            }
            Assert.Equal(model.Count, set.Count);
            Assert.Equal(model.Contains(value), set.Contains(value));
        }
        Assert.Equal(model.Order(), Enumerable.Range(0, set.Count).Select(i => set[i]).Order());
    }

    [Fact]
    public void Fenwick_tree_finds_the_slot_whose_prefix_range_holds_the_target_and_skips_zero_weights()
    {
        var random = new RandomStream(82);
        var tree = new FenwickTree(37);
        var values = new double[37];
        for (var step = 0; step < 5_000; step++)
        {
            var i = random.Next(37);
            values[i] = random.NextDouble() < 0.3 ? 0.0 : random.NextDouble() * 3;
            tree.Set(i, values[i]);
            Assert.Equal(values.Sum(), tree.Total, 9);
            if (tree.Total <= 1e-12)
            {
                continue;
            }
            var target = random.NextDouble() * tree.Total;
            var found = tree.Find(target);
            Assert.True(values[found] > 0, $"slot {found} has weight 0");
            var before = values.Take(found).Sum();
            Assert.InRange(target, before - 1e-9, before + values[found] + 1e-9);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(37)]
    [InlineData(440)]
    public void Fenwick_tree_finds_the_same_slot_as_the_search_with_a_bounds_test_and_a_branch_per_step(int size)
    {
        // The tree before issue 16 kept as the reference, given the same sets: the weighted draw's team must not change.
        var random = new RandomStream((ulong)(90 + size));
        var tree = new FenwickTree(size);
        var reference = new BranchingFenwickTree(size);
        var values = new double[size];
        for (var step = 0; step < 5_000; step++)
        {
            var i = random.Next(size);
            values[i] = random.Next(4) == 0 ? 0.0 : random.Next(3) == 0 ? 0.1 * (1 + random.Next(30)) : random.NextDouble() * 3;
            tree.Set(i, values[i]);
            reference.Set(i, values[i]);
            Assert.Equal(reference.Total, tree.Total);
            var target = random.Next(5) switch
            {
                0 => values.Take(random.Next(size + 1)).Sum(), // on a prefix sum, as the draw's product can land
                1 => tree.Total,
                2 => Math.BitDecrement(tree.Total),
                _ => random.NextDouble() * tree.Total,
            };
            Assert.Equal(reference.Find(target), tree.Find(target));
        }
    }

    /// <summary><see cref="FenwickTree"/> as it was before issue 16: a bounds test and a branch on the weights at every step.</summary>
    private sealed class BranchingFenwickTree(int size)
    {
        private readonly double[] _tree = new double[size + 1];
        private readonly double[] _values = new double[size];
        private readonly int _topBit = size == 0 ? 0 : 1 << (31 - int.LeadingZeroCount(size));

        public double Total { get; private set; }

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

    [Fact]
    public void Fenwick_tree_of_only_zero_weights_finds_nothing()
    {
        var tree = new FenwickTree(4);
        tree.Set(2, 1.0);
        tree.Set(2, 0.0);

        Assert.Equal(-1, tree.Find(0.0));
    }

    [Fact]
    public void Load_heap_always_peeks_the_smallest_key_through_adds_removals_and_re_keying()
    {
        var random = new RandomStream(83);
        var key = new double[40];
        var received = new long[40];
        var heap = new LoadHeap(40);
        var members = new HashSet<int>();
        for (var step = 0; step < 20_000; step++)
        {
            var team = random.Next(40);
            switch (random.Next(3))
            {
                case 0:
                    heap.Add(team, key[team], received[team]);
                    members.Add(team);
                    break;
                case 1:
                    heap.Remove(team);
                    members.Remove(team);
                    break;
                default:
                    key[team] = random.Next(10);
                    received[team] = random.Next(3);
                    heap.Update(team, key[team], received[team]);
                    break;
            }
            var expected = members.Count == 0 ? -1 : members.OrderBy(t => key[t]).ThenBy(t => received[t]).ThenBy(t => t).First();
            Assert.Equal(expected, heap.Peek());
            Assert.Equal(members.Count, heap.Count);
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(7, 3)]
    [InlineData(64, 4)]
    [InlineData(100, 6)]
    [InlineData(1000, 4)]
    public void Tournament_tree_names_in_every_lane_the_slot_with_the_smallest_priority_and_the_lowest_slot_on_a_tie(int slots, int lanes)
    {
        var random = new RandomStream((ulong)(84 + slots + lanes));
        var tree = new TournamentTree(slots, lanes);
        var priorities = new ulong?[slots, lanes];
        var chunks = (lanes + 3) / 4;
        for (var lane = 0; lane < lanes; lane++)
        {
            Assert.Equal(-1, tree.Winner(lane));
        }
        // The model is checked in full at every step, so large trees take fewer steps.
        for (var step = 0; step < Math.Min(20_000, 4_000_000 / (slots * lanes)); step++)
        {
            var slot = random.Next(slots);
            // Few distinct priorities, so ties are common, and the largest allowed; a quarter of the changes empty a lane.
            ulong? Draw() => random.Next(4) == 0 ? null : random.Next(7) == 0 ? tree.MaxPriority : (ulong)random.Next(6);
            switch (random.Next(3))
            {
                case 0:
                    {
                        var lane = random.Next(lanes);
                        priorities[slot, lane] = Draw();
                        tree.Set(slot, priorities[slot, lane] ?? TournamentTree.None, lane);
                        break;
                    }
                case 1:
                    {
                        // A whole chunk of four lanes; past the last lane the vector's values are ignored.
                        var chunk = random.Next(chunks);
                        var values = new ulong[4];
                        for (var i = 0; i < 4; i++)
                        {
                            var value = Draw();
                            values[i] = value ?? TournamentTree.None;
                            if ((4 * chunk) + i < lanes)
                            {
                                priorities[slot, (4 * chunk) + i] = value;
                            }
                        }
                        tree.Set(slot, chunk, Vector256.Create<ulong>(values));
                        break;
                    }
                default:
                    {
                        // An update changes only the lanes the slot holds.
                        var chunk = random.Next(chunks);
                        var values = new ulong[4];
                        for (var i = 0; i < 4; i++)
                        {
                            values[i] = random.Next(7) == 0 ? tree.MaxPriority : (ulong)random.Next(6);
                            var lane = (4 * chunk) + i;
                            if (lane < lanes && priorities[slot, lane] is not null)
                            {
                                priorities[slot, lane] = values[i];
                            }
                        }
                        tree.Update(slot, chunk, Vector256.Create<ulong>(values));
                        break;
                    }
            }
            for (var lane = 0; lane < lanes; lane++)
            {
                var held = Enumerable.Range(0, slots).Where(s => priorities[s, lane] is not null).ToList();
                var expected = held.Count == 0 ? -1 : held.OrderBy(s => priorities[s, lane]).ThenBy(s => s).First();
                Assert.Equal(expected, tree.Winner(lane));
                Assert.Equal(priorities[slot, lane] is not null, tree.Holds(slot, lane));
            }
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.Set(0, tree.MaxPriority + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.Update(0, 0, Vector256.Create(tree.MaxPriority + 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.Winner(lanes));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.Set(0, chunks, Vector256<ulong>.Zero));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(7, 3)]
    [InlineData(64, 4)]
    [InlineData(100, 6)]
    public void Least_work_tree_names_in_every_lane_the_first_slot_a_scan_taking_a_strictly_smaller_work_would(int slots, int lanes)
    {
        var random = new RandomStream((ulong)(184 + slots + lanes));
        var tree = new LeastWorkTree(slots, lanes);
        var works = new double[slots, lanes];
        for (var s = 0; s < slots; s++)
        {
            for (var lane = 0; lane < lanes; lane++)
            {
                works[s, lane] = double.PositiveInfinity;
            }
        }
        var chunks = (lanes + 3) / 4;
        // Few distinct works, so ties are common; −0 beside +0, double.MaxValue (never a winner) and +∞ (nothing).
        double[] values = [0.0, -0.0, 0.5, 1.0, 1.0, 2.25, double.MaxValue, double.PositiveInfinity];
        for (var step = 0; step < Math.Min(20_000, 2_000_000 / (slots * lanes)); step++)
        {
            var slot = random.Next(slots);
            if (random.Next(2) == 0)
            {
                var lane = random.Next(lanes);
                works[slot, lane] = values[random.Next(values.Length)];
                tree.Set(slot, works[slot, lane], lane);
            }
            else
            {
                // A chunk of four lanes; with keepEmpty the lanes at +∞ stay there. Past the last lane nothing changes.
                var chunk = random.Next(chunks);
                var keepEmpty = random.Next(2) == 0;
                var chunkWorks = new double[4];
                for (var i = 0; i < 4; i++)
                {
                    chunkWorks[i] = values[random.Next(values.Length)];
                    var lane = (4 * chunk) + i;
                    if (lane < lanes && !(keepEmpty && double.IsPositiveInfinity(works[slot, lane])))
                    {
                        works[slot, lane] = chunkWorks[i];
                    }
                }
                tree.Set(slot, chunk, Vector256.Create<double>(chunkWorks), keepEmpty);
            }
            for (var lane = 0; lane < lanes; lane++)
            {
                var best = -1;
                var bestWork = double.MaxValue;
                for (var s = 0; s < slots; s++)
                {
                    if (works[s, lane] < bestWork)
                    {
                        best = s;
                        bestWork = works[s, lane];
                    }
                }
                Assert.Equal(best, tree.Winner(lane));
                Assert.Equal(works[slot, lane], tree.WorkOf(slot, lane));
            }
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.Winner(lanes));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.Set(slots == 1 ? 1 : 1 << 20, 0.0, 0));
    }
}
