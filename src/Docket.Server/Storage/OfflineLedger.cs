using System.Security.Cryptography;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Grains;
using Docket.Server.Storage.Postgres;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Docket.Server.Storage;

/// <summary>
/// A service's stored ledgers read without the service (<c>docket ledger verify</c>): a SQLite data directory opened
/// read-only, or a PostgreSQL store. Nothing is written or migrated.
/// </summary>
public abstract class OfflineLedger : IAsyncDisposable
{
    /// <summary>SQLITE_NOTADB: the file is not a SQLite database.</summary>
    private const int SqliteNotADatabase = 26;

    /// <summary>Entries of the court after <paramref name="afterSeq"/>, in order, at most <paramref name="limit"/>.</summary>
    public abstract Task<IReadOnlyList<LedgerRecord>> ReadAsync(string court, long afterSeq, int limit);

    public abstract Task<IReadOnlyList<CourtSecret>> ReadSecretsAsync(string court);

    /// <summary>The courts that have a ledger.</summary>
    public abstract Task<IReadOnlyList<string>> CourtsAsync();

    public abstract ValueTask DisposeAsync();

    /// <summary>
    /// One court's ledger through the domain's <see cref="ChainVerifier"/>, page by page, with the witness's checkpoints
    /// (<paramref name="witnessDirectory"/>, checked against <paramref name="key"/>) streamed alongside: memory is a page
    /// and the court's state, not the ledger. <see cref="ArgumentException"/> when the witness was signed by another key.
    /// </summary>
    public async Task<LedgerVerification> VerifyAsync(Court court, string? witnessDirectory, ECDsa? key, int page = 10_000)
    {
        var secrets = (await ReadSecretsAsync(court.Id)).ToDictionary(s => s.Epoch, s => s.SecretHex);
        var verifier = new ChainVerifier(court, epoch => secrets.GetValueOrDefault(epoch));
        using var checkpoints = (witnessDirectory is null || key is null ? [] : WitnessFiles.ReadForward(WitnessFiles.PathOf(witnessDirectory, court.Id))).GetEnumerator();
        // A spoiled witness line fails the chain after the checkpoint read before it; the entries up to that checkpoint
        // are verified first, so a problem among them, earlier in the chain, is the one reported.
        SpoiledWitnessException? spoiled = null;
        bool Next()
        {
            try
            {
                return checkpoints.MoveNext();
            }
            catch (SpoiledWitnessException e)
            {
                spoiled = e;
                return false;
            }
        }
        var more = Next();
        if (more && checkpoints.Current.Key != LedgerKey.IdOf(key!))
        {
            throw new ArgumentException($"court {court.Id}'s checkpoints are signed by key {checkpoints.Current.Key}, not by {LedgerKey.IdOf(key!)}");
        }
        while (verifier.Failure is null)
        {
            var records = await ReadAsync(court.Id, verifier.Seq, page);
            var last = records.Count == page ? records[^1].Seq : long.MaxValue;
            var chunk = new List<SignedCheckpoint>();
            while (more && checkpoints.Current.Checkpoint.Seq <= last)
            {
                chunk.Add(checkpoints.Current);
                more = Next();
            }
            if (key is not null && verifier.Witness(chunk, key) is not null
                || verifier.Feed(spoiled is null ? records : records.Where(r => r.Seq <= spoiled.AfterSeq)) is not null)
            {
                break;
            }
            if (spoiled is not null)
            {
                return verifier.SpoiledWitness(spoiled);
            }
            if (records.Count < page)
            {
                break;
            }
        }
        return verifier.Failure ?? verifier.Finish();
    }

    /// <summary>
    /// The SQLite database of a data directory; <see cref="ArgumentException"/> when there is none, or the file is not
    /// a SQLite database, or one without the ledger's tables.
    /// </summary>
    public static OfflineLedger Sqlite(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, "docket.db");
        if (!Directory.Exists(dataDirectory))
        {
            throw new ArgumentException($"--data: no such directory '{dataDirectory}'");
        }
        if (!File.Exists(path))
        {
            throw new ArgumentException($"--data: no ledger database docket.db in '{dataDirectory}'");
        }
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        var missing = new List<string> { "ledger", "court_secret" };
        try
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                missing.Remove(reader.GetString(0));
            }
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteNotADatabase)
        {
            throw new ArgumentException($"--data: '{path}' is not a SQLite database");
        }
        if (missing.Count > 0)
        {
            throw new ArgumentException($"--data: '{path}' is a SQLite database without the ledger's tables (no {string.Join(", ", missing)})");
        }
        return new SqliteLedger(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly }.ToString());
    }

    /// <summary>A PostgreSQL store (the service's schema); <see cref="ArgumentException"/> when the connection string does not parse.</summary>
    public static OfflineLedger Postgres(string connectionString)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (KeyNotFoundException)
        {
            // Npgsql's own message for a keyword it does not know, given no value, is the dictionary's, naming nothing.
            throw new ArgumentException("--postgres: not a PostgreSQL connection string (a keyword Npgsql does not know, with no value)");
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"--postgres: not a PostgreSQL connection string ({e.Message})");
        }
        return new PostgresLedger(connectionString);
    }

    private sealed class SqliteLedger(string connectionString) : OfflineLedger
    {
        public override async Task<IReadOnlyList<LedgerRecord>> ReadAsync(string court, long afterSeq, int limit)
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT seq, kind, case_id, entry, hash FROM ledger WHERE court = $c AND seq > $a ORDER BY seq LIMIT $l";
            command.Parameters.AddWithValue("$c", court);
            command.Parameters.AddWithValue("$a", afterSeq);
            command.Parameters.AddWithValue("$l", limit);
            await using var reader = await command.ExecuteReaderAsync();
            return await LedgerRows.ReadAsync(reader, court, CancellationToken.None);
        }

        public override async Task<IReadOnlyList<CourtSecret>> ReadSecretsAsync(string court)
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT epoch, secret FROM court_secret WHERE court = $c ORDER BY epoch";
            command.Parameters.AddWithValue("$c", court);
            var result = new List<CourtSecret>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                result.Add(new CourtSecret(court, reader.GetInt32(0), reader.GetString(1)));
            }
            return result;
        }

        public override async Task<IReadOnlyList<string>> CourtsAsync()
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT DISTINCT court FROM ledger ORDER BY court";
            var result = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                result.Add(reader.GetString(0));
            }
            return result;
        }

        public override ValueTask DisposeAsync()
        {
            SqliteConnection.ClearAllPools();
            return ValueTask.CompletedTask;
        }
    }

    private sealed class PostgresLedger : OfflineLedger
    {
        private readonly PostgresStore _store;
        private readonly PostgresCourtJournal _journal;

        public PostgresLedger(string connectionString)
        {
            _store = new PostgresStore(connectionString, 1, NullLogger<PostgresStore>.Instance);
            _journal = new PostgresCourtJournal(_store);
        }

        public override Task<IReadOnlyList<LedgerRecord>> ReadAsync(string court, long afterSeq, int limit) => _journal.ReadAsync(court, afterSeq, limit);

        public override Task<IReadOnlyList<CourtSecret>> ReadSecretsAsync(string court) => _journal.ReadSecretsAsync(court);

        public override async Task<IReadOnlyList<string>> CourtsAsync()
        {
            await using var command = _store.DataSource.CreateCommand("SELECT court FROM docket.ledger_head ORDER BY court");
            var result = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                result.Add(reader.GetString(0));
            }
            return result;
        }

        public override ValueTask DisposeAsync() => _store.DisposeAsync();
    }
}
