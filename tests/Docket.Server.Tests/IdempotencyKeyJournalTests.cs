using Docket.Domain.Ledger;
using Docket.Grains;
using Docket.Server.Storage;
using Docket.Server.Storage.Postgres;
using Docket.Server.Tests.Cluster;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Docket.Server.Tests;

/// <summary>
/// Idempotency keys kept by a court's journal beside its ledger, the same on every store (memory, SQLite,
/// PostgreSQL): written with their filing's entry in one append, a key names its latest filing, found only within the
/// window asked for, never stored for an append that was refused, and deleted a batch at a time once past the window.
/// </summary>
public static class IdempotencyKeyJournal
{
    private static readonly DateTimeOffset s_start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static async Task KeepsFindsAndForgetsKeys(ICourtJournal journal)
    {
        await journal.AppendAsync("c", [
            Entry(1, "genesis", s_start, null),
            Entry(2, "assign", s_start, "k-1", number: 1),
            Entry(3, "queue", s_start.AddDays(1), "k-2", number: 2),
            Entry(4, "node", s_start.AddDays(1), null, number: 1),
        ]);
        await journal.AppendAsync("c", [Entry(5, "assign", s_start.AddDays(2), "k-1", number: 3), Entry(6, "assign", s_start.AddDays(2), null, number: 4)]);
        await journal.AppendAsync("other", [Entry(1, "genesis", s_start, null, court: "other")]);

        Assert.Equal(new KeyedFiling(5, "c-3"), await journal.FindKeyAsync("c", "k-1", s_start));
        Assert.Equal(new KeyedFiling(3, "c-2"), await journal.FindKeyAsync("c", "k-2", s_start.AddDays(1)));
        Assert.Null(await journal.FindKeyAsync("c", "k-2", s_start.AddDays(1).AddMilliseconds(1)));
        Assert.Null(await journal.FindKeyAsync("c", "never", DateTimeOffset.UnixEpoch));
        Assert.Null(await journal.FindKeyAsync("other", "k-1", DateTimeOffset.UnixEpoch));

        // An append that does not follow the stored ledger is refused whole: its filing's key is not kept.
        await Assert.ThrowsAsync<LedgerContinuityException>(() => journal.AppendAsync("c", [Entry(9, "assign", s_start.AddDays(3), "k-gap", number: 9)]));
        Assert.Null(await journal.FindKeyAsync("c", "k-gap", DateTimeOffset.UnixEpoch));

        var cutoff = s_start.AddDays(1).AddMilliseconds(1);
        Assert.Equal(1, await journal.ForgetKeysAsync("c", cutoff, limit: 1));
        Assert.Equal(0, await journal.ForgetKeysAsync("c", cutoff, limit: 1));
        Assert.Null(await journal.FindKeyAsync("c", "k-2", DateTimeOffset.UnixEpoch));
        Assert.Equal(new KeyedFiling(5, "c-3"), await journal.FindKeyAsync("c", "k-1", DateTimeOffset.UnixEpoch));
        Assert.Equal(0, await journal.ForgetKeysAsync("other", s_start.AddDays(3), limit: 5));
        Assert.Equal(1, await journal.ForgetKeysAsync("c", s_start.AddDays(3), limit: 5));
        Assert.Null(await journal.FindKeyAsync("c", "k-1", DateTimeOffset.UnixEpoch));
    }

    /// <summary>A stored entry as the journal sees it (the journal reads kind, case, time and key; it checks no hash).</summary>
    public static LedgerRecord Entry(long seq, string kind, DateTimeOffset at, string? key, long? number = null, string court = "c")
    {
        var entry = new LedgerEntry
        {
            Court = court,
            Seq = seq,
            Kind = kind,
            At = at,
            Case = number is { } n ? $"{court}-{n}" : null,
            Number = kind is "assign" or "queue" ? number : null,
            Type = kind is "assign" or "queue" ? "simple_civil" : null,
            IdempotencyKey = key,
            Prev = new string('0', 64),
        };
        var json = entry.ToJson();
        return new LedgerRecord(court, seq, kind, entry.Case, json, LedgerHash.Of(json));
    }
}

public sealed class InMemoryIdempotencyKeyTests
{
    [Fact]
    public Task The_memory_journal_keeps_finds_and_forgets_keys_with_their_filings() =>
        IdempotencyKeyJournal.KeepsFindsAndForgetsKeys(new InMemoryCourtJournal());

    [Fact]
    public void A_filing_entry_s_key_and_time_are_read_from_its_stored_text_and_other_entries_have_none()
    {
        var at = new DateTimeOffset(2026, 3, 2, 9, 0, 0, 250, TimeSpan.Zero);
        Assert.Equal(new FiledKey("k", at.ToUnixTimeMilliseconds()), FiledKey.Of(IdempotencyKeyJournal.Entry(2, "assign", at, "k", number: 1)));
        Assert.Null(FiledKey.Of(IdempotencyKeyJournal.Entry(2, "assign", at, null, number: 1)));
        Assert.Null(FiledKey.Of(IdempotencyKeyJournal.Entry(3, "node", at, null, number: 1)));
        var batch = FiledKey.In([IdempotencyKeyJournal.Entry(2, "assign", at, "k", number: 1), IdempotencyKeyJournal.Entry(3, "queue", at, "k", number: 2)]);
        Assert.Equal(3, Assert.Single(batch).Record.Seq);
    }
}

public sealed class SqliteIdempotencyKeyTests : SqliteStoreTest
{
    [Fact]
    public Task The_SQLite_journal_keeps_finds_and_forgets_keys_with_their_filings() =>
        IdempotencyKeyJournal.KeepsFindsAndForgetsKeys(new SqliteCourtJournal(Store!));

    [Fact]
    public async Task A_schema_3_database_gets_the_keys_of_the_filings_it_already_holds_each_naming_its_latest_filing()
    {
        var journal = new SqliteCourtJournal(Store!);
        var start = new DateTimeOffset(2026, 3, 2, 9, 0, 0, 125, TimeSpan.Zero);
        await journal.AppendAsync("c", [
            IdempotencyKeyJournal.Entry(1, "genesis", start, null),
            IdempotencyKeyJournal.Entry(2, "assign", start, "k-1", number: 1),
            IdempotencyKeyJournal.Entry(3, "queue", start.AddHours(1), "k-2", number: 2),
            IdempotencyKeyJournal.Entry(4, "assign", start.AddHours(2), "k-1", number: 3),
        ]);
        await Store!.DisposeAsync();
        Store = null;
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(Data, "docket.db") }.ToString()))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "DROP TABLE idempotency_key; DROP TABLE finished_case; DROP TABLE ledger_case_ref; PRAGMA user_version = 3;";
            await command.ExecuteNonQueryAsync();
        }
        SqliteConnection.ClearAllPools();

        Store = new SqliteStore(Data, "normal", NullLogger<SqliteStore>.Instance, SqliteStore.Inline);
        journal = new SqliteCourtJournal(Store);
        Assert.Equal(new KeyedFiling(4, "c-3"), await journal.FindKeyAsync("c", "k-1", start.AddHours(2)));
        Assert.Equal(new KeyedFiling(3, "c-2"), await journal.FindKeyAsync("c", "k-2", start.AddHours(1)));
        Assert.Null(await journal.FindKeyAsync("c", "k-2", start.AddHours(1).AddMilliseconds(1)));
    }
}

public sealed class PostgresIdempotencyKeyTests : PostgresStoreTest
{
    [Fact]
    public Task The_PostgreSQL_journal_keeps_finds_and_forgets_keys_with_their_filings() =>
        IdempotencyKeyJournal.KeepsFindsAndForgetsKeys(new PostgresCourtJournal(Store));
}

/// <summary>
/// A retry whose look-up of storage began before the first filing under its key was decided, and read storage before
/// that filing was written, is still answered with the first case: the court keeps the filing for look-ups on their way.
/// </summary>
public sealed class HeldKeyLookupTests
{
    [Fact]
    public async Task A_retry_whose_look_up_read_storage_before_the_first_filing_was_written_gets_the_first_case()
    {
        var journal = new HeldLookups(new InMemoryCourtJournal(), "k-held");
        await using var server = new DocketFactory(services: s => s.AddSingleton<ICourtJournal>(journal));
        var registrar = server.ClientFor(TestUsers.Registrar);
        await registrar.FileAsync("simple_civil");

        var first = registrar.FileAsync("simple_civil", key: "k-held");
        await journal.Started[0].Task;
        var second = registrar.FileAsync("simple_civil", key: "k-held");
        await journal.Started[1].Task;
        journal.Answer[0].SetResult();
        var filed = await first;
        // The second look-up answers now, as a read made before the first filing was written would: nothing stored.
        journal.Answer[1].SetResult();
        var retried = await second;

        Assert.Equal(filed.Str("id"), retried.Str("id"));
        Assert.True(retried.GetProperty("replayed").GetBoolean());
    }

    /// <summary>Look-ups of one key that wait to be answered, each answering "not stored"; everything else passes through.</summary>
    private sealed class HeldLookups(ICourtJournal inner, string heldKey) : CourtJournalDecorator(inner)
    {
        private int _calls;

        public TaskCompletionSource[] Started { get; } = [new(), new()];

        public TaskCompletionSource[] Answer { get; } = [new(), new()];

        public override async Task<KeyedFiling?> FindKeyAsync(string court, string key, DateTimeOffset filedSince, CancellationToken cancellationToken = default)
        {
            if (key != heldKey)
            {
                return await Inner.FindKeyAsync(court, key, filedSince, cancellationToken);
            }
            var call = Interlocked.Increment(ref _calls) - 1;
            Started[call].SetResult();
            await Answer[call].Task;
            return null;
        }
    }
}
