using Docket.Server.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Docket.Server.Tests;

/// <summary>
/// Where SQLite's write-ahead log is copied into the database file (<c>Docket:Storage:Checkpoint</c>): by default beside
/// the writer, never inside a commit, and the log still starts over; <c>inline</c> is SQLite's own auto-checkpoint.
/// </summary>
public sealed class SqliteCheckpointTests : IDisposable
{
    /// <summary>A log frame: a 4 KB page and its header.</summary>
    private const long FrameBytes = 4096 + 24;

    /// <summary>Entries of about a page each, so that every entry adds at least a frame to the log.</summary>
    private const int Entries = 3_000;

    private static readonly string s_entry = new('x', 3_000);

    private readonly string _dir = Directory.CreateTempSubdirectory("docket-checkpoint-").FullName;

    private string DatabaseFile => Path.Combine(_dir, "docket.db");

    private string LogFile => DatabaseFile + "-wal";

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task In_the_background_no_commit_copies_the_log_so_it_grows_until_a_pass_comes()
    {
        // The first pass comes with the first commit; the next one not within the test.
        await using var store = Store(SqliteStore.Background, new CheckpointPolicy(TimeSpan.FromHours(1), int.MaxValue));
        await WriteEntriesAsync(store);

        // Had a commit checkpointed (SQLite's auto-checkpoint at 1,000 pages), the log would have started over.
        Assert.True(new FileInfo(LogFile).Length > Entries / 2 * FrameBytes, $"log of {new FileInfo(LogFile).Length} bytes");
        Assert.Equal(Entries, await CountAsync());
    }

    [Fact]
    public async Task Background_passes_copy_the_log_into_the_database_and_the_writer_starts_it_over()
    {
        await using var store = Store(SqliteStore.Background, new CheckpointPolicy(TimeSpan.FromMilliseconds(5), 100));
        await WriteEntriesAsync(store);

        var log = new FileInfo(LogFile).Length;
        Assert.True(log < Entries / 2 * FrameBytes, $"log of {log} bytes: it did not start over");
        var database = new FileInfo(DatabaseFile).Length;
        Assert.True(database > Entries / 2 * s_entry.Length, $"database file of {database} bytes: the passes copied little");
        Assert.Equal(Entries, await CountAsync());
    }

    [Fact]
    public async Task Inline_leaves_the_checkpoint_to_sqlite_within_its_commits()
    {
        await using var store = Store(SqliteStore.Inline, CheckpointPolicy.Default);
        await WriteEntriesAsync(store);

        // SQLite starts the log over after a commit passes 1,000 pages: the file stays about that long.
        var log = new FileInfo(LogFile).Length;
        Assert.True(log < 1_500 * FrameBytes, $"log of {log} bytes");
        Assert.Equal(Entries, await CountAsync());
    }

    [Fact]
    public void An_unknown_checkpoint_setting_stops_the_start_naming_the_key()
    {
        var e = Assert.Throws<StartupException>(() => Store("sometimes", CheckpointPolicy.Default));
        Assert.Equal("Docket:Storage:Checkpoint: 'sometimes' is neither background nor inline", e.Message);
    }

    /// <summary>With <c>synchronous=full</c>, as served: each commit waits for its sync, as a pass does for its own.</summary>
    private SqliteStore Store(string checkpoint, CheckpointPolicy policy) =>
        new(_dir, "full", NullLogger<SqliteStore>.Instance, checkpoint, policy);

    /// <summary>
    /// The entries one after another, each its own commit (as filings that each wait for theirs): the writer commits
    /// without a pause, so a pass always runs beside a commit and never finds the log at rest.
    /// </summary>
    private static async Task WriteEntriesAsync(SqliteStore store)
    {
        for (var seq = 1; seq <= Entries; seq++)
        {
            var s = seq;
            await store.WriteAsync(writer =>
            {
                var insert = writer.Command("INSERT INTO ledger (court, seq, kind, case_id, entry, hash) VALUES ('c', $s, 'file', NULL, $e, 'h')");
                insert.Parameters.AddWithValue("$s", s);
                insert.Parameters.AddWithValue("$e", s_entry);
                return insert.ExecuteNonQuery();
            });
        }
    }

    private async Task<long> CountAsync()
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabaseFile }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM ledger";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
