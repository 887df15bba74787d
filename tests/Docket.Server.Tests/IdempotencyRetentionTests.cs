using System.Net;

namespace Docket.Server.Tests;

/// <summary>
/// An Idempotency-Key is honoured for <c>Docket:Courts:IdempotencyKeyDays</c> after its filing (here 2): a retry within
/// them is answered with the first case, on SQLite and after the court restarted; a filing under the key after them
/// is a new case.
/// </summary>
public sealed class IdempotencyRetentionTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "docket-keys-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_key_is_honoured_within_its_retention_days_and_files_a_new_case_after_them()
    {
        var settings = new Dictionary<string, string?> { ["Docket:Courts:IdempotencyKeyDays"] = "2" };
        string first;
        await using (var server = new DocketFactory(_data, settings))
        {
            var registrar = server.ClientFor(TestUsers.Registrar);
            first = (await registrar.FileAsync("simple_civil", key: "k-retained")).Str("id");
            server.Clock.Advance(TimeSpan.FromDays(1));
            var (status, again, _) = await registrar.PostJsonAsync("/api/courts/live/cases", new { type = "simple_civil" }, r => r.Headers.Add("Idempotency-Key", "k-retained"));
            Assert.Equal(HttpStatusCode.Created, status);
            Assert.Equal(first, again.Str("id"));
            Assert.True(again.GetProperty("replayed").GetBoolean());
        }
        await using (var restarted = new DocketFactory(_data, settings))
        {
            restarted.Clock.Advance(TimeSpan.FromDays(1.5));
            var registrar = restarted.ClientFor(TestUsers.Registrar);
            var (_, within, _) = await registrar.PostJsonAsync("/api/courts/live/cases", new { type = "simple_civil" }, r => r.Headers.Add("Idempotency-Key", "k-retained"));
            Assert.Equal(first, within.Str("id"));
            restarted.Clock.Advance(TimeSpan.FromDays(1));
            var (status, after, _) = await registrar.PostJsonAsync("/api/courts/live/cases", new { type = "simple_civil" }, r => r.Headers.Add("Idempotency-Key", "k-retained"));
            Assert.Equal(HttpStatusCode.Created, status);
            Assert.NotEqual(first, after.Str("id"));
            Assert.False(after.GetProperty("replayed").GetBoolean());
            // From then on the key names the new case.
            var (_, retried, _) = await registrar.PostJsonAsync("/api/courts/live/cases", new { type = "simple_civil" }, r => r.Headers.Add("Idempotency-Key", "k-retained"));
            Assert.Equal(after.Str("id"), retried.Str("id"));
            Assert.True(retried.GetProperty("replayed").GetBoolean());
        }
    }

    [Fact]
    public async Task Stored_keys_past_their_retention_days_are_swept_from_storage_and_newer_ones_stay()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Docket:Courts:IdempotencyKeyDays"] = "2",
            ["Docket:Courts:IdempotencyKeySweepSeconds"] = "1",
        };
        await using var server = new DocketFactory(_data, settings);
        var registrar = server.ClientFor(TestUsers.Registrar);
        await registrar.FileAsync("simple_civil", key: "k-old-1");
        await registrar.FileAsync("simple_civil", key: "k-old-2");
        server.Clock.Advance(TimeSpan.FromDays(3));
        await registrar.FileAsync("simple_civil", key: "k-new");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (Keys().Count > 1 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }
        Assert.Equal(["k-new"], Keys());
    }

    private List<string> Keys()
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(
            new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = Path.Combine(_data, "docket.db"), Mode = Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT key FROM idempotency_key ORDER BY key";
        using var reader = command.ExecuteReader();
        var keys = new List<string>();
        while (reader.Read())
        {
            keys.Add(reader.GetString(0));
        }
        return keys;
    }
}
