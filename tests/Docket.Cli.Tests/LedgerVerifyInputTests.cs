using Microsoft.Data.Sqlite;

namespace Docket.Cli.Tests;

/// <summary>
/// `docket ledger verify` refuses stores it cannot read as a service's ledgers with exit 2 and a message naming the
/// option and the file, not exit 1 (internal failure): a docket.db that is not a SQLite database, one without the
/// ledger's tables or without any court's ledger, a --postgres connection string that does not parse, and --data with --postgres.
/// </summary>
public sealed class LedgerVerifyInputTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "docket-ledger-input-" + Guid.NewGuid().ToString("N"));

    public LedgerVerifyInputTests() => Directory.CreateDirectory(_data);

    private static string Scenario => Path.Combine(CliRunner.RepoRoot(), "scenarios", "xicheng-pooled.yaml");

    private string Database => Path.Combine(_data, "docket.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task A_docket_db_that_is_not_a_sqlite_database_exits_2_naming_the_file()
    {
        await File.WriteAllTextAsync(Database, "not a database, only text long enough to fill a SQLite header and then some more of it\n");
        var (exit, output, error) = await CliRunner.RunAsync("ledger", "verify", Scenario, "--data", _data);
        Assert.True(exit == 2, output + error);
        Assert.Contains($"--data: '{Database}' is not a SQLite database", error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal failure", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sqlite_database_without_the_ledger_table_exits_2_naming_the_file_and_the_table()
    {
        using (var connection = new SqliteConnection($"Data Source={Database};Pooling=false"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE court_secret (court TEXT, epoch INTEGER, secret TEXT)";
            command.ExecuteNonQuery();
        }
        var (exit, output, error) = await CliRunner.RunAsync("ledger", "verify", Scenario, "--data", _data);
        Assert.True(exit == 2, output + error);
        Assert.Contains($"--data: '{Database}' is a SQLite database without the ledger's tables (no ledger)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_store_holding_no_courts_ledger_exits_2_saying_nothing_was_verified()
    {
        using (var connection = new SqliteConnection($"Data Source={Database};Pooling=false"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE ledger (court TEXT, seq INTEGER, kind TEXT, case_id TEXT, entry TEXT, hash TEXT); CREATE TABLE court_secret (court TEXT, epoch INTEGER, secret TEXT)";
            command.ExecuteNonQuery();
        }
        var (exit, output, error) = await CliRunner.RunAsync("ledger", "verify", Scenario, "--data", _data);
        Assert.True(exit == 2, output + error);
        Assert.Contains($"--data {_data}: the store holds no court's ledger, so nothing was verified", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_docket_db_exits_2_as_a_database_without_the_ledger_s_tables()
    {
        await File.WriteAllBytesAsync(Database, []);
        var (exit, output, error) = await CliRunner.RunAsync("ledger", "verify", Scenario, "--data", _data);
        Assert.True(exit == 2, output + error);
        Assert.Contains("without the ledger's tables (no ledger, court_secret)", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("garbage=")]
    [InlineData("Host=127.0.0.1;Port=not-a-port")]
    [InlineData("no equals sign")]
    public async Task A_postgres_connection_string_that_does_not_parse_exits_2_naming_the_option(string connection)
    {
        var (exit, output, error) = await CliRunner.RunAsync("ledger", "verify", Scenario, "--postgres", connection);
        Assert.True(exit == 2, output + error);
        Assert.StartsWith("--postgres: not a PostgreSQL connection string", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_postgres_connection_string_with_an_unknown_keyword_names_it()
    {
        var (exit, output, error) = await CliRunner.RunAsync("ledger", "verify", Scenario, "--postgres", "Host=127.0.0.1;garbage=1");
        Assert.True(exit == 2, output + error);
        Assert.Contains("garbage", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not hex at all")]
    [InlineData("abc")]
    public async Task A_stored_secret_that_is_not_hex_makes_the_ledger_invalid_exit_3_not_an_internal_failure(string secret)
    {
        var ledger = Path.Combine(CliRunner.RepoRoot(), "scenarios", "xicheng-pooled.ledger.jsonl");
        using (var connection = new SqliteConnection($"Data Source={Database};Pooling=false"))
        {
            connection.Open();
            using var schema = connection.CreateCommand();
            schema.CommandText = """
                CREATE TABLE ledger (court TEXT NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL, case_id TEXT, entry TEXT NOT NULL, hash TEXT NOT NULL, PRIMARY KEY (court, seq));
                CREATE TABLE court_secret (court TEXT NOT NULL, epoch INTEGER NOT NULL, secret TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (court, epoch));
                """;
            schema.ExecuteNonQuery();
            foreach (var line in File.ReadLines(ledger))
            {
                var e = Docket.Domain.Ledger.LedgerEntry.Parse(line);
                using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO ledger VALUES ($court, $seq, $kind, $case, $entry, $hash)";
                insert.Parameters.AddWithValue("$court", e.Court);
                insert.Parameters.AddWithValue("$seq", e.Seq);
                insert.Parameters.AddWithValue("$kind", e.Kind);
                insert.Parameters.AddWithValue("$case", (object?)e.Case ?? DBNull.Value);
                insert.Parameters.AddWithValue("$entry", line);
                insert.Parameters.AddWithValue("$hash", Docket.Domain.Ledger.LedgerHash.Of(line));
                insert.ExecuteNonQuery();
            }
            using var stored = connection.CreateCommand();
            stored.CommandText = "INSERT INTO court_secret VALUES ('xicheng-pooled', 1, $secret, '2026-01-05T08:00:00Z')";
            stored.Parameters.AddWithValue("$secret", secret);
            stored.ExecuteNonQuery();
        }

        var (exit, output, error) = await CliRunner.RunAsync("ledger", "verify", Scenario, "--data", _data);
        Assert.True(exit == 3, output + error);
        Assert.Contains("court xicheng-pooled: INVALID at entry 1: the stored secret of epoch 1 does not match its commitment", output, StringComparison.Ordinal);
        Assert.DoesNotContain("internal failure", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Data_and_postgres_together_exit_2_as_conflicting()
    {
        var (exit, output, error) = await CliRunner.RunAsync("ledger", "verify", Scenario, "--data", _data, "--postgres", "Host=127.0.0.1;Database=docket");
        Assert.True(exit == 2, output + error);
        Assert.Contains("--data and --postgres name two stores of ledgers: give one", error, StringComparison.Ordinal);
    }
}
