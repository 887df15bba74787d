using Docket.Domain.Ledger;
using Docket.Grains;

namespace Docket.Grains.Tests;

public sealed class TailReaderTests
{
    private const string Court = "c";

    private static async Task<InMemoryCourtJournal> Journal(int entries, Func<long, LedgerRecord>? record = null)
    {
        var journal = new InMemoryCourtJournal();
        await journal.AppendAsync(Court, [.. Enumerable.Range(1, entries).Select(i => record?.Invoke(i) ?? Record(i))]);
        return journal;
    }

    private static LedgerRecord Record(long seq, string? json = null)
    {
        json ??= $$"""{"court":"{{Court}}","seq":{{seq}},"kind":"filing","at":"2026-01-05T08:00:00+00:00","prev":"p"}""";
        return new LedgerRecord(Court, seq, "filing", null, json, LedgerHash.Of(json));
    }

    [Fact]
    public async Task Pages_come_in_order_after_the_position_with_each_entry_read()
    {
        await using var tail = new TailReader(await Journal(25), Court, 5, 7, CancellationToken.None);
        var pages = new List<ReadRecord[]>();
        while (await tail.NextAsync(CancellationToken.None) is { } page)
        {
            pages.Add(page);
        }

        Assert.Equal([7, 7, 6], pages.Select(p => p.Length));
        var read = pages.SelectMany(p => p).ToList();
        Assert.Equal(Enumerable.Range(6, 20).Select(i => (long)i), read.Select(r => r.Record.Seq));
        Assert.All(read, r => Assert.True(r.HashHolds && r.Entry is not null, r.ParseProblem));
        Assert.Equal(read.Select(r => r.Record.Seq), read.Select(r => r.Entry!.Seq));
    }

    [Fact]
    public async Task A_tail_that_ends_on_a_full_page_ends_after_it_and_an_empty_tail_has_no_page()
    {
        await using var full = new TailReader(await Journal(14), Court, 0, 7, CancellationToken.None);
        Assert.Equal(7, (await full.NextAsync(CancellationToken.None))!.Length);
        Assert.Equal(7, (await full.NextAsync(CancellationToken.None))!.Length);
        Assert.Null(await full.NextAsync(CancellationToken.None));

        await using var empty = new TailReader(await Journal(3), Court, 3, 7, CancellationToken.None);
        Assert.Null(await empty.NextAsync(CancellationToken.None));
    }

    [Fact]
    public async Task An_entry_whose_text_is_not_its_hash_or_not_json_is_read_as_such_for_the_replay_to_refuse()
    {
        var journal = await Journal(3, seq => seq switch
        {
            2 => Record(2) with { Hash = LedgerHash.Of("something else") },
            3 => Record(3, "not json"),
            _ => Record(seq),
        });
        await using var tail = new TailReader(journal, Court, 0, 10, CancellationToken.None);
        var page = (await tail.NextAsync(CancellationToken.None))!;

        Assert.True(page[0].HashHolds);
        Assert.False(page[1].HashHolds);
        Assert.NotNull(page[1].Entry);
        Assert.Null(page[2].Entry);
        Assert.NotNull(page[2].ParseProblem);
    }

    [Fact]
    public async Task A_replay_that_stops_early_stops_the_reading()
    {
        var tail = new TailReader(await Journal(100), Court, 0, 1, CancellationToken.None);
        Assert.Single((await tail.NextAsync(CancellationToken.None))!);

        await tail.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
    }
}
