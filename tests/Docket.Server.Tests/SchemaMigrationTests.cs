using System.Globalization;
using System.Net;
using Microsoft.Data.Sqlite;

namespace Docket.Server.Tests;

/// <summary>
/// A data directory written before schema 3 (when each case's record was also stored, in <c>grain_state</c>) starts:
/// the migration drops the copies, and every case reads as before, from the ledger.
/// </summary>
public sealed class SchemaMigrationTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "docket-migrate-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_schema_2_data_directory_with_stored_case_copies_starts_and_reads_every_case_from_its_ledger()
    {
        var cases = new Dictionary<string, string>();
        await using (var first = new DocketFactory(_data))
        {
            var registrar = first.ClientFor(TestUsers.Registrar);
            for (var i = 0; i < 5; i++)
            {
                var filed = await registrar.FileAsync("simple_civil");
                cases[filed.Str("id")] = filed.Str("team");
            }
        }

        // Back to schema 2 as it was written: the table of case copies (with a copy the case no longer agrees with).
        await ExecuteAsync("""
            CREATE TABLE grain_state (
                state_name TEXT NOT NULL,
                grain_id TEXT NOT NULL,
                etag INTEGER NOT NULL,
                payload BLOB NOT NULL,
                updated_at TEXT NOT NULL,
                PRIMARY KEY (state_name, grain_id)) WITHOUT ROWID;
            INSERT INTO grain_state VALUES ('case', 'docket.live.case-grain/live-1', 1, x'00', '2026-01-01T00:00:00Z');
            DROP TABLE idempotency_key;
            PRAGMA user_version = 2;
            """);

        await using var second = new DocketFactory(_data);
        var president = second.ClientFor(TestUsers.President);
        foreach (var (id, team) in cases)
        {
            var (status, body, _) = await president.GetJsonAsync($"/api/cases/{id}");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(team, body.GetProperty("case").Str("team"));
        }
        Assert.Equal(Docket.Server.Storage.SqliteStore.SchemaVersion, (int)await ScalarAsync("PRAGMA user_version"));
        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM sqlite_master WHERE name = 'grain_state'"));
    }

    private string Connection => new SqliteConnectionStringBuilder { DataSource = Path.Combine(_data, "docket.db") }.ToString();

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(Connection);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(Connection);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
