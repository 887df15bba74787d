using System.Globalization;
using Microsoft.Data.Sqlite;
using Orleans.Storage;

namespace Docket.Server.Storage;

/// <summary>
/// Orleans grain storage over <see cref="SqliteStore"/>: one row per (state name, grain id), the state serialised
/// by Orleans' serializer, an integer etag checked on every write (a stale write is refused with
/// <see cref="InconsistentStateException"/>). A write completes once committed.
/// </summary>
public sealed class SqliteGrainStorage(SqliteStore store, IGrainStorageSerializer serializer) : IGrainStorage
{
    private const string Insert = """
        INSERT INTO grain_state (state_name, grain_id, etag, payload, updated_at) VALUES ($s, $g, 1, $p, $t)
        ON CONFLICT (state_name, grain_id) DO NOTHING
        """;

    private const string Update = """
        UPDATE grain_state SET etag = $v, payload = $p, updated_at = $t
        WHERE state_name = $s AND grain_id = $g AND etag = $e
        """;

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var connection = await store.OpenReaderAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT etag, payload FROM grain_state WHERE state_name = $s AND grain_id = $g";
        command.Parameters.AddWithValue("$s", stateName);
        command.Parameters.AddWithValue("$g", grainId.ToString());
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }
        var etag = reader.GetInt64(0);
        var payload = (byte[])reader.GetValue(1);
        grainState.State = serializer.Deserialize<T>(new BinaryData(payload));
        grainState.ETag = etag.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = serializer.Serialize(grainState.State).ToArray();
        var expected = grainState.ETag;
        var id = grainId.ToString();
        var next = await store.WriteAsync(writer =>
        {
            SqliteCommand command;
            long version;
            if (expected is null)
            {
                version = 1;
                command = writer.Command(Insert);
            }
            else
            {
                version = long.Parse(expected, CultureInfo.InvariantCulture) + 1;
                command = writer.Command(Update);
                command.Parameters.AddWithValue("$v", version);
                command.Parameters.AddWithValue("$e", version - 1);
            }
            command.Parameters.AddWithValue("$s", stateName);
            command.Parameters.AddWithValue("$g", id);
            command.Parameters.AddWithValue("$p", payload);
            command.Parameters.AddWithValue("$t", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            if (command.ExecuteNonQuery() != 1)
            {
                throw new InconsistentStateException($"grain {id} ({stateName}): the stored state changed since it was read", expected ?? "", "?");
            }
            return version;
        });
        grainState.ETag = next.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var expected = grainState.ETag;
        var id = grainId.ToString();
        await store.WriteAsync(writer =>
        {
            var command = writer.Command("DELETE FROM grain_state WHERE state_name = $s AND grain_id = $g AND ($e IS NULL OR etag = $e)");
            command.Parameters.AddWithValue("$s", stateName);
            command.Parameters.AddWithValue("$g", id);
            command.Parameters.AddWithValue("$e", expected is null ? DBNull.Value : long.Parse(expected, CultureInfo.InvariantCulture));
            return command.ExecuteNonQuery();
        });
        grainState.ETag = null;
        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
    }
}
