using System.Threading.Channels;
using Npgsql;

namespace Docket.Server.Storage.Postgres;

/// <summary>
/// The service's PostgreSQL database (schema <c>docket</c>): the courts' ledgers, their seed
/// secrets, shared by every silo of a cluster. Writes are queued and committed in batches (group commit): a writer
/// sends everything queued while its previous commit was on its way as one batch of statements, which PostgreSQL
/// runs as one transaction, and each write's task completes only after that transaction has committed (durable with
/// <c>synchronous_commit=on</c>). A court's ledger appends always go through the same writer, so they commit in the
/// order the court made them. Readers use pooled connections.
/// </summary>
public sealed class PostgresStore : IAsyncDisposable
{
    private const int MaxBatch = 256;

    private readonly Channel<PostgresWrite>[] _queues;
    private readonly Task[] _loops;
    private readonly ILogger<PostgresStore> _logger;
    private int _next;

    public PostgresStore(string connectionString, int writers, ILogger<PostgresStore> logger)
    {
        _logger = logger;
        if (writers is < 1 or > 64)
        {
            throw new StartupException($"Docket:Storage:Postgres:Writers: {writers} is not between 1 and 64");
        }
        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new StartupException($"Docket:Storage:Postgres:ConnectionString: {e.Message}");
        }
        Describe = $"{parsed.Host}:{parsed.Port}/{parsed.Database}";
        // The same few statements run for every filing: let Npgsql prepare them once per connection (PostgreSQL
        // then skips parsing and planning), unless the connection string says otherwise.
        if (!connectionString.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase)
            && !connectionString.Contains("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            parsed.MaxAutoPrepare = 32;
            parsed.AutoPrepareMinUsages = 2;
        }
        DataSource = NpgsqlDataSource.Create(parsed.ConnectionString);
        _queues = new Channel<PostgresWrite>[writers];
        _loops = new Task[writers];
        for (var i = 0; i < writers; i++)
        {
            var queue = Channel.CreateUnbounded<PostgresWrite>(new UnboundedChannelOptions { SingleReader = true });
            _queues[i] = queue;
            _loops[i] = Task.Run(() => WriteLoopAsync(queue.Reader));
        }
    }

    /// <summary>host:port/database, for logs (never the password).</summary>
    public string Describe { get; }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>Creates or migrates the schema (see <see cref="PostgresMigrator"/>).</summary>
    public Task<int> MigrateAsync(CancellationToken cancellationToken) => PostgresMigrator.MigrateAsync(DataSource, _logger, cancellationToken);

    /// <summary>Queues a write on the writer that keeps <paramref name="orderKey"/>'s writes in order (any writer when null).</summary>
    internal Task<T> WriteAsync<T>(string? orderKey, Func<NpgsqlBatchCommand[]> statements, Func<NpgsqlBatchCommand[], T> result)
    {
        var op = new PostgresWrite<T>(statements, result);
        var index = orderKey is null
            ? (int)((uint)Interlocked.Increment(ref _next) % (uint)_queues.Length)
            : (int)((uint)StringComparer.Ordinal.GetHashCode(orderKey) % (uint)_queues.Length);
        if (!_queues[index].Writer.TryWrite(op))
        {
            throw new ObjectDisposedException(nameof(PostgresStore));
        }
        return op.Task;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var queue in _queues)
        {
            queue.Writer.TryComplete();
        }
        await Task.WhenAll(_loops);
        await DataSource.DisposeAsync();
    }

    private async Task WriteLoopAsync(ChannelReader<PostgresWrite> reader)
    {
        var batch = new List<PostgresWrite>(MaxBatch);
        while (await reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && reader.TryRead(out var op))
            {
                batch.Add(op);
            }
            try
            {
                await CommitAsync(batch);
            }
            catch (PostgresException e) when (batch.Count > 1)
            {
                // One write broke the batch's transaction (nothing of it committed): commit each alone, so only
                // that one fails.
                _logger.LogWarning(e, "PostgreSQL {Database}: a batch of {Count} writes failed; writing them one by one", Describe, batch.Count);
                foreach (var op in batch)
                {
                    try
                    {
                        await CommitAsync([op]);
                    }
                    catch (Exception single)
                    {
                        op.Fail(single);
                    }
                }
            }
            catch (Exception e)
            {
                _logger.LogError(e, "PostgreSQL {Database}: a transaction of {Count} writes failed", Describe, batch.Count);
                foreach (var op in batch)
                {
                    op.Fail(e);
                }
            }
        }
    }

    /// <summary>
    /// One round trip: the statements of all the writes as one batch, which PostgreSQL runs in one implicit
    /// transaction (all commit, or none).
    /// </summary>
    private async Task CommitAsync(List<PostgresWrite> writes)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(connection);
        foreach (var op in writes)
        {
            op.AddTo(batch);
        }
        await batch.ExecuteNonQueryAsync();
        foreach (var op in writes)
        {
            op.Complete();
        }
    }
}
