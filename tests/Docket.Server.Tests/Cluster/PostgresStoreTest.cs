using Docket.Server.Storage.Postgres;
using Microsoft.Extensions.Logging.Abstractions;

namespace Docket.Server.Tests.Cluster;

/// <summary>A test class with a PostgreSQL database of its own, migrated, and one writer's store on it.</summary>
public abstract class PostgresStoreTest : IUsesClusterStores, IAsyncLifetime
{
    private PostgresDatabase? _database;

    protected PostgresStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        Store = new PostgresStore(_database.ConnectionString, writers: 1, NullLogger<PostgresStore>.Instance);
        await Store.MigrateAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (Store is not null)
        {
            await Store.DisposeAsync();
        }
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
