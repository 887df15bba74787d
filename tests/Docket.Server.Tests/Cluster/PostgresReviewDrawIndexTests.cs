using System.Net;
using System.Text.Json;
using Docket.Server.Storage.Postgres;

namespace Docket.Server.Tests.Cluster;

/// <summary>
/// The PostgreSQL journal keeps the files a review draw names beside the draw (<c>docket.ledger_case_ref</c>), so a
/// finished file's record, folded from the entries that name it, reads passed over, and the view of cases counts the
/// draw in a file's version; a database migrated before that has its draws indexed by the migration.
/// </summary>
public sealed class PostgresReviewDrawIndexTests : IAsyncLifetime, IUsesClusterStores
{
    private PostgresDatabase? _database;

    public async Task InitializeAsync() => _database = await PostgresDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_finished_file_passed_over_reads_not_drawn_from_its_ledger_also_after_the_migration_indexes_the_draws_already_stored()
    {
        var scenario = await QualityReviewTests.JudgesFileOnlyScenarioAsync();
        var settings = new Dictionary<string, string?>(PostgresApiFixture.PostgresSettings(_database!))
        {
            ["Docket:Scenario"] = scenario,
            ["Docket:Courts:FinishedCasesAtHand"] = "0",
        };
        try
        {
            string[] passedOver;
            await using (var first = new DocketFactory(settings: settings))
            {
                passedOver = await QualityReviewTests.PassedOverAndArchivedAsync(first);
            }
            Assert.Equal(3L, await _database!.ScalarAsync("SELECT count(*) FROM docket.ledger_case_ref"));

            // Back to the schema before the index: the draw is only in the ledger, naming its files in its entry.
            // (The view of cases reads the table since: it goes with it, and the migration makes it again.)
            await _database.ExecuteAsync($"DROP TABLE docket.ledger_case_ref CASCADE; DELETE FROM docket.schema_version WHERE version = {PostgresSchema.Version}");

            // A new silo migrates; its court keeps one finished case at hand and reads the other back from the entries
            // that name it, the draw among them.
            await using var second = new DocketFactory(settings: settings);
            foreach (var id in passedOver)
            {
                var (status, body, _) = await second.ClientFor(TestUsers.President).GetJsonAsync($"/api/cases/{id}");
                Assert.Equal(HttpStatusCode.OK, status);
                Assert.Equal("not_drawn", body.GetProperty("case").Str("review"));
            }
            Assert.Equal(3L, await _database.ScalarAsync("SELECT count(*) FROM docket.ledger_case_ref"));

            // The view of cases gives every case the version the API gives it: a file's last change may be the draw.
            var versions = (string)(await _database.ScalarAsync("SELECT json_object_agg(case_id, ledger_version)::text FROM docket.cases"))!;
            var drawnLast = 0;
            foreach (var row in JsonDocument.Parse(versions).RootElement.EnumerateObject())
            {
                var (status, body, _) = await second.ClientFor(TestUsers.President).GetJsonAsync($"/api/cases/{row.Name}");
                Assert.Equal(HttpStatusCode.OK, status);
                var version = body.GetProperty("case").GetProperty("version").GetInt64();
                Assert.True(version == row.Value.GetInt64(), $"{row.Name}: the API's version {version}, the view's {row.Value}");
                drawnLast += body.GetProperty("case").TryGetProperty("review", out var review) && review.GetString() == "drawn" ? 1 : 0;
            }
            Assert.Equal(1, drawnLast);
        }
        finally
        {
            File.Delete(scenario);
        }
    }
}
