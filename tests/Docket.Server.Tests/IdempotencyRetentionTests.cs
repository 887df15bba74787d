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
        }
    }
}
