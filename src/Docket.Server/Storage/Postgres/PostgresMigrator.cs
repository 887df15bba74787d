using Npgsql;

namespace Docket.Server.Storage.Postgres;

/// <summary>
/// Creates the <c>docket</c> schema and brings it to <see cref="PostgresSchema.Version"/>: under a session advisory
/// lock (so silos starting at once migrate one after the other, and the second finds nothing to do), each missing
/// migration in its own transaction together with its row in <c>docket.schema_version</c>. A database whose schema
/// is newer than this service's is refused.
/// </summary>
public static class PostgresMigrator
{
    public static async Task<int> MigrateAsync(NpgsqlDataSource dataSource, ILogger logger, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({PostgresSchema.MigrationLock})", cancellationToken);
        try
        {
            await ExecuteAsync(connection, null, """
                CREATE SCHEMA IF NOT EXISTS docket;
                CREATE TABLE IF NOT EXISTS docket.schema_version (
                    version integer PRIMARY KEY,
                    description text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now());
                """, cancellationToken);
            int current;
            await using (var read = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM docket.schema_version", connection))
            {
                current = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            }
            if (current > PostgresSchema.Version)
            {
                throw new StartupException($"Docket:Storage:Postgres: the database's docket schema is at version {current}, newer than this service's {PostgresSchema.Version}");
            }
            for (var v = current; v < PostgresSchema.Version; v++)
            {
                var (description, sql) = PostgresSchema.Migrations[v];
                await using var tx = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, tx, sql, cancellationToken);
                await using (var record = new NpgsqlCommand("INSERT INTO docket.schema_version (version, description) VALUES ($1, $2)", connection, tx))
                {
                    record.Parameters.Add(new NpgsqlParameter { Value = v + 1 });
                    record.Parameters.Add(new NpgsqlParameter { Value = description });
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }
                await tx.CommitAsync(cancellationToken);
                logger.LogInformation("PostgreSQL: docket schema migrated to version {Version} ({Description})", v + 1, description);
            }
            return PostgresSchema.Version;
        }
        finally
        {
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({PostgresSchema.MigrationLock})", CancellationToken.None);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, tx);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
