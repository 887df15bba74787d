namespace Docket.Server.Tests.Cluster;

/// <summary>The SIGKILL test (<see cref="CrashTests"/>) with case state and the ledger in a fresh PostgreSQL database.</summary>
public sealed class PostgresCrashTests : CrashTests, IAsyncLifetime, IUsesClusterStores
{
    private PostgresDatabase? _database;

    protected override IReadOnlyList<string> ServerArgs =>
        ["--storage", "postgres", "--postgres", _database?.ConnectionString ?? throw new InvalidOperationException("no database")];

    protected override bool TakesUpWhileStarting => false;

    public async Task InitializeAsync() => _database = await PostgresDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
