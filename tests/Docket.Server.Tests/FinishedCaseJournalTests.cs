using Docket.Domain.Courts;
using Docket.Grains;
using Docket.Server.Storage;
using Docket.Server.Storage.Postgres;
using Docket.Server.Tests.Cluster;
using static Docket.Server.Tests.IdempotencyKeyJournal;

namespace Docket.Server.Tests;

/// <summary>
/// Finished cases' rows kept by a court's journal beside its ledger, the same on every store (memory, SQLite,
/// PostgreSQL): written with the entry that finished each in one append, never for an append that was refused, written
/// again by a replay (the latest row kept), and read by range (finished by an entry, from a key of last stage and number,
/// in that order, a page at a time) and by number.
/// </summary>
public static class FinishedCaseJournal
{
    private static readonly DateTimeOffset s_start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly FinishedKey s_all = FinishedKey.Since(DateTimeOffset.MinValue);

    public static async Task KeepsAndReadsFinishedCases(ICourtJournal journal)
    {
        Assert.Empty(await journal.ReadFinishedAsync("c", long.MaxValue, s_all, 10));
        await journal.AppendAsync("c", [Entry(1, "genesis", s_start, null), Entry(2, "assign", s_start, null, number: 1), Entry(3, "assign", s_start, null, number: 2)]);
        await journal.AppendAsync("c", [Entry(4, "assign", s_start, null, number: 3), Entry(5, "close", s_start.AddDays(3), null, number: 2), Entry(6, "close", s_start.AddDays(5), null, number: 1)],
            [Row(2, finishedSeq: 5, lastStageDays: 4), Row(1, finishedSeq: 6, lastStageDays: 9)]);
        await journal.AppendAsync("other", [Entry(1, "genesis", s_start, null, court: "other"), Entry(2, "close", s_start, null, number: 1, court: "other")],
            [Row(1, finishedSeq: 2, lastStageDays: 1)]);
        // Refused (it does not follow entry 6): neither its entries nor its rows are stored.
        await Assert.ThrowsAsync<LedgerContinuityException>(() => journal.AppendAsync("c", [Entry(9, "close", s_start.AddDays(6), null, number: 3)], [Row(3, finishedSeq: 9, lastStageDays: 7)]));

        Assert.Equal([Row(2, 5, 4), Row(1, 6, 9)], await journal.ReadFinishedAsync("c", long.MaxValue, s_all, 10));
        Assert.Equal([Row(1, 6, 9)], await journal.ReadFinishedAsync("c", long.MaxValue, FinishedKey.Since(s_start.AddDays(5)), 10));
        Assert.Equal([Row(1, 6, 9)], await journal.ReadFinishedAsync("c", long.MaxValue, FinishedKey.Since(s_start.AddDays(9)), 10));
        Assert.Empty(await journal.ReadFinishedAsync("c", long.MaxValue, FinishedKey.Since(s_start.AddDays(9).AddTicks(1)), 10));
        Assert.Equal([Row(2, 5, 4)], await journal.ReadFinishedAsync("c", 5, s_all, 10));
        Assert.Equal([Row(2, 5, 4)], await journal.ReadFinishedAsync("c", long.MaxValue, s_all, 1));
        Assert.Equal([Row(1, 6, 9)], await journal.ReadFinishedAsync("c", long.MaxValue, FinishedKey.Of(Row(2, 5, 4)), 1));
        Assert.Equal([Row(1, 6, 9), Row(2, 5, 4)], await journal.FindFinishedAsync("c", [3, 2, 1, 2]));
        Assert.Equal([Row(1, 2, 1)], await journal.FindFinishedAsync("other", [1]));

        // A replay writes the rows it makes again: the latest kept, one per case.
        await journal.AppendAsync("c", [Entry(7, "close", s_start.AddDays(6), null, number: 3)]);
        await journal.PutFinishedAsync("c", [Row(3, finishedSeq: 7, lastStageDays: 8), Row(2, finishedSeq: 5, lastStageDays: 4.5)]);
        Assert.Equal([Row(2, 5, 4.5), Row(3, 7, 8), Row(1, 6, 9)], await journal.ReadFinishedAsync("c", long.MaxValue, s_all, 10));
    }

    private static FinishedCase Row(long number, long finishedSeq, double lastStageDays) => new(
        number, finishedSeq, s_start.UtcTicks, s_start.AddDays(lastStageDays - 1).UtcTicks, s_start.AddDays(lastStageDays).UtcTicks,
        number + 1, $"team-{number}", "simple_civil", (int)number % 2, number * 1.5);
}

public sealed class InMemoryFinishedCaseJournalTests
{
    [Fact]
    public Task The_memory_journal_keeps_finished_cases_with_the_entries_that_finish_them() =>
        FinishedCaseJournal.KeepsAndReadsFinishedCases(new InMemoryCourtJournal());
}

public sealed class SqliteFinishedCaseJournalTests : SqliteStoreTest
{
    [Fact]
    public Task The_SQLite_journal_keeps_finished_cases_with_the_entries_that_finish_them() =>
        FinishedCaseJournal.KeepsAndReadsFinishedCases(new SqliteCourtJournal(Store!));
}

public sealed class PostgresFinishedCaseJournalTests : PostgresStoreTest
{
    [Fact]
    public Task The_PostgreSQL_journal_keeps_finished_cases_with_the_entries_that_finish_them() =>
        FinishedCaseJournal.KeepsAndReadsFinishedCases(new PostgresCourtJournal(Store));
}
