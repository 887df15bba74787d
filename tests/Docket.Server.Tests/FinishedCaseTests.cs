using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Docket.Server.Tests;

/// <summary>
/// A finished case leaves the live court's memory (here the court keeps a single finished case at hand, on SQLite):
/// it is still read, refused, listed among the warnings and found by its Idempotency-Key exactly as before, from its
/// ledger entries.
/// </summary>
public class FinishedCaseTests : IAsyncLifetime
{
    private const string Warnings = "/api/courts/live/warnings";
    private static readonly string[] s_nodes = ["served", "hearing_scheduled", "hearing", "judgment", "judgment_online", "archiving"];

    private readonly string _data = Path.Combine(Path.GetTempPath(), "docket-finished-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>A court that keeps one finished case at hand (the least it keeps).</summary>
    protected static readonly Dictionary<string, string?> OneAtHand = new() { ["Docket:Courts:FinishedCasesAtHand"] = "0" };

    protected virtual Task<DocketFactory> CreateFactoryAsync() => Task.FromResult(new DocketFactory(_data, OneAtHand));

    public virtual Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_finished_case_out_of_memory_reads_refuses_lists_and_replays_as_it_did_in_memory()
    {
        await using var factory = await CreateFactoryAsync();
        var registrar = factory.ClientFor(TestUsers.Registrar);
        var president = factory.ClientFor(TestUsers.President);
        var head = factory.ClientFor(TestUsers.HeadCivil);
        var filed = new List<(string Id, string Key, HttpClient Judge)>();
        for (var i = 0; filed.Count < 3 && i < 60; i++)
        {
            var key = $"finished-{i}";
            var body = await registrar.FileAsync("simple_civil", key: key);
            var judge = body.Str("team") switch { "civil-1" => TestUsers.JudgeCivil1, "civil-2" => TestUsers.JudgeCivil2, _ => null };
            if (judge is not null)
            {
                filed.Add((body.Str("id"), key, factory.ClientFor(judge)));
            }
        }
        Assert.Equal(3, filed.Count);

        // Day 8: the watcher warns of each case's overdue hearing_scheduled node, and locks it.
        factory.Clock.Advance(TimeSpan.FromDays(8));
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientFor(TestUsers.Admin).PostJsonAsync("/api/courts/live/deadline-watch", new { })).Status);
        var before = await WarningsOfAsync(president, filed);
        Assert.Equal(12, before.Count);

        // The first two finish (every stage, unlocked on the way): each leaves memory when the next finishes.
        var finalRecords = new Dictionary<string, string>();
        foreach (var (id, _, judge) in filed.Take(2))
        {
            Assert.Equal(HttpStatusCode.OK, (await head.PostJsonAsync($"/api/cases/{id}/unlock", new { reason = "parties unreachable" })).Status);
            JsonElement last = default;
            foreach (var node in s_nodes)
            {
                var (status, body, _) = await judge.PostJsonAsync($"/api/cases/{id}/events", new { node });
                Assert.True(status == HttpStatusCode.OK, $"{id} {node}: {status} {body}");
                last = body;
            }
            Assert.Equal("closed", last.GetProperty("case").GetProperty("case").Str("status"));
            Assert.Null(last.GetProperty("case").GetProperty("next_stage").GetString());
            finalRecords[id] = last.GetProperty("case").GetRawText();
        }

        var (first, _, firstJudge) = filed[0];
        var (read, record, _) = await president.GetJsonAsync($"/api/cases/{first}");
        Assert.Equal(HttpStatusCode.OK, read);
        Assert.Equal(finalRecords[first], record.GetRawText());

        var (again, problem, _) = await firstJudge.PostJsonAsync($"/api/cases/{first}/events", new { node = "archiving" });
        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Contains("already reached", problem.Str("detail"));
        var (designated, _, _) = await president.PostJsonAsync($"/api/cases/{first}/designate", new { team = "lead-1", reason = "conflict of interest" });
        Assert.Equal(HttpStatusCode.Conflict, designated);
        var (other, _, _) = await factory.ClientFor(TestUsers.JudgeCriminal1).PostJsonAsync($"/api/cases/{first}/events", new { node = "archiving" });
        Assert.Equal(HttpStatusCode.Forbidden, other);

        var (retried, replay, _) = await registrar.PostJsonAsync("/api/courts/live/cases", new { type = "simple_civil" },
            r => r.Headers.Add("Idempotency-Key", filed[0].Key));
        Assert.Equal(HttpStatusCode.Created, retried);
        Assert.Equal(first, replay.Str("id"));
        Assert.True(replay.GetProperty("replayed").GetBoolean());
        // The answer is where the filing sent the case, as its entry records it; its `case` is the case now.
        Assert.Equal("pending", replay.Str("status"));
        Assert.Equal(replay.GetProperty("assignment").GetProperty("entry").Str("team"), replay.Str("team"));
        Assert.Equal(replay.GetProperty("assignment").GetProperty("entry").Str("judge"), replay.Str("judge"));
        Assert.Equal("closed", replay.GetProperty("case").GetProperty("case").Str("status"));
        var (reused, _, _) = await registrar.PostJsonAsync("/api/courts/live/cases", new { type = "criminal" },
            r => r.Headers.Add("Idempotency-Key", filed[0].Key));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused);

        Assert.Equal(before, await WarningsOfAsync(president, filed));
    }

    private static async Task<List<string>> WarningsOfAsync(HttpClient client, List<(string Id, string Key, HttpClient Judge)> cases)
    {
        var (status, body, _) = await client.GetJsonAsync(Warnings);
        Assert.Equal(HttpStatusCode.OK, status);
        var ids = cases.Select(c => c.Id).ToHashSet();
        return [.. body.GetProperty("warnings").EnumerateArray().Where(w => ids.Contains(w.Str("case"))).Select(w => w.GetRawText())];
    }
}
