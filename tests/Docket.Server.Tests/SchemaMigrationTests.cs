using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Docket.Server.Tests;

/// <summary>
/// A data directory written before schema 3 (when each case's record was also stored, in <c>grain_state</c>) starts:
/// the migration drops the copies, and every case reads as before, from the ledger. One written before schema 5 (no
/// table of finished cases) starts too: its court's replay of its ledger writes the rows. One written before schema 6
/// (review draws not indexed by the files they name) has its draws indexed by the migration.
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
            DROP TABLE finished_case;
            DROP TABLE ledger_case_ref;
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

    [Fact]
    public async Task A_schema_4_data_directory_writes_its_finished_cases_rows_as_its_court_replays_its_ledger_and_counts_as_before()
    {
        string[] nodes = ["served", "hearing_scheduled", "hearing", "judgment", "judgment_online", "archiving"];
        JsonElement kpisBefore;
        await using (var first = new DocketFactory(_data))
        {
            var registrar = first.ClientFor(TestUsers.Registrar);
            var finished = 0;
            for (var i = 0; finished < 2 && i < 60; i++)
            {
                var filed = await registrar.FileAsync("simple_civil");
                var judge = filed.Str("team") switch { "civil-1" => TestUsers.JudgeCivil1, "civil-2" => TestUsers.JudgeCivil2, _ => null };
                if (judge is null)
                {
                    continue;
                }
                foreach (var node in nodes)
                {
                    var (status, body, _) = await first.ClientFor(judge).PostJsonAsync($"/api/cases/{filed.Str("id")}/events", new { node });
                    Assert.True(status == HttpStatusCode.OK, $"{node}: {status} {body}");
                }
                finished++;
            }
            Assert.Equal(2, finished);
            kpisBefore = await KpisAsync(first);
        }
        Assert.Equal(2L, await ScalarAsync("SELECT count(*) FROM finished_case"));

        // Back to schema 4 as it was written: no table of finished cases (the court held a digest of each in memory).
        await ExecuteAsync("""
            DROP TABLE finished_case;
            DROP TABLE ledger_case_ref;
            PRAGMA user_version = 4;
            """);
        if (Directory.Exists(Path.Combine(_data, "court-states")))
        {
            Directory.Delete(Path.Combine(_data, "court-states"), recursive: true);
        }

        await using var second = new DocketFactory(_data);
        var kpisAfter = await KpisAsync(second);
        foreach (var figure in new[] { "filed", "closed", "pending_end" })
        {
            Assert.Equal(kpisBefore.GetProperty(figure).GetInt64(), kpisAfter.GetProperty(figure).GetInt64());
        }
        Assert.Equal(2L, kpisAfter.GetProperty("closed").GetInt64());
        Assert.Equal(2L, await ScalarAsync("SELECT count(*) FROM finished_case"));
    }

    [Fact]
    public async Task A_schema_5_data_directory_has_its_review_draws_indexed_so_a_finished_file_passed_over_reads_not_drawn()
    {
        var scenario = await QualityReviewTests.JudgesFileOnlyScenarioAsync();
        var settings = new Dictionary<string, string?> { ["Docket:Scenario"] = scenario, ["Docket:Courts:FinishedCasesAtHand"] = "0" };
        try
        {
            string[] passedOver;
            await using (var first = new DocketFactory(_data, settings))
            {
                passedOver = await QualityReviewTests.PassedOverAndArchivedAsync(first);
            }
            Assert.Equal(3L, await ScalarAsync("SELECT count(*) FROM ledger_case_ref"));

            // Back to schema 5 as it was written: the draw is only in the ledger, naming its files in its entry.
            await ExecuteAsync("""
                DROP TABLE ledger_case_ref;
                PRAGMA user_version = 5;
                """);

            // The court keeps one finished case at hand: the other is read back from the entries that name it, the
            // draw among them.
            await using var second = new DocketFactory(_data, settings);
            foreach (var id in passedOver)
            {
                var (status, body, _) = await second.ClientFor(TestUsers.President).GetJsonAsync($"/api/cases/{id}");
                Assert.Equal(HttpStatusCode.OK, status);
                Assert.Equal("not_drawn", body.GetProperty("case").Str("review"));
            }
            Assert.Equal(3L, await ScalarAsync("SELECT count(*) FROM ledger_case_ref"));
        }
        finally
        {
            File.Delete(scenario);
        }
    }

    private static async Task<JsonElement> KpisAsync(DocketFactory factory)
    {
        var (status, kpis, _) = await factory.ClientFor(TestUsers.President).GetJsonAsync("/api/courts/live/kpis");
        Assert.Equal(HttpStatusCode.OK, status);
        return kpis;
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
