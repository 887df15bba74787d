using System.Globalization;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Orleans.Storage;

namespace Docket.Server.Storage.Postgres;

/// <summary>
/// Orleans grain storage in <c>docket.grain_state</c>: one row per (state name, grain id) holding the state in
/// Orleans' serializer (what grains read), the same state as JSON for SQL reports, and an integer etag checked on
/// every write — a write whose etag is stale (another activation or silo wrote meanwhile) changes nothing and is
/// refused with <see cref="InconsistentStateException"/>. A write completes once its group commit has.
/// </summary>
public sealed class PostgresGrainStorage(PostgresStore store, IGrainStorageSerializer serializer) : IGrainStorage
{
    private const string Select = "SELECT etag, payload FROM docket.grain_state WHERE state_name = $1 AND grain_id = $2";

    private const string Insert = """
        INSERT INTO docket.grain_state (state_name, grain_id, grain_type, grain_key, etag, payload, state, updated_at)
        VALUES ($1, $2, $3, $4, 1, $5, $6, now())
        ON CONFLICT (state_name, grain_id) DO NOTHING
        """;

    private const string Update = """
        UPDATE docket.grain_state SET etag = $3 + 1, payload = $4, state = $5, updated_at = now()
        WHERE state_name = $1 AND grain_id = $2 AND etag = $3
        """;

    private const string Delete = "DELETE FROM docket.grain_state WHERE state_name = $1 AND grain_id = $2 AND ($3::bigint IS NULL OR etag = $3)";

    private static readonly JsonSerializerOptions s_report = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never,
    };

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var command = store.DataSource.CreateCommand(Select);
        command.Parameters.Add(new NpgsqlParameter { Value = stateName });
        command.Parameters.Add(new NpgsqlParameter { Value = grainId.ToString() });
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }
        var etag = reader.GetInt64(0);
        var payload = reader.GetFieldValue<byte[]>(1);
        grainState.State = serializer.Deserialize<T>(new BinaryData(payload));
        grainState.ETag = etag.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = serializer.Serialize(grainState.State).ToArray();
        var report = Report(grainState.State);
        var expected = grainState.ETag is { } e ? long.Parse(e, CultureInfo.InvariantCulture) : (long?)null;
        var id = grainId.ToString();
        var next = await store.WriteAsync(null, () =>
        {
            NpgsqlBatchCommand command;
            if (expected is null)
            {
                command = new NpgsqlBatchCommand(Insert);
                command.Parameters.Add(new NpgsqlParameter { Value = stateName });
                command.Parameters.Add(new NpgsqlParameter { Value = id });
                command.Parameters.Add(new NpgsqlParameter { Value = grainId.Type.ToString() });
                command.Parameters.Add(new NpgsqlParameter { Value = grainId.Key.ToString() });
            }
            else
            {
                command = new NpgsqlBatchCommand(Update);
                command.Parameters.Add(new NpgsqlParameter { Value = stateName });
                command.Parameters.Add(new NpgsqlParameter { Value = id });
                command.Parameters.Add(new NpgsqlParameter { Value = expected.Value });
            }
            command.Parameters.Add(new NpgsqlParameter { Value = payload, NpgsqlDbType = NpgsqlDbType.Bytea });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)report ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Json });
            return [command];
        }, commands =>
        {
            if (commands[0].RecordsAffected != 1)
            {
                throw new InconsistentStateException($"grain {id} ({stateName}): the stored state changed since it was read",
                    grainState.ETag ?? "", "?");
            }
            return (expected ?? 0) + 1;
        });
        grainState.ETag = next.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var expected = grainState.ETag is { } e ? long.Parse(e, CultureInfo.InvariantCulture) : (long?)null;
        var id = grainId.ToString();
        await store.WriteAsync(null, () =>
        {
            var command = new NpgsqlBatchCommand(Delete);
            command.Parameters.Add(new NpgsqlParameter { Value = stateName });
            command.Parameters.Add(new NpgsqlParameter { Value = id });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)expected ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
            return [command];
        }, commands => commands[0].RecordsAffected);
        grainState.ETag = null;
        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
    }

    /// <summary>The state as JSON for reports; null for a state System.Text.Json cannot write (the payload still holds it).</summary>
    internal static string? Report<T>(T state)
    {
        try
        {
            return JsonSerializer.Serialize(state, s_report);
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }
}
