using Docket.Server.Storage.Postgres;

namespace Docket.Server.Tests.Cluster;

/// <summary>The <c>migrate</c> command against a fresh database: creates the schema once, and finds nothing to do after.</summary>
public sealed class PostgresMigrationTests : IAsyncLifetime, IUsesClusterStores
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
    public async Task Migrating_at_once_from_four_places_applies_each_migration_exactly_once()
    {
        var versions = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => DocketServer.MigrateAsync(["--postgres", _database!.ConnectionString])));

        Assert.All(versions, v => Assert.Equal(PostgresSchema.Version, v));
        Assert.Equal((long)PostgresSchema.Version, await _database!.ScalarAsync("SELECT count(*) FROM docket.schema_version"));
        Assert.Equal(0L, await _database.ScalarAsync("SELECT count(*) FROM docket.cases"));
        Assert.Equal(PostgresSchema.Version, await DocketServer.MigrateAsync(["--postgres", _database.ConnectionString]));
    }

    [Fact]
    public async Task A_schema_newer_than_the_service_stops_the_start()
    {
        await DocketServer.MigrateAsync(["--postgres", _database!.ConnectionString]);
        await _database.ExecuteAsync("INSERT INTO docket.schema_version (version, description) VALUES ($1, 'from the future')", PostgresSchema.Version + 1);

        var e = await Assert.ThrowsAsync<StartupException>(() => DocketServer.MigrateAsync(["--postgres", _database.ConnectionString]));
        Assert.Contains("newer", e.Message);
    }
}
