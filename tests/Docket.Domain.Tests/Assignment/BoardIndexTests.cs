using Docket.Domain.Assignment;
using Docket.Domain.Randomness;

namespace Docket.Domain.Tests.Assignment;

/// <summary>The indexes the policies keep: the available set, the weight tree and the load heap, against plain models.</summary>
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
}
