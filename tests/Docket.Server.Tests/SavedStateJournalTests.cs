using System.Buffers;
using Docket.Grains;
using Docket.Server.Storage;
using Docket.Server.Storage.Postgres;
using Docket.Server.Tests.Cluster;

namespace Docket.Server.Tests;

/// <summary>
/// A court's saved state in each store (memory, SQLite's file, PostgreSQL): a state at a later or the same position
/// replaces the stored one — a court saves at the same position only after setting the stored state aside (written by
/// an earlier version), and were it kept, every start would replay the whole ledger again — and an earlier one never
/// does.
/// </summary>
public static class SavedStateJournal
{
    public static async Task ALaterOrTheSamePositionReplacesAnEarlierNever(ICourtJournal journal)
    {
        Assert.Null(await journal.ReadStateSeqAsync("live"));
        await journal.SaveStateAsync("live", 100, State(1));
        await journal.SaveStateAsync("live", 100, State(2));
        Assert.Equal((100L, Hex(State(2))), Read(await journal.ReadStateAsync("live")));
        await journal.SaveStateAsync("live", 150, State(3));
        await journal.SaveStateAsync("live", 120, State(4));
        Assert.Equal((150L, Hex(State(3))), Read(await journal.ReadStateAsync("live")));
        // The position alone, as the background verification reads it before it gets there.
        Assert.Equal(150L, await journal.ReadStateSeqAsync("live"));
    }

    private static ReadOnlySequence<byte> State(byte mark) => new([mark, mark, mark, 7, 7]);

    private static string Hex(ReadOnlySequence<byte> state) => Convert.ToHexString(state.ToArray());

    private static (long, string) Read(SavedCourtState? saved) => (saved!.Seq, Convert.ToHexString(saved.State));
}

public sealed class InMemorySavedStateJournalTests
{
    [Fact]
    public Task The_memory_journal_replaces_a_state_at_the_same_position() =>
        SavedStateJournal.ALaterOrTheSamePositionReplacesAnEarlierNever(new InMemoryCourtJournal());
}

public sealed class SqliteSavedStateJournalTests : SqliteStoreTest
{
    [Fact]
    public Task The_SQLite_journal_replaces_a_state_at_the_same_position() =>
        SavedStateJournal.ALaterOrTheSamePositionReplacesAnEarlierNever(new SqliteCourtJournal(Store!));
}

public sealed class PostgresSavedStateJournalTests : PostgresStoreTest
{
    [Fact]
    public Task The_PostgreSQL_journal_replaces_a_state_at_the_same_position() =>
        SavedStateJournal.ALaterOrTheSamePositionReplacesAnEarlierNever(new PostgresCourtJournal(Store));
}
