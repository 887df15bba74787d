using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Docket.Server.Storage;

/// <summary>
/// The service's SQLite database (<c>docket.db</c> under the data directory): the courts' ledgers, their seed
/// secrets and saved states. One writer connection commits queued writes in batches (group commit: whatever is queued
/// while a commit is on its way goes into the next transaction), and each write's task completes only after its
/// transaction has committed — with <c>synchronous=full</c> in WAL mode, after it is on disk. Readers use their own
/// pooled connections, which WAL lets run beside the writer. The log's pages are copied into the database file as SQLite
/// does by itself, inside the commit that takes the log past 1,000 pages (<c>inline</c>, the default), or by a
/// <see cref="SqliteCheckpointer"/> beside the writer (<c>background</c>). The schema is created and migrated here, keyed by
/// SQLite's <c>user_version</c>.
/// </summary>
public sealed class SqliteStore : IAsyncDisposable
{
    public const int SchemaVersion = 6;

    /// <summary><c>Docket:Storage:Checkpoint</c>: the log is copied into the database beside the writer (<see cref="SqliteCheckpointer"/>).</summary>
    public const string Background = "background";

    /// <summary><c>Docket:Storage:Checkpoint</c>: SQLite's auto-checkpoint, inside the commit that takes the log past 1,000 pages.</summary>
    public const string Inline = "inline";

    private const int MaxBatch = 512;

    private static readonly string[] s_migrations =
    [
        // 1: grain state, ledgers, secrets.
        """
        CREATE TABLE grain_state (
            state_name TEXT NOT NULL,
            grain_id TEXT NOT NULL,
            etag INTEGER NOT NULL,
            payload BLOB NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (state_name, grain_id)) WITHOUT ROWID;
        CREATE TABLE ledger (
            court TEXT NOT NULL,
            seq INTEGER NOT NULL,
            kind TEXT NOT NULL,
            case_id TEXT,
            entry TEXT NOT NULL,
            hash TEXT NOT NULL,
            PRIMARY KEY (court, seq)) WITHOUT ROWID;
        CREATE INDEX ledger_case ON ledger (case_id);
        CREATE TABLE court_secret (
            court TEXT NOT NULL,
            epoch INTEGER NOT NULL,
            secret TEXT NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (court, epoch)) WITHOUT ROWID;
        """,
        // 2: each court's latest saved state, so its activation replays only the ledger after it.
        """
        CREATE TABLE court_state (
            court TEXT NOT NULL PRIMARY KEY,
            seq INTEGER NOT NULL,
            state BLOB NOT NULL,
            saved_at TEXT NOT NULL) WITHOUT ROWID;
        """,
        // 3: cases are no longer stored beside the ledger (each case's record is derived from its entries).
        """
        DROP TABLE grain_state;
        """,
        // 4: idempotency keys beside the ledger, written with their filing (the court holds none in memory); filled
        // from the filings already stored, a key naming its latest filing.
        """
        CREATE TABLE idempotency_key (
            court TEXT NOT NULL,
            key TEXT NOT NULL,
            seq INTEGER NOT NULL,
            case_id TEXT NOT NULL,
            filed_at INTEGER NOT NULL,
            PRIMARY KEY (court, key)) WITHOUT ROWID;
        CREATE INDEX idempotency_key_filed ON idempotency_key (court, filed_at);
        INSERT OR REPLACE INTO idempotency_key (court, key, seq, case_id, filed_at)
            SELECT court, json_extract(entry, '$.idempotency_key'), seq, case_id,
                   CAST(round((julianday(json_extract(entry, '$.at')) - 2440587.5) * 86400000.0) AS INTEGER)
            FROM ledger
            WHERE kind IN ('assign', 'queue') AND json_extract(entry, '$.idempotency_key') IS NOT NULL
            ORDER BY court, seq;
        """,
        // 5: a row for each finished case, written with the entry that finished it (the court keeps none in memory).
        // Left empty here: a court whose saved state is of the version before writes its rows as it replays its
        // ledger once.
        """
        CREATE TABLE finished_case (
            court TEXT NOT NULL,
            number INTEGER NOT NULL,
            finished_seq INTEGER NOT NULL,
            filed_at INTEGER NOT NULL,
            closed_at INTEGER NOT NULL,
            last_stage_at INTEGER NOT NULL,
            filing_seq INTEGER NOT NULL,
            team TEXT NOT NULL,
            type TEXT NOT NULL,
            extensions INTEGER NOT NULL,
            suspended_days REAL NOT NULL,
            PRIMARY KEY (court, number)) WITHOUT ROWID;
        CREATE INDEX finished_case_last_stage ON finished_case (court, last_stage_at, number);
        """,
        // 6: the cases an entry names besides its own (a review draw's files), written with the entry, so a case's
        // entries read back from storage are every entry that changed it; filled from the draws already stored.
        """
        CREATE TABLE ledger_case_ref (
            court TEXT NOT NULL,
            case_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            PRIMARY KEY (court, case_id, seq)) WITHOUT ROWID;
        INSERT OR IGNORE INTO ledger_case_ref (court, case_id, seq)
            SELECT l.court, j.value, l.seq FROM ledger l, json_each(l.entry, '$.eligible') j
            WHERE l.kind = 'review_draw';
        """,
    ];

    private readonly Channel<Write> _queue = Channel.CreateUnbounded<Write>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SqliteConnection _writer;
    private readonly SqliteWriter _context;
    private readonly Task _loop;
    private readonly ILogger<SqliteStore> _logger;
    private readonly SqliteCheckpointer? _checkpointer;
    private readonly ConcurrentDictionary<string, ConcurrentBag<SqliteCommand>> _prepared = new(StringComparer.Ordinal);

    public SqliteStore(string dataDirectory, string synchronous, ILogger<SqliteStore> logger, string checkpoint, CheckpointPolicy? policy = null)
    {
        _logger = logger;
        Directory.CreateDirectory(dataDirectory);
        Path = System.IO.Path.GetFullPath(System.IO.Path.Combine(dataDirectory, "docket.db"));
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();
        var sync = synchronous.ToLowerInvariant() switch
        {
            "full" => "FULL",
            "normal" => "NORMAL",
            _ => throw new StartupException($"Docket:Storage:Synchronous: '{synchronous}' is neither full nor normal"),
        };
        var background = checkpoint.ToLowerInvariant() switch
        {
            Background => true,
            Inline => false,
            _ => throw new StartupException($"Docket:Storage:Checkpoint: '{checkpoint}' is neither {Background} nor {Inline}"),
        };
        _writer = new SqliteConnection(ConnectionString);
        _writer.Open();
        _context = new SqliteWriter(_writer);
        Execute(_writer, $"PRAGMA journal_mode=WAL; PRAGMA synchronous={sync}; PRAGMA busy_timeout=30000;");
        Migrate();
        if (background)
        {
            Execute(_writer, "PRAGMA wal_autocheckpoint=0;");
            _checkpointer = new SqliteCheckpointer(ConnectionString, policy ?? CheckpointPolicy.Default, logger);
        }
        _loop = Task.Run(WriteLoopAsync);
    }

    public string Path { get; }

    public string ConnectionString { get; }

    /// <summary>Queues a write; completes after the transaction holding it has committed.</summary>
    public Task<T> WriteAsync<T>(Func<SqliteWriter, T> write)
    {
        var op = new Write<T>(write);
        if (!_queue.Writer.TryWrite(op))
        {
            throw new ObjectDisposedException(nameof(SqliteStore));
        }
        return op.Task;
    }

    /// <summary>A reading connection (pooled), opened.</summary>
    public async Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>
    /// A hot read (a look-up per request): run on a reading connection kept open with its statement compiled, taken
    /// from a pool per SQL text — no open and no compile per call. SQLite reads are synchronous; so is this.
    /// </summary>
    public T Read<T>(string sql, Func<SqliteCommand, T> read)
    {
        var pool = _prepared.GetOrAdd(sql, _ => []);
        if (!pool.TryTake(out var command))
        {
            var connection = new SqliteConnection(ConnectionString);
            connection.Open();
            command = connection.CreateCommand();
            command.CommandText = sql;
        }
        try
        {
            command.Parameters.Clear();
            return read(command);
        }
        finally
        {
            pool.Add(command);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _prepared.Values.SelectMany(p => p))
        {
            var connection = command.Connection;
            command.Dispose();
            connection?.Dispose();
        }
        _prepared.Clear();
        _queue.Writer.TryComplete();
        await _loop;
        if (_checkpointer is not null)
        {
            await _checkpointer.DisposeAsync();
        }
        _context.Dispose();
        await _writer.DisposeAsync();
        SqliteConnection.ClearPool(new SqliteConnection(ConnectionString));
    }

    private void Migrate()
    {
        using var read = _writer.CreateCommand();
        read.CommandText = "PRAGMA user_version;";
        var version = Convert.ToInt32(read.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        if (version > SchemaVersion)
        {
            throw new StartupException($"{Path}: schema version {version} is newer than this service's {SchemaVersion}");
        }
        for (var v = version; v < SchemaVersion; v++)
        {
            using var tx = _writer.BeginTransaction();
            Execute(_writer, s_migrations[v], tx);
            Execute(_writer, $"PRAGMA user_version={v + 1};", tx);
            tx.Commit();
            _logger.LogInformation("SQLite store {Path}: migrated to schema {Version}", Path, v + 1);
        }
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Write>(MaxBatch);
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && reader.TryRead(out var op))
            {
                batch.Add(op);
            }
            try
            {
                using (var tx = _writer.BeginTransaction())
                {
                    _context.Transaction = tx;
                    foreach (var op in batch)
                    {
                        // A write that refuses (a stale etag, a ledger gap) throws before it changes anything,
                        // so it fails alone and the rest of the batch commits.
                        op.Run(_context);
                    }
                    tx.Commit();
                }
                foreach (var op in batch)
                {
                    op.Complete();
                }
            }
            catch (Exception e)
            {
                _logger.LogError(e, "SQLite store {Path}: a transaction of {Count} writes failed", Path, batch.Count);
                foreach (var op in batch)
                {
                    op.Fail(e);
                }
            }
            FinishCheckpointIfDue();
        }
    }

    /// <summary>Between group commits (the last one acknowledged): the background checkpoint's last pages, when it is due.</summary>
    private void FinishCheckpointIfDue()
    {
        if (_checkpointer is null)
        {
            return;
        }
        _checkpointer.Committed();
        try
        {
            _checkpointer.FinishIfDue(_writer);
        }
        catch (SqliteException e)
        {
            _logger.LogWarning(e, "SQLite store {Path}: finishing a checkpoint failed; the next one tries again", Path);
        }
    }

    internal static void Execute(SqliteConnection connection, string sql, SqliteTransaction? tx = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        command.ExecuteNonQuery();
    }

    private abstract class Write
    {
        public abstract void Run(SqliteWriter writer);

        public abstract void Complete();

        public abstract void Fail(Exception e);
    }

    private sealed class Write<T>(Func<SqliteWriter, T> write) : Write
    {
        private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T _result = default!;
        private Exception? _refused;

        public Task<T> Task => _done.Task;

        public override void Run(SqliteWriter writer)
        {
            try
            {
                _result = write(writer);
            }
            catch (Exception e) when (e is Orleans.Storage.InconsistentStateException or Docket.Grains.LedgerContinuityException)
            {
                _refused = e;
            }
        }

        public override void Complete()
        {
            if (_refused is not null)
            {
                _done.TrySetException(_refused);
            }
            else
            {
                _done.TrySetResult(_result);
            }
        }

        public override void Fail(Exception e) => _done.TrySetException(e);
    }
}
