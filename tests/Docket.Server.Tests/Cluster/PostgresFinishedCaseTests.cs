namespace Docket.Server.Tests.Cluster;

/// <summary>The finished-case tests (<see cref="FinishedCaseTests"/>) with the ledger in PostgreSQL.</summary>
public sealed class PostgresFinishedCaseTests : FinishedCaseTests, IUsesClusterStores
{
    private PostgresDatabase? _database;

    protected override async Task<DocketFactory> CreateFactoryAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        var settings = new Dictionary<string, string?>(OneAtHand);
        foreach (var (key, value) in PostgresApiFixture.PostgresSettings(_database))
        {
            settings[key] = value;
        }
        return new DocketFactory(settings: settings);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
