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
}
