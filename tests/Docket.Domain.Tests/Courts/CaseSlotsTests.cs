using Docket.Domain.Courts;

namespace Docket.Domain.Tests.Courts;

/// <summary>
/// The court's per-case store behaves as a dictionary from case number would, checked against one over a random
/// sequence of adds, replacements and removals across many chunks; keys come out ascending.
/// </summary>
public sealed class CaseSlotsTests
{
    [Fact]
    public void Case_slots_answer_as_a_dictionary_would_and_list_numbers_in_order()
    {
        var slots = new CaseSlots<string>();
        var expected = new Dictionary<long, string>();
        var random = new Random(7);
        for (var step = 0; step < 40_000; step++)
        {
            var number = (long)random.Next(1, 12_000);
            switch (random.Next(4))
            {
                case 0:
                    if (expected.TryAdd(number, $"a{step}"))
                    {
                        slots.Add(number, $"a{step}");
                    }
                    else
                    {
                        Assert.Throws<ArgumentException>(() => slots.Add(number, "again"));
                    }
                    break;
                case 1:
                    expected[number] = $"s{step}";
                    slots[number] = $"s{step}";
                    break;
                default:
                    Assert.Equal(expected.Remove(number, out var gone), slots.Remove(number, out var removed));
                    Assert.Equal(gone, removed);
                    break;
            }
            Assert.Equal(expected.TryGetValue(number, out var value), slots.TryGetValue(number, out var held));
            Assert.Equal(value, held);
        }
        Assert.Equal(expected.Count, slots.Count);
        Assert.Equal(expected.Keys.Order(), slots.Keys);
        Assert.Equal(expected.OrderBy(e => e.Key).Select(e => e.Value), slots.Values);
        Assert.False(slots.ContainsKey(0));
        Assert.Throws<KeyNotFoundException>(() => slots[50_000]);
    }

    [Fact]
    public void A_chunk_is_dropped_when_its_last_case_leaves_and_made_again_when_one_comes()
    {
        var slots = new CaseSlots<int>();
        for (var n = 1; n <= 5_000; n++)
        {
            slots.Add(n, n);
        }
        for (var n = 1; n <= 5_000; n++)
        {
            Assert.True(slots.Remove(n));
        }
        Assert.Equal(0, slots.Count);
        Assert.Empty(slots.Keys);
        slots[3] = 30;
        Assert.Equal([3L], slots.Keys);
        Assert.Equal(30, slots[3]);
    }

    [Fact]
    public void A_frozen_view_keeps_the_values_as_they_were_while_the_slots_change()
    {
        var slots = new CaseSlots<string>();
        for (var n = 1; n <= 6_000; n++)
        {
            slots.Add(n, $"v{n}");
        }
        var frozen = slots.Freeze();
        for (var n = 1; n <= 6_000; n += 3)
        {
            slots[n] = $"changed{n}";
            slots.Remove(n + 1);
        }
        slots.Add(9_000, "new");
        Assert.Equal(6_000, frozen.Count);
        Assert.Equal(Enumerable.Range(1, 6_000).Select(n => ((long)n, $"v{n}")), frozen.Entries());
        Assert.True(frozen.TryGetValue(2, out var two) && two == "v2");
        Assert.False(frozen.TryGetValue(9_000, out _));
        Assert.Equal("changed1", slots[1]);
        Assert.False(slots.ContainsKey(2));
        Assert.Equal(4_001, slots.Count);
    }

    [Fact]
    public void A_chunk_left_with_few_cases_keeps_them_as_a_list_and_becomes_full_again_as_cases_come()
    {
        var slots = new CaseSlots<long>();
        for (var n = 1; n <= 10_240; n++)
        {
            slots.Add(n, n * 10);
        }
        Assert.Equal(5, slots.FullChunks);
        // A long-pending case in every hundred: the finished ones no longer keep their chunks' full arrays.
        for (var n = 1; n <= 10_240; n++)
        {
            if (n % 100 != 0)
            {
                slots.Remove(n);
            }
        }
        Assert.Equal(0, slots.FullChunks);
        Assert.Equal(102, slots.Count);
        Assert.Equal(Enumerable.Range(1, 102).Select(k => k * 100L), slots.Keys);
        Assert.True(slots.TryGetValue(5_000, out var kept) && kept == 50_000);
        Assert.False(slots.ContainsKey(5_001));

        // Cases coming back into the first chunk: a list up to the most it keeps, a full array past it.
        var back = Enumerable.Range(1, 2_048).Where(n => n % 100 != 0).Take(CaseSlots<long>.SparseMost - 20).ToList();
        foreach (var n in back)
        {
            slots.Add(n, -n);
        }
        Assert.Equal(0, slots.FullChunks);
        slots.Add(back[^1] + 1, 1);
        Assert.Equal(1, slots.FullChunks);
        Assert.Equal(-back[0], slots[back[0]]);
        Assert.Equal(1_000, slots[100]);
    }

    [Fact]
    public void Slots_filled_and_drained_across_the_list_and_array_forms_answer_as_a_dictionary_would_and_frozen_views_stand()
    {
        var slots = new CaseSlots<int>();
        var expected = new Dictionary<long, int>();
        var frozen = new List<(CaseSlots<int>.Frozen View, List<(long, int)> Then)>();
        var random = new Random(11);
        for (var phase = 0; phase < 12; phase++)
        {
            // Filling phases add more than they remove, draining phases the reverse: each chunk crosses the edges.
            var adding = phase % 2 == 0 ? 0.8 : 0.2;
            for (var step = 0; step < 3_000; step++)
            {
                var number = (long)random.Next(1, 4_097);
                if (random.NextDouble() < adding)
                {
                    if (expected.TryAdd(number, step))
                    {
                        slots.Add(number, step);
                    }
                    else
                    {
                        expected[number] = -step;
                        slots[number] = -step;
                    }
                }
                else
                {
                    Assert.Equal(expected.Remove(number, out var gone), slots.Remove(number, out var removed));
                    Assert.Equal(gone, removed);
                }
                if (step % 997 == 0)
                {
                    frozen.Add((slots.Freeze(), [.. expected.OrderBy(e => e.Key).Select(e => (e.Key, e.Value))]));
                }
            }
            Assert.Equal(expected.Count, slots.Count);
            Assert.Equal(expected.OrderBy(e => e.Key).Select(e => e.Key), slots.Keys);
            Assert.Equal(expected.OrderBy(e => e.Key).Select(e => e.Value), slots.Values);
        }
        foreach (var (view, then) in frozen)
        {
            Assert.Equal(then, view.Entries());
            Assert.All(then, e => Assert.True(view.TryGetValue(e.Item1, out var v) && v == e.Item2));
        }
    }
}
