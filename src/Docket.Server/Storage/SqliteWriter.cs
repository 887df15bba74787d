using Microsoft.Data.Sqlite;

namespace Docket.Server.Storage;

/// <summary>
/// What a queued write gets: the writer connection inside the batch's transaction, and its commands prepared once
/// per SQL text (SQLite compiles a statement once; each write only binds its values). Used by the writer loop alone.
/// </summary>
public sealed class SqliteWriter(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    internal SqliteTransaction? Transaction { get; set; }

    /// <summary>The command for this SQL, its parameters cleared, in the current transaction.</summary>
    public SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            _commands[sql] = command;
        }
        command.Transaction = Transaction;
        command.Parameters.Clear();
        return command;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }
        _commands.Clear();
    }
}
