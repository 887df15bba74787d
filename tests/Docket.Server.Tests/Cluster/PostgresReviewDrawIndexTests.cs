using System.Net;
using Docket.Server.Storage.Postgres;

namespace Docket.Server.Tests.Cluster;

/// <summary>
/// The PostgreSQL journal keeps the files a review draw names beside the draw (<c>docket.ledger_case_ref</c>), so a
/// finished file's record, folded from the entries that name it, reads passed over; a database migrated before that
/// has its draws indexed by the migration.
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
            await _database.ExecuteAsync($"DROP TABLE docket.ledger_case_ref; DELETE FROM docket.schema_version WHERE version = {PostgresSchema.Version}");

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
        }
        finally
        {
            File.Delete(scenario);
        }
    }
}
