using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Docket.Server.Tests;

/// <summary>
/// Durability: the server process is killed (SIGKILL) in the middle of a stream of filings and restarted on the
/// same data directory (SQLite; the same PostgreSQL database in <see cref="Cluster.PostgresCrashTests"/>); every
/// filing it acknowledged is there, with its assignment, exactly once.
/// </summary>
public class CrashTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "docket-crash-" + Guid.NewGuid().ToString("N"));

    public CrashTests()
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllText(UsersFile, TestUsers.Json());
    }

    private string UsersFile => Path.Combine(_dir, "users.json");

    private string Data => Path.Combine(_dir, "data");

    /// <summary>What the server's command line adds to the data directory and users (storage, for derived tests).</summary>
    protected virtual IReadOnlyList<string> ServerArgs => [];

    /// <summary>Whether the restarted service takes its court up while it starts (SQLite, one silo) rather than at the court's activation.</summary>
    protected virtual bool TakesUpWhileStarting => true;

    [Fact]
    public async Task Every_acknowledged_filing_survives_a_SIGKILL_exactly_once()
    {
        var acknowledged = new ConcurrentDictionary<string, (string Id, string? Team, string Key)>();
        var attempted = new ConcurrentBag<string>();
        await using (var server = await ServerProcess.StartAsync(Data, UsersFile, ServerArgs))
        {
            using var stop = new CancellationTokenSource();
            var workers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                using var client = new HttpClient { BaseAddress = server.Client.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
                client.DefaultRequestHeaders.Add("X-Api-Key", TestUsers.Registrar);
                for (var i = 0; i < 5000 && !stop.IsCancellationRequested; i++)
                {
                    var key = $"w{w}-{i}";
                    attempted.Add(key);
                    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/courts/live/cases")
                    {
                        Content = JsonContent.Create(new { type = i % 5 == 0 ? "criminal" : "simple_civil" }),
                    };
                    request.Headers.Add("Idempotency-Key", key);
                    try
                    {
                        using var response = await client.SendAsync(request);
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                            var team = body.GetProperty("team");
                            acknowledged[key] = (body.Str("id"), team.ValueKind == JsonValueKind.Null ? null : team.GetString(), key);
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                    {
                        // The server died under this request: not acknowledged.
                        return;
                    }
                }
            })).ToArray();
            while (acknowledged.Count < 300 && workers.Any(t => !t.IsCompleted))
            {
                await Task.Delay(10);
            }
            server.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(workers);
        }
        Assert.True(acknowledged.Count >= 300, $"only {acknowledged.Count} filings were acknowledged before the kill");

        await using var restarted = await ServerProcess.StartAsync(Data, UsersFile, [.. ServerArgs, "--Logging:LogLevel:Docket.Grains=Information"]);
        Assert.Equal(TakesUpWhileStarting, restarted.Log.Contains("while the service started", StringComparison.Ordinal));
        var auditor = restarted.Client;
        auditor.DefaultRequestHeaders.Add("X-Api-Key", TestUsers.Auditor);
        var entries = await CaseApiTests.AllEntriesAsync(auditor);
        var filings = entries.Where(e => e.Str("kind") is "assign" or "queue").ToList();
        var byKey = filings.GroupBy(e => e.Str("idempotency_key")).ToDictionary(g => g.Key, g => g.ToList());
        var byCase = filings.GroupBy(e => e.Str("case")).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(byCase, c => Assert.Equal(1, c.Value));
        foreach (var (key, (id, team, _)) in acknowledged)
        {
            Assert.True(byKey.TryGetValue(key, out var found), $"acknowledged filing {key} ({id}) is missing after the restart");
            Assert.Single(found);
            Assert.Equal(id, found[0].Str("case"));
            if (team is not null)
            {
                Assert.Equal(team, found[0].Str("team"));
            }
        }

        // Each acknowledged case answers from its own grain, with its assignment.
        var reader = new HttpClient { BaseAddress = restarted.Client.BaseAddress };
        reader.DefaultRequestHeaders.Add("X-Api-Key", TestUsers.Registrar);
        foreach (var (id, team, _) in acknowledged.Values.Take(60))
        {
            var (status, body, _) = await reader.GetJsonAsync($"/api/cases/{id}");
            Assert.Equal(HttpStatusCode.OK, status);
            if (team is not null)
            {
                Assert.Equal(team, body.GetProperty("case").Str("team"));
            }
        }

        // A client retrying what it never heard back about gets the filing the server made, or a new one: never two.
        foreach (var key in attempted.Where(k => !acknowledged.ContainsKey(k)).Take(40))
        {
            var (status, _, _) = await reader.PostJsonAsync("/api/courts/live/cases", new { type = "simple_civil" }, r => r.Headers.Add("Idempotency-Key", key));
            Assert.True(status is HttpStatusCode.Created or HttpStatusCode.UnprocessableEntity, $"retry of {key}: {status}");
        }
        var after = (await CaseApiTests.AllEntriesAsync(auditor)).Where(e => e.Str("kind") is "assign" or "queue").ToList();
        Assert.All(after.GroupBy(e => e.Str("idempotency_key")), g => Assert.Single(g));
        var (_, verify, _) = await auditor.GetJsonAsync("/api/audit/verify");
        Assert.True(verify.GetProperty("valid").GetBoolean(), verify.ToString());
    }

    public virtual void Dispose()
    {
        GC.SuppressFinalize(this);
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
