using Docket.Domain.Courts;

namespace Docket.Domain.Tests.Courts;

/// <summary>The in-memory table of finished cases reads as the stores' SQL does: by range, in (last stage, number) order, a row per case.</summary>
public sealed class FinishedCaseTableTests
{
    [Fact]
    public void Reads_page_by_page_exactly_the_rows_finished_by_a_position_and_last_staged_since_a_time_in_key_order()
    {
        var random = new Random(11);
        var table = new FinishedCaseTable();
        var model = new Dictionary<long, FinishedCase>();
        for (var step = 0; step < 5_000; step++)
        {
            // Out of number order, and some cases written again (a replay), the latest row kept.
            var number = random.Next(1, 3_000);
            var row = Row(number, finishedSeq: step + 1, lastStage: random.Next(0, 1_000));
            table.Put([row]);
            model[number] = row;
        }
        Assert.Equal(model.Count, table.Count);
        Assert.Equal(model.Keys.Order(), table.All.Select(f => f.Number));
        foreach (var (since, through, page) in new[] { (0, 5_000, 100), (500, 2_500, 7), (999, 5_000, 1), (1_001, 5_000, 10) })
        {
            var expected = model.Values.Where(f => f.FinishedSeq <= through && f.LastStageTicks >= since).OrderBy(f => f.LastStageTicks).ThenBy(f => f.Number).ToList();
            var read = new List<FinishedCase>();
            for (var after = FinishedKey.Since(new DateTimeOffset(since, TimeSpan.Zero)); ;)
            {
                var rows = table.Read(through, after, page);
                read.AddRange(rows);
                if (rows.Count < page)
                {
                    break;
                }
                after = FinishedKey.Of(rows[^1]);
            }
            Assert.Equal(expected, read);
            Assert.Equal(expected, table.Read(new DateTimeOffset(since, TimeSpan.Zero), through));
        }
        var asked = new long[] { 5, 2_999, 4_000, 5, 17 };
        Assert.Equal(asked.Distinct().Order().Where(model.ContainsKey).Select(n => model[n]), table.Find(asked));
    }

    private static FinishedCase Row(long number, long finishedSeq, long lastStage) =>
        new(number, finishedSeq, 0, lastStage, lastStage, number, "team-1", "civil", 0, 0);
}
