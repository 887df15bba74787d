using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Docket.Server.Storage.Postgres;
using StackExchange.Redis;

namespace Docket.Server.Tests.Cluster;

/// <summary>
/// Two server processes on loopback forming one Orleans cluster (Redis membership and reminders) over one
/// PostgreSQL database, started at the same moment (so both migrate the schema at once), with filings through
/// both: every acknowledged filing is found exactly once through either silo, case numbers are never given twice,
/// an Idempotency-Key is honoured whichever silo a retry reaches, and the ledger verifies.
/// </summary>
public sealed class TwoSiloTests : IAsyncLifetime, IUsesClusterStores
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "docket-silos-" + Guid.NewGuid().ToString("N"));
    private PostgresDatabase? _database;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        await File.WriteAllTextAsync(Path.Combine(_dir, "users.json"), TestUsers.Json());
        _database = await PostgresDatabase.CreateAsync();
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Filings_through_two_silos_are_each_found_once_through_both_and_the_ledger_verifies()
    {
        var redis = ClusterStores.RequireRedis();
        // A cluster id of its own: nothing left in Redis by an earlier run takes part.
        var clusterId = "docket-test-" + Guid.NewGuid().ToString("N")[..8];
        string[] Args(int silo) =>
        [
            "--storage", "postgres", "--postgres", _database!.ConnectionString,
            "--cluster", "redis", "--redis", redis, $"--Docket:Cluster:ClusterId={clusterId}",
        ];
        var starting = new[] { 0, 1 }.Select(i => ServerProcess.StartAsync(Path.Combine(_dir, $"data-{i}"), Path.Combine(_dir, "users.json"), Args(i))).ToArray();
        await using var a = await starting[0];
        await using var b = await starting[1];
        var silos = new[] { a, b };
        Assert.Equal((long)PostgresSchema.Version, await _database!.ScalarAsync("SELECT count(*) FROM docket.schema_version"));
        // One cluster: Orleans' Redis membership table lists both silos on loopback, active.
        await using (var connection = await ConnectionMultiplexer.ConnectAsync(redis))
        {
            var members = await connection.GetDatabase().HashGetAllAsync($"docket/members/{clusterId}");
            var silosListed = members.Where(m => m.Name.ToString().StartsWith("S127.0.0.1:", StringComparison.Ordinal))
                .Select(m => JsonDocument.Parse(m.Value.ToString()).RootElement.GetProperty("Status").GetInt32()).ToList();
            Assert.Equal([3, 3], silosListed); // SiloStatus.Active
        }

        // Four clients, each alternating between the silos.
        var acknowledged = new ConcurrentDictionary<string, (string Id, string? Team)>();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            var clients = silos.Select(s => Client(s, TestUsers.Registrar)).ToArray();
            for (var i = 0; i < 60; i++)
            {
                var key = $"w{w}-{i}";
                var (status, body, _) = await clients[(w + i) % 2].PostJsonAsync("/api/courts/live/cases",
                    new { type = i % 5 == 0 ? "criminal" : "simple_civil" }, r => r.Headers.Add("Idempotency-Key", key));
                Assert.True(status == HttpStatusCode.Created, $"filing {key} through silo {(w + i) % 2}: {status} {body}");
                acknowledged[key] = (body.Str("id"), body.GetProperty("team").ValueKind == JsonValueKind.Null ? null : body.Str("team"));
            }
        })));
        Assert.Equal(240, acknowledged.Count);

        // One key sent to both silos at once, several times: one case.
        var shared = Guid.NewGuid().ToString("N");
        var racing = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Client(silos[i % 2], TestUsers.Registrar).PostJsonAsync("/api/courts/live/cases", new { type = "simple_civil" },
                r => r.Headers.Add("Idempotency-Key", shared))));
        Assert.All(racing, r => Assert.Equal(HttpStatusCode.Created, r.Status));
        Assert.Single(racing.Select(r => r.Body.Str("id")).Distinct());
        // A retry of an earlier filing through the other silo gets the same case.
        var (retried, again, _) = await Client(b, TestUsers.Registrar).PostJsonAsync("/api/courts/live/cases", new { type = "simple_civil" },
            r => r.Headers.Add("Idempotency-Key", "w0-2"));
        Assert.Equal(HttpStatusCode.Created, retried);
        Assert.Equal(acknowledged["w0-2"].Id, again.Str("id"));
        Assert.True(again.GetProperty("replayed").GetBoolean());

        foreach (var silo in silos)
        {
            var auditor = Client(silo, TestUsers.Auditor);
            var filings = (await CaseApiTests.AllEntriesAsync(auditor)).Where(e => e.Str("kind") is "assign" or "queue").ToList();
            Assert.Equal(241, filings.Count);
            Assert.Equal(filings.Count, filings.Select(e => e.Str("case")).Distinct().Count());
            Assert.Equal(filings.Count, filings.Select(e => e.GetProperty("number").GetInt64()).Distinct().Count());
            var byKey = filings.ToDictionary(e => e.Str("idempotency_key"));
            foreach (var (key, (id, team)) in acknowledged)
            {
                Assert.True(byKey.TryGetValue(key, out var entry), $"filing {key} ({id}) is not in the ledger seen through port {silo.Port}");
                Assert.Equal(id, entry.Str("case"));
                if (team is not null)
                {
                    Assert.Equal(team, entry.Str("team"));
                }
            }
            var (_, verify, _) = await auditor.GetJsonAsync("/api/audit/verify");
            Assert.True(verify.GetProperty("valid").GetBoolean(), verify.ToString());
        }

        // Each case reads the same through either silo.
        foreach (var (id, team) in acknowledged.Values.Take(20))
        {
            foreach (var silo in silos)
            {
                var (status, body, _) = await Client(silo, TestUsers.Registrar).GetJsonAsync($"/api/cases/{id}");
                Assert.Equal(HttpStatusCode.OK, status);
                Assert.Equal(team, body.GetProperty("case").GetProperty("team").ValueKind == JsonValueKind.Null ? null : body.GetProperty("case").Str("team"));
            }
        }

        // And SQL reports the same: one ledger filing and one case row per case.
        Assert.Equal(241L, await _database.ScalarAsync("SELECT count(DISTINCT case_id) FROM docket.ledger WHERE kind IN ('assign', 'queue')"));
        // Case rows are copies stored after the filing is acknowledged (the ledger is the record): allow them a moment.
        object? rows = null;
        for (var i = 0; i < 50 && !Equals(rows, 241L); i++, await Task.Delay(100))
        {
            rows = await _database.ScalarAsync("SELECT count(*) FROM docket.cases WHERE court = 'live'");
        }
        Assert.Equal(241L, rows);
    }

    private static HttpClient Client(ServerProcess silo, string apiKey)
    {
        var client = new HttpClient { BaseAddress = silo.Client.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }
}
