using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Docket.Server.Storage.Postgres;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace Docket.Server.Tests.Cluster;

/// <summary>
/// Two server processes on loopback forming one Orleans cluster (Redis membership and reminders) over one
/// PostgreSQL database, started at the same moment (so both migrate the schema at once), with filings through
/// both: every acknowledged filing is found exactly once through either silo, case numbers are never given twice,
/// an Idempotency-Key is honoured whichever silo a retry reaches, and the ledger verifies; and a silo killed under
/// load: its court moves to the other silo while clients retry on 503.
/// </summary>
public sealed class TwoSiloTests(ITestOutputHelper output) : IAsyncLifetime, IUsesClusterStores
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
        var starting = new[] { 0, 1 }.Select(i => StartSilo(i, clusterId)).ToArray();
        await using var a = await starting[0];
        await using var b = await starting[1];
        var silos = new[] { a, b };
        Assert.Equal((long)PostgresSchema.Version, await _database!.ScalarAsync("SELECT count(*) FROM docket.schema_version"));
        // One cluster: Orleans' Redis membership table lists both silos on loopback, active. A start the test retried
        // (its HTTP port taken meanwhile) may have joined before it failed: that silo is listed dead, never active.
        await using (var connection = await ConnectionMultiplexer.ConnectAsync(redis))
        {
            var members = await connection.GetDatabase().HashGetAllAsync($"docket/members/{clusterId}");
            var silosListed = members.Where(m => m.Name.ToString().StartsWith("S127.0.0.1:", StringComparison.Ordinal))
                .Select(m => JsonDocument.Parse(m.Value.ToString()).RootElement.GetProperty("Status").GetInt32()).ToList();
            Assert.Equal(2, silosListed.Count(s => s == 3)); // SiloStatus.Active
            Assert.All(silosListed, s => Assert.True(s is 3 or 6, $"a silo listed with status {s}, neither active nor dead")); // 6: SiloStatus.Dead
            Assert.True(silosListed.Count(s => s == 6) <= a.Retries + b.Retries, "a dead silo listed that no retried start explains");
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

    /// <summary>
    /// The court lives on silo B (started first, alone, it activates the court); clients file through silo A. B is
    /// SIGKILLed once 60 filings are acknowledged: Orleans declares it dead, the court activates again on A from the
    /// shared ledger, and meanwhile A answers 503 with Retry-After (never 500, never a request left hanging). Every
    /// client retries a 503 with the same Idempotency-Key: all its filings end acknowledged, each once in the
    /// ledger with the case and team it was acknowledged with, and readable.
    /// </summary>
    [Fact]
    public async Task Killing_the_silo_of_a_court_under_load_answers_503_until_it_moves_and_loses_nothing_acknowledged()
    {
        var clusterId = "docket-test-" + Guid.NewGuid().ToString("N")[..8];
        await using var b = await StartSilo(1, clusterId);
        await using var a = await StartSilo(0, clusterId);

        const int Workers = 4, PerWorker = 50, KillAfter = 60;
        var acknowledged = new ConcurrentDictionary<string, (string Id, string? Team)>();
        var refusals = new ConcurrentQueue<(TimeSpan At, string Detail)>();
        var killedTicks = long.MaxValue;
        var firstAfterKill = new ConcurrentQueue<TimeSpan>();
        var longest = new ConcurrentQueue<TimeSpan>();
        var clock = Stopwatch.StartNew();
        var load = Task.WhenAll(Enumerable.Range(0, Workers).Select(w => Task.Run(async () =>
        {
            using var client = Client(a, TestUsers.Registrar);
            for (var i = 0; i < PerWorker; i++)
            {
                var key = $"kill-w{w}-{i}";
                var giveUp = clock.Elapsed + TimeSpan.FromSeconds(60);
                while (true)
                {
                    var sent = clock.Elapsed;
                    var (status, body, response) = await client.PostJsonAsync("/api/courts/live/cases",
                        new { type = i % 5 == 0 ? "criminal" : "simple_civil" }, r => r.Headers.Add("Idempotency-Key", key));
                    longest.Enqueue(clock.Elapsed - sent);
                    if (status == HttpStatusCode.Created)
                    {
                        acknowledged[key] = (body.Str("id"), body.GetProperty("team").ValueKind == JsonValueKind.Null ? null : body.Str("team"));
                        if (sent.Ticks > Volatile.Read(ref killedTicks))
                        {
                            firstAfterKill.Enqueue(clock.Elapsed);
                        }
                        break;
                    }
                    // Anything but a 503 for a passing failure (a 500, a 404 for a court that exists) is a failure.
                    Assert.True(status == HttpStatusCode.ServiceUnavailable, $"filing {key}: {(int)status} {body}");
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                    var retryAfter = response.Headers.RetryAfter?.Delta;
                    Assert.True(retryAfter is { TotalSeconds: >= 1 }, $"filing {key}: a 503 without Retry-After");
                    refusals.Enqueue((clock.Elapsed, body.Str("detail")));
                    Assert.True(clock.Elapsed < giveUp, $"filing {key}: still 503 after 60 s: {body}");
                    await Task.Delay(retryAfter!.Value);
                }
            }
        })));
        while (acknowledged.Count < KillAfter && !load.IsCompleted)
        {
            await Task.Delay(10);
        }
        b.Kill();
        var killedAt = clock.Elapsed;
        Volatile.Write(ref killedTicks, killedAt.Ticks);
        await load;
        Assert.Equal(Workers * PerWorker, acknowledged.Count);
        var after = refusals.Where(r => r.At >= killedAt).ToList();
        output.WriteLine($"silo B killed at {killedAt.TotalSeconds:0.0} s after {KillAfter}+ acknowledged filings; "
            + $"{after.Count} answers 503 (the last {(after.Count > 0 ? (after[^1].At - killedAt).TotalSeconds : 0):0.0} s after the kill); "
            + $"first filing sent after the kill acknowledged {(firstAfterKill.IsEmpty ? double.NaN : (firstAfterKill.Min() - killedAt).TotalSeconds):0.0} s after it; "
            + $"longest answer {longest.Max().TotalSeconds:0.0} s; 503s at "
            + string.Join(", ", after.Select(r => $"{(r.At - killedAt).TotalSeconds:0.0}")) + " s after the kill");
        foreach (var detail in after.Select(r => r.Detail).Distinct())
        {
            output.WriteLine($"  503: {detail}");
        }
        // The court was on the killed silo: the filings in flight then were refused (503) before it moved, not served.
        Assert.NotEmpty(after);

        // Through the surviving silo: every acknowledged filing is in the ledger exactly once, with its case and team.
        using var auditor = Client(a, TestUsers.Auditor);
        var filings = (await CaseApiTests.AllEntriesAsync(auditor)).Where(e => e.Str("kind") is "assign" or "queue").ToList();
        Assert.Equal(filings.Count, filings.Select(e => e.GetProperty("number").GetInt64()).Distinct().Count());
        var byKey = filings.GroupBy(e => e.Str("idempotency_key")).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var (key, (id, team)) in acknowledged)
        {
            Assert.True(byKey.TryGetValue(key, out var entries), $"acknowledged filing {key} ({id}) is not in the ledger");
            var entry = Assert.Single(entries);
            Assert.Equal(id, entry.Str("case"));
            if (team is not null)
            {
                Assert.Equal(team, entry.Str("team"));
            }
        }
        using var registrar = Client(a, TestUsers.Registrar);
        foreach (var (id, _) in acknowledged.Values)
        {
            var (status, _, _) = await registrar.GetJsonAsync($"/api/cases/{id}");
            Assert.Equal(HttpStatusCode.OK, status);
        }
        var (_, verify, _) = await auditor.GetJsonAsync("/api/audit/verify");
        Assert.True(verify.GetProperty("valid").GetBoolean(), verify.ToString());
    }

    /// <summary>A silo of the test cluster: the fresh database, the test Redis, the cluster id.</summary>
    private Task<ServerProcess> StartSilo(int silo, string clusterId) =>
        ServerProcess.StartAsync(Path.Combine(_dir, $"data-{silo}"), Path.Combine(_dir, "users.json"),
        [
            "--storage", "postgres", "--postgres", _database!.ConnectionString,
            "--cluster", "redis", "--redis", ClusterStores.RequireRedis(), $"--Docket:Cluster:ClusterId={clusterId}",
        ]);

    private static HttpClient Client(ServerProcess silo, string apiKey)
    {
        var client = new HttpClient { BaseAddress = silo.Client.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }
}
