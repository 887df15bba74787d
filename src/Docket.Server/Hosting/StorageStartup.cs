using Docket.Server.Storage;

namespace Docket.Server.Hosting;

/// <summary>Opens (and migrates) the SQLite store before the silo starts, so a bad data directory fails the start.</summary>
internal sealed class StorageStartup(SqliteStore store, ILogger<StorageStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Storage: SQLite at {Path}", store.Path);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
