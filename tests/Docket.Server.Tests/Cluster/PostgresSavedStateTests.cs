using Docket.Domain.Courts;
using Docket.Server.Storage.Postgres;

namespace Docket.Server.Tests.Cluster;

/// <summary>
/// A court's saved state in PostgreSQL: the court hands the journal the sealed state as a slice of the buffer it
/// writes every save into, and exactly that slice is stored and read back; an older state never replaces a newer.
/// </summary>
public sealed class PostgresSavedStateTests : PostgresStoreTest
{
    [Fact]
    public async Task A_state_saved_from_a_slice_of_a_larger_buffer_reads_back_as_that_slice_and_a_later_one_wins()
    {
        var journal = new PostgresCourtJournal(Store);
        var state = new byte[(2 << 20) + 7];
        Random.Shared.NextBytes(state);
        var buffer = new StateBuffer();
        buffer.Restart(5);
        buffer.Write(state);

        await journal.SaveStateAsync("live", 200, buffer.Written.Slice(5));
        await journal.SaveStateAsync("live", 100, new System.Buffers.ReadOnlySequence<byte>(state, 0, 10));

        var saved = await journal.ReadStateAsync("live");
        Assert.NotNull(saved);
        Assert.Equal(200, saved.Seq);
        Assert.Equal(state, saved.State);
    }
}
