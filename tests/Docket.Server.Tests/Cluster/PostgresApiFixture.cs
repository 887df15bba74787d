namespace Docket.Server.Tests.Cluster;

/// <summary>The API suite's server with its state and ledger in a fresh PostgreSQL database.</summary>
public sealed class PostgresApiFixture : ApiFixture
{
    private PostgresDatabase? _database;

    protected override async Task<DocketFactory?> CreateFactoryAsync()
    {
        if (ClusterStores.SkipReason is not null)
        {
            return null;
        }
        _database = await PostgresDatabase.CreateAsync();
        return new DocketFactory(settings: PostgresSettings(_database));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>
    /// PostgreSQL storage on the database, with the ledger key and witness in a directory of that database's own (the
    /// same for every server started on it): a witness holds one database's checkpoints, and another database's
    /// ledger would read as cut.
    /// </summary>
    public static Dictionary<string, string?> PostgresSettings(PostgresDatabase database) => new()
    {
        ["Docket:Storage:Kind"] = "postgres",
        ["Docket:Storage:Postgres:ConnectionString"] = database.ConnectionString,
        ["Docket:Storage:DataDirectory"] = Path.Combine(Path.GetTempPath(), "docket-pg-" + Convert.ToHexStringLower(
            System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(database.ConnectionString)))[..16]),
    };
}

[CollectionDefinition(Name)]
public sealed class PostgresApiCollection : ICollectionFixture<PostgresApiFixture>
{
    public const string Name = "api-postgres";
}

/// <summary>The whole API suite (<see cref="CaseApiTests"/>) against PostgreSQL.</summary>
[Collection(PostgresApiCollection.Name)]
public sealed class PostgresCaseApiTests(PostgresApiFixture fixture) : CaseApiTests(fixture), IUsesClusterStores;
