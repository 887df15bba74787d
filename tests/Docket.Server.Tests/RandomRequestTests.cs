using System.Net;
using System.Text.Json;

namespace Docket.Server.Tests;

/// <summary>
/// A property test: random requests — good and bad, by users of every role — never get a 5xx, every refusal is a
/// problem document, and afterwards the court's state agrees with its ledger: one filing entry per case, every
/// case on the team its last assignment entry names with the warnings its entries name, caseloads summing to the
/// pending cases, the ledger verified. Extensions, absences and deadline watches are among the requests.
/// </summary>
public sealed class RandomRequestTests : IAsyncLifetime
{
    private static readonly string[] s_users =
    [
        TestUsers.Registrar, TestUsers.JudgeCivil1, TestUsers.JudgeCivil2, TestUsers.JudgeCriminal1, TestUsers.JudgeCriminal2,
        TestUsers.Clerk, TestUsers.HeadCivil, TestUsers.HeadCriminal, TestUsers.President, TestUsers.Auditor, TestUsers.Admin, "bogus",
    ];

    private static readonly string[] s_nodes =
        ["service", "served", "scheduling", "hearing_scheduled", "wait_hearing", "hearing", "judgment", "closure", "publishing", "archiving",
         "preparation", "judgment_online", "appeal", ""];

    private static readonly string[] s_teams = ["civil-1", "civil-2", "civil-3", "lead-1", "criminal-1", "criminal-2", "civil-9"];

    private readonly DocketFactory _factory = new();

    public Task InitializeAsync()
    {
        _factory.CreateClient().Dispose();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Random_requests_leave_the_state_consistent_with_the_ledger()
    {
        var random = new Random(20261125);
        var clients = s_users.ToDictionary(u => u, _factory.ClientFor);
        var cases = new List<string>();
        for (var i = 0; i < 400; i++)
        {
            var client = clients[s_users[random.Next(s_users.Length)]];
            var someCase = cases.Count > 0 && random.Next(10) > 0 ? cases[random.Next(cases.Count)] : $"live-{random.Next(1, 500)}";
            (HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response) r;
            switch (random.Next(10))
            {
                case 0:
                case 1:
                    var body = random.Next(12) switch
                    {
                        0 => "{\"type\": ",
                        1 => "{\"type\": 7}",
                        2 => "{\"type\": \"divorce\"}",
                        3 => "[]",
                        _ => JsonSerializer.Serialize(new
                        {
                            type = random.Next(3) == 0 ? "criminal" : "simple_civil",
                            flags = new { flagged = random.Next(8) == 0, risk = random.Next(10) == 0 ? "major" : "none" },
                        }),
                    };
                    r = await clients[random.Next(3) == 0 ? s_users[random.Next(s_users.Length)] : TestUsers.Registrar]
                        .PostJsonAsync("/api/courts/live/cases", body, q =>
                        {
                            if (random.Next(4) == 0)
                            {
                                q.Headers.Add("Idempotency-Key", $"k{random.Next(20)}");
                            }
                        });
                    if (r.Status == HttpStatusCode.Created && !cases.Contains(r.Body.Str("id")))
                    {
                        cases.Add(r.Body.Str("id"));
                    }
                    break;
                case 2:
                case 3:
                case 4:
                    r = await client.PostJsonAsync($"/api/cases/{someCase}/events", new { node = s_nodes[random.Next(s_nodes.Length)] });
                    break;
                case 5:
                    r = await client.PostJsonAsync($"/api/cases/{someCase}/unlock", new { reason = "r" });
                    break;
                case 6:
                    r = await client.PostJsonAsync($"/api/cases/{someCase}/designate",
                        new { team = random.Next(4) == 0 ? null : s_teams[random.Next(s_teams.Length)], reason = random.Next(5) == 0 ? "" : "reason" });
                    break;
                case 7:
                    r = await client.PostJsonAsync($"/api/cases/{someCase}/extensions", random.Next(6) switch
                    {
                        0 => "{\"days\": \"x\"}",
                        1 => new { days = random.Next(-5, 60), reason = "" },
                        _ => new { days = random.Next(-5, 60), reason = "expert report" },
                    });
                    break;
                case 8:
                    var now = _factory.Clock.GetUtcNow();
                    r = random.Next(3) == 0
                        ? await clients[random.Next(4) == 0 ? s_users[random.Next(s_users.Length)] : TestUsers.Admin].PostJsonAsync("/api/courts/live/deadline-watch", null)
                        : await client.PostJsonAsync($"/api/teams/{s_teams[random.Next(s_teams.Length)]}/absences",
                            new { from = now.AddDays(random.Next(-3, 5)), to = now.AddDays(random.Next(-3, 12)), reason = random.Next(5) == 0 ? "" : "leave" });
                    break;
                default:
                    if (random.Next(6) == 0)
                    {
                        _factory.Clock.Advance(TimeSpan.FromDays(random.Next(1, 10)));
                    }
                    r = await client.GetJsonAsync($"/api/cases/{someCase}");
                    break;
            }
            Assert.True((int)r.Status < 500, $"request {i} answered {r.Status}: {r.Body}");
            if ((int)r.Status >= 400)
            {
                Assert.Equal("application/problem+json", r.Response.Content.Headers.ContentType?.MediaType);
            }
        }

        var auditor = clients[TestUsers.Auditor];
        var (_, verify, _) = await auditor.GetJsonAsync("/api/audit/verify");
        Assert.True(verify.GetProperty("valid").GetBoolean(), verify.ToString());

        var entries = await CaseApiTests.AllEntriesAsync(auditor);
        var filings = entries.Where(e => e.Str("kind") is "assign" or "queue").ToList();
        Assert.Equal(Enumerable.Range(1, filings.Count).Select(n => (long)n), filings.Select(e => e.GetProperty("number").GetInt64()));
        Assert.True(filings.Count >= cases.Count);
        var lastTeam = new Dictionary<string, string?>();
        var warnings = new Dictionary<string, int>();
        var closed = new HashSet<string>();
        foreach (var e in entries)
        {
            switch (e.Str("kind"))
            {
                case "assign" or "pull" or "designate":
                    lastTeam[e.Str("case")] = e.Str("team");
                    break;
                case "queue":
                    lastTeam[e.Str("case")] = null;
                    break;
                case "close":
                    closed.Add(e.Str("case"));
                    break;
                case "warning":
                    warnings[e.Str("case")] = warnings.GetValueOrDefault(e.Str("case")) + 1;
                    break;
            }
        }
        Assert.NotEmpty(warnings);
        Assert.Contains(entries, e => e.Str("kind") == "absence");
        var president = clients[TestUsers.President];
        foreach (var (id, team) in lastTeam)
        {
            var (status, c, _) = await president.GetJsonAsync($"/api/cases/{id}");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(team, c.GetProperty("case").GetProperty("team").GetString());
            Assert.Equal(closed.Contains(id), c.GetProperty("case").Str("status") == "closed");
            Assert.Equal(warnings.GetValueOrDefault(id), c.GetProperty("case").GetProperty("warnings").GetArrayLength());
        }
        long pending = 0;
        foreach (var team in s_teams.Where(t => t != "civil-9"))
        {
            var (_, load, _) = await president.GetJsonAsync($"/api/teams/{team}/caseload");
            pending += load.GetProperty("pending").GetInt64();
        }
        Assert.Equal(lastTeam.Count(c => c.Value is not null && !closed.Contains(c.Key)), pending);
        var (_, kpis, _) = await president.GetJsonAsync("/api/courts/live/kpis");
        Assert.Equal(filings.Count, kpis.GetProperty("filed").GetInt64());
        Assert.Equal(closed.Count, kpis.GetProperty("closed").GetInt64());
    }
}
