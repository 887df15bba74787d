using Docket.Server.Storage.Postgres;
using Npgsql;

namespace Docket.Server.Hosting;

/// <summary>Creates or migrates the PostgreSQL schema before the silo starts; an unreachable database fails the start, named.</summary>
internal sealed class PostgresStartup(PostgresStore store, ILogger<PostgresStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var version = await MigrateAsync(store, cancellationToken);
        logger.LogInformation("Storage: PostgreSQL at {Database}, docket schema version {Version}", store.Describe, version);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static async Task<int> MigrateAsync(PostgresStore store, CancellationToken cancellationToken)
    {
        try
        {
            return await store.MigrateAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            throw new StartupException($"Docket:Storage:Postgres:ConnectionString: PostgreSQL at {store.Describe}: {e.Message}");
        }
    }
}
