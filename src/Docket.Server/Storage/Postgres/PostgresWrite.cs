using Npgsql;

namespace Docket.Server.Storage.Postgres;

/// <summary>
/// One queued write: it adds its statements to the batch of a group commit and, once the batch has committed,
/// reads their row counts to decide its result. A write that is refused (a stale etag, a ledger append that does
/// not follow the stored head) changes no row, so it fails alone while the rest of the batch commits.
/// </summary>
internal abstract class PostgresWrite
{
    public abstract void AddTo(NpgsqlBatch batch);

    public abstract void Complete();

    public abstract void Fail(Exception e);
}

/// <summary>A write whose result is computed from its statements' row counts (or that throws to refuse).</summary>
internal sealed class PostgresWrite<T>(Func<NpgsqlBatchCommand[]> statements, Func<NpgsqlBatchCommand[], T> result) : PostgresWrite
{
    private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private NpgsqlBatchCommand[] _commands = [];

    public Task<T> Task => _done.Task;

    public override void AddTo(NpgsqlBatch batch)
    {
        _commands = statements();
        foreach (var command in _commands)
        {
            batch.BatchCommands.Add(command);
        }
    }

    public override void Complete()
    {
        try
        {
            _done.TrySetResult(result(_commands));
        }
        catch (Exception e)
        {
            _done.TrySetException(e);
        }
    }

    public override void Fail(Exception e) => _done.TrySetException(e);
}
