using Docket.Domain.Courts;

namespace Docket.Domain.Tests.Courts;

/// <summary>
/// The deadline watch's index answers as a sorted set of (next check, case) would: checked against one over random
/// filings, refilings earlier and later, removals and due look-ups, for the court's and a docket's index alike.
/// </summary>
public sealed class DueIndexTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 2)]
    [InlineData(true, 3)]
    public void The_due_index_answers_as_a_sorted_set_of_checks_would(bool court, int seed)
    {
        var index = court ? DueIndex.ForCourt() : DueIndex.ForDocket();
        var set = new SortedSet<(DateTimeOffset At, long Number)>();
        var next = new Dictionary<long, DateTimeOffset>();
        var random = new Random(seed);
        for (var step = 0; step < 30_000; step++)
        {
            var number = (long)random.Next(1, 3_000);
            switch (random.Next(5))
            {
                case 0:
                case 1:
                    // Few distinct moments, so checks tie and the case number orders them.
                    var at = Start.AddHours(random.Next(0, 400));
                    if (next.Remove(number, out var old))
                    {
                        set.Remove((old, number));
                    }
                    set.Add((at, number));
                    next[number] = at;
                    index.File(number, at);
                    break;
                case 2:
                    Assert.Equal(next.Remove(number, out var gone) && set.Remove((gone, number)), index.Remove(number));
                    break;
                case 3:
                    if (next.Remove(number, out var was))
                    {
                        set.Remove((was, number));
                    }
                    index.File(number, null);
                    break;
                default:
                    var by = Start.AddHours(random.Next(-10, 420));
                    Assert.Equal(set.GetViewBetween((DateTimeOffset.MinValue, 0), (by, long.MaxValue)).ToList(), index.DueBy(by));
                    break;
            }
            Assert.Equal(next.TryGetValue(number, out var expected), index.TryGetNext(number, out var filed));
            Assert.Equal(expected, filed);
            Assert.Equal(set.Count, index.Count);
        }
        Assert.Equal(set.ToList(), index.DueBy(DateTimeOffset.MaxValue));
    }

    [Fact]
    public void Nothing_is_due_before_the_earliest_check_and_an_emptied_index_has_none()
    {
        var index = DueIndex.ForDocket();
        index.File(7, Start.AddDays(2));
        index.File(3, Start.AddDays(1));
        Assert.Empty(index.DueBy(Start));
        Assert.Equal([(Start.AddDays(1), 3L)], index.DueBy(Start.AddDays(1)));
        Assert.True(index.Remove(3));
        Assert.True(index.Remove(7));
        Assert.False(index.Remove(7));
        Assert.Empty(index.DueBy(DateTimeOffset.MaxValue));
        Assert.Equal(0, index.Count);
    }
}
