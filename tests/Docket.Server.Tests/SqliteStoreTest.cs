using Docket.Server.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Docket.Server.Tests;

/// <summary>A test on a SQLite store of its own, in a temporary data directory deleted afterwards.</summary>
public abstract class SqliteStoreTest : IAsyncLifetime
{
    protected string Data { get; } = Path.Combine(Path.GetTempPath(), "docket-store-" + Guid.NewGuid().ToString("N"));

    /// <summary>The store; a test may dispose it and open another on <see cref="Data"/>.</summary>
    protected SqliteStore? Store { get; set; }

    public Task InitializeAsync()
    {
        Store = new SqliteStore(Data, "normal", NullLogger<SqliteStore>.Instance, SqliteStore.Inline);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (Store is not null)
        {
            await Store.DisposeAsync();
        }
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Data))
        {
            Directory.Delete(Data, recursive: true);
        }
    }
}
