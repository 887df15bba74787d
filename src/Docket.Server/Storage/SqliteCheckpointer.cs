using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Docket.Server.Storage;

/// <summary>
/// Copies committed pages from SQLite's write-ahead log into the database file beside the writer instead of inside its
/// commits (<c>Docket:Storage:Checkpoint</c> = <c>background</c>). SQLite's own auto-checkpoint runs in the commit that
/// takes the log past 1,000 pages, so that commit — and every filing of its group — also waits for the copy and the
/// database file's fsync: about 6 ms more, six or seven times a second under the live budget (bench/README.md, "The
/// live filing path's tail", which also says why this is not the default yet). Here a connection of its own copies
/// the log after commits, at most once per <see cref="CheckpointPolicy.Pause"/> (a passive checkpoint: it neither
/// waits for the writer or readers nor holds them up). The log can only start over from its beginning once a
/// checkpoint has copied all of it, which a copy running beside a stream of commits never does; so once a pass finds
/// <see cref="CheckpointPolicy.ResetFrames"/> or more in the log, the writer copies the few pages committed since that
/// pass itself, between two group commits — after the earlier group has been acknowledged — and its next commit starts
/// the log over. Durability is SQLite's either way: a commit is on disk when it returns, and the log restarts only
/// after the database file holding its pages has been synced.
/// </summary>
public sealed partial class SqliteCheckpointer : IAsyncDisposable
{
    private readonly Channel<bool> _commits = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly SqliteConnection _connection;
    private readonly ILogger _logger;
    private readonly CheckpointPolicy _policy;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private volatile bool _resetDue;

    public SqliteCheckpointer(string connectionString, CheckpointPolicy policy, ILogger logger)
    {
        _logger = logger;
        _policy = policy;
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Told by the writer after each commit: there are pages to copy.</summary>
    public void Committed() => _commits.Writer.TryWrite(true);

    /// <summary>
    /// Called by the writer between group commits: when a pass left the log long, copies what is left on the writer's
    /// connection (a few pages), so the next commit starts the log over.
    /// </summary>
    public void FinishIfDue(SqliteConnection writer)
    {
        if (!_resetDue)
        {
            return;
        }
        _resetDue = false;
        Checkpoint(writer);
    }

    /// <summary>A passive checkpoint: the frames the log holds, and how many of them are now in the database file.</summary>
    public static (long Log, long Copied) Checkpoint(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(1), reader.GetInt64(2));
    }

    private async Task LoopAsync()
    {
        while (await _commits.Reader.WaitToReadAsync())
        {
            _commits.Reader.TryRead(out _);
            try
            {
                var (log, _) = Checkpoint(_connection);
                _resetDue = log >= _policy.ResetFrames;
            }
            catch (SqliteException e)
            {
                LogCheckpointFailed(e, _connection.DataSource);
            }
            try
            {
                await Task.Delay(_policy.Pause, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _commits.Writer.TryComplete();
        await _stop.CancelAsync();
        await _loop;
        await _connection.DisposeAsync();
        _stop.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SQLite store {Path}: a background checkpoint failed; the next commit tries again")]
    private partial void LogCheckpointFailed(Exception e, string path);
}

/// <summary>
/// How often the background checkpoint copies the log (<paramref name="Pause"/>: each pass syncs the database file), and
/// from how many log frames (pages) on the writer finishes a pass so that the log starts over (<paramref name="ResetFrames"/>).
/// </summary>
public sealed record CheckpointPolicy(TimeSpan Pause, int ResetFrames)
{
    /// <summary>
    /// Two passes a second; the log starts over after about 16,000 pages (64 MB of 4 KB pages: about two and a half
    /// seconds of filings at 6,000 a second), so the writer's share comes rarely.
    /// </summary>
    public static readonly CheckpointPolicy Default = new(TimeSpan.FromMilliseconds(500), 16_000);
}
