using Docket.Domain.Ledger;
using Docket.Grains;
using Docket.Server.Storage;
using Docket.Server.Storage.Postgres;
using Docket.Server.Tests.Cluster;
using static Docket.Server.Tests.IdempotencyKeyJournal;

namespace Docket.Server.Tests;

/// <summary>
/// A case's entries read back from a court's journal, the same on every store (memory, SQLite, PostgreSQL): its own
/// entries and each review draw that names it among its files (<see cref="NamedCases"/>), in ledger order; not the
/// entries of other cases or other courts, and nothing of an append that was refused.
/// </summary>
public static class CaseEntriesJournal
{
    private static readonly DateTimeOffset s_start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static async Task ReadsACasesEntriesWithTheDrawsThatNameIt(ICourtJournal journal)
    {
        await journal.AppendAsync("c", [Entry(1, "genesis", s_start, null), Entry(2, "assign", s_start, null, number: 1), Entry(3, "assign", s_start, null, number: 2)]);
        await journal.AppendAsync("c", [Entry(4, "close", s_start.AddDays(1), null, number: 1), Entry(5, "close", s_start.AddDays(1), null, number: 2), Draw(6, ["c-1", "c-2"], ["c-2"])]);
        await journal.AppendAsync("c", [Entry(7, "node", s_start.AddDays(3), null, number: 1), Entry(8, "assign", s_start.AddDays(3), null, number: 3), Draw(9, ["c-3"], ["c-3"])]);
        await journal.AppendAsync("other", [Entry(1, "genesis", s_start, null, court: "other"), Draw(2, ["c-1"], [], court: "other")]);
        // Refused (it does not follow entry 9): its draw names no case.
        await Assert.ThrowsAsync<LedgerContinuityException>(() => journal.AppendAsync("c", [Draw(11, ["c-1"], ["c-1"])]));

        Assert.Equal([2L, 4, 6, 7], (await journal.ReadCaseAsync("c", "c-1")).Select(r => r.Seq));
        Assert.Equal([3L, 5, 6], (await journal.ReadCaseAsync("c", "c-2")).Select(r => r.Seq));
        Assert.Equal([8L, 9], (await journal.ReadCaseAsync("c", "c-3")).Select(r => r.Seq));
        // Exactly the entries a case's digest is chained from, which is what a case's grain checks its read against.
        var ledger = await journal.ReadAsync("c", 0, 100);
        foreach (var id in new[] { "c-1", "c-2", "c-3" })
        {
            Assert.Equal(CaseDigest.Of(id, ledger), CaseDigest.Of(id, await journal.ReadCaseAsync("c", id)));
        }
        Assert.Empty(await journal.ReadCaseAsync("c", "c-4"));
        var draw = (await journal.ReadCaseAsync("c", "c-2"))[^1];
        Assert.Equal(("review_draw", (string?)null), (draw.Kind, draw.CaseId));
        Assert.Equal(["c-1", "c-2"], LedgerEntry.Parse(draw.Json).Eligible ?? []);
    }

    private static LedgerRecord Draw(long seq, string[] eligible, string[] sample, string court = "c")
    {
        var entry = new LedgerEntry
        {
            Court = court,
            Seq = seq,
            Kind = LedgerKinds.ReviewDraw,
            At = s_start.AddDays(2),
            Eligible = eligible,
            Sample = sample,
            Prev = new string('0', 64),
        };
        var json = entry.ToJson();
        return new LedgerRecord(court, seq, entry.Kind, null, json, LedgerHash.Of(json));
    }
}

public sealed class InMemoryCaseEntriesJournalTests
{
    [Fact]
    public Task The_memory_journal_reads_a_cases_entries_with_the_draws_that_name_it() =>
        CaseEntriesJournal.ReadsACasesEntriesWithTheDrawsThatNameIt(new InMemoryCourtJournal());
}

public sealed class SqliteCaseEntriesJournalTests : SqliteStoreTest
{
    [Fact]
    public Task The_SQLite_journal_reads_a_cases_entries_with_the_draws_that_name_it() =>
        CaseEntriesJournal.ReadsACasesEntriesWithTheDrawsThatNameIt(new SqliteCourtJournal(Store!));

    /// <summary>
    /// Every case grain's first read runs this query: each part must find its rows by an index, never scan the
    /// court's ledger (a join planned with the ledger outside read all of it for each case).
    /// </summary>
    [Fact]
    public async Task Reading_a_cases_entries_searches_by_index_and_scans_nothing()
    {
        await CaseEntriesJournal.ReadsACasesEntriesWithTheDrawsThatNameIt(new SqliteCourtJournal(Store!));
        await using var connection = await Store!.OpenReaderAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + SqliteCourtJournal.ReadCaseSql;
        command.Parameters.AddWithValue("$c", "c");
        command.Parameters.AddWithValue("$i", "c-1");
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }
        }
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal));
        Assert.Contains(plan, step => step.Contains("ledger USING INDEX ledger_case", StringComparison.Ordinal));
        Assert.Contains(plan, step => step.Contains("USING PRIMARY KEY (court=? AND seq=?)", StringComparison.Ordinal));
    }
}

public sealed class PostgresCaseEntriesJournalTests : PostgresStoreTest
{
    [Fact]
    public Task The_PostgreSQL_journal_reads_a_cases_entries_with_the_draws_that_name_it() =>
        CaseEntriesJournal.ReadsACasesEntriesWithTheDrawsThatNameIt(new PostgresCourtJournal(Store));
}
