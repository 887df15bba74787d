using System.Net;
using System.Text.Json;

namespace Docket.Server.Tests;

/// <summary>Filing, reading and moving cases through the real HTTP pipeline and a co-hosted silo (memory storage; PostgreSQL in <see cref="Cluster.PostgresCaseApiTests"/>).</summary>
[Collection(ApiCollection.Name)]
public class CaseApiTests(ApiFixture fixture)
{
    private readonly HttpClient _registrar = fixture.Factory.ClientFor(TestUsers.Registrar);

    [Fact]
    public async Task Filing_answers_201_with_the_team_judge_policy_and_the_draw()
    {
        var (status, body, response) = await _registrar.PostJsonAsync("/api/courts/live/cases", new { type = "simple_civil" });

        Assert.Equal(HttpStatusCode.Created, status);
        var id = body.Str("id");
        Assert.StartsWith("live-", id);
        Assert.Equal($"/api/cases/{id}", response.Headers.Location?.ToString());
        Assert.Equal("pending", body.Str("status"));
        Assert.Equal("random", body.Str("policy"));
        var team = body.Str("team");
        Assert.Matches("^(civil-[123]|lead-1)$", team);
        Assert.Equal($"{team}/judge-", body.Str("judge")[..(team.Length + 7)]);
        var entry = body.GetProperty("assignment").GetProperty("entry");
        Assert.Equal("assign", entry.Str("kind"));
        Assert.Equal(id, entry.Str("case"));
        var eligible = entry.GetProperty("eligible").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(4, eligible.Count);
        Assert.Contains(team, eligible);
        var draw = entry.GetProperty("draw");
        Assert.Equal("uniform", draw.Str("method"));
        Assert.Equal(entry.GetProperty("number").GetInt64(), draw.GetProperty("purpose").GetInt64());
        Assert.Equal(64, body.GetProperty("assignment").Str("hash").Length);

        var auditor = fixture.Factory.ClientFor(TestUsers.Auditor);
        var (_, commitments, _) = await auditor.GetJsonAsync("/api/audit/commitments");
        Assert.Contains(commitments.EnumerateArray(), c => c.Str("commitment") == draw.Str("commitment"));
    }

    [Fact]
    public async Task A_retried_filing_with_the_same_Idempotency_Key_returns_the_same_case_never_a_second()
    {
        var key = Guid.NewGuid().ToString("N");
        var first = await _registrar.FileAsync("simple_civil", key: key);
        var (status, again, response) = await _registrar.PostJsonAsync("/api/courts/live/cases", new { type = "simple_civil" },
            r => r.Headers.Add("Idempotency-Key", key));

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(first.Str("id"), again.Str("id"));
        Assert.Equal(first.Str("team"), again.Str("team"));
        Assert.True(again.GetProperty("replayed").GetBoolean());
        Assert.Equal("true", response.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.GetProperty("assignment").Str("hash"), again.GetProperty("assignment").Str("hash"));

        // Many retries at once: one case.
        var key2 = Guid.NewGuid().ToString("N");
        var racing = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => _registrar.FileAsync("simple_civil", key: key2)));
        Assert.Single(racing.Select(r => r.Str("id")).Distinct());

        // The same key for another filing is refused, naming the header.
        var (conflict, problem, _) = await _registrar.PostJsonAsync("/api/courts/live/cases", new { type = "criminal" },
            r => r.Headers.Add("Idempotency-Key", key));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, conflict);
        Assert.True(problem.GetProperty("errors").TryGetProperty("Idempotency-Key", out _));

        // The ledger holds each key once.
        var auditor = fixture.Factory.ClientFor(TestUsers.Auditor);
        var entries = await AllEntriesAsync(auditor);
        Assert.Single(entries, e => e.TryGetProperty("idempotency_key", out var k) && k.GetString() == key);
        Assert.Single(entries, e => e.TryGetProperty("idempotency_key", out var k) && k.GetString() == key2);
    }

    [Fact]
    public async Task A_case_is_seen_by_its_court_and_its_team_only()
    {
        var filed = await _registrar.FileAsync("simple_civil");
        var id = filed.Str("id");
        var team = filed.Str("team");

        var (ok, body, _) = await _registrar.GetJsonAsync($"/api/cases/{id}");
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal(team, body.GetProperty("case").Str("team"));
        Assert.Equal("service", body.Str("next_stage"));

        var ownJudge = team switch { "civil-1" => TestUsers.JudgeCivil1, "civil-2" => TestUsers.JudgeCivil2, _ => null };
        var otherJudge = team == "civil-1" ? TestUsers.JudgeCivil2 : TestUsers.JudgeCivil1;
        if (ownJudge is not null)
        {
            Assert.Equal(HttpStatusCode.OK, (await fixture.Factory.ClientFor(ownJudge).GetJsonAsync($"/api/cases/{id}")).Status);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Factory.ClientFor(otherJudge).GetJsonAsync($"/api/cases/{id}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Factory.ClientFor(TestUsers.HeadCriminal).GetJsonAsync($"/api/cases/{id}")).Status);
        // Divisions are team groups: the civil division head sees civil-n, not lead-1.
        var civilHead = (await fixture.Factory.ClientFor(TestUsers.HeadCivil).GetJsonAsync($"/api/cases/{id}")).Status;
        Assert.Equal(team.StartsWith("civil-", StringComparison.Ordinal) ? HttpStatusCode.OK : HttpStatusCode.Forbidden, civilHead);
        Assert.Equal(HttpStatusCode.NotFound, (await _registrar.GetJsonAsync("/api/cases/live-999999")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _registrar.GetJsonAsync("/api/cases/nowhere-1")).Status);
    }

    [Fact]
    public async Task Nodes_are_reported_in_the_type_s_order_and_the_closing_stage_closes_the_case()
    {
        var (id, judge) = await FileCivilWithJudgeAsync();

        var (early, problem, _) = await judge.PostJsonAsync($"/api/cases/{id}/events", new { node = "judgment" });
        Assert.Equal(HttpStatusCode.Conflict, early);
        Assert.Contains("out of order", problem.Str("detail"));

        var (unknown, p2, _) = await judge.PostJsonAsync($"/api/cases/{id}/events", new { node = "appeal" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown);
        Assert.True(p2.GetProperty("errors").TryGetProperty("node", out _));

        foreach (var node in new[] { "served", "hearing_scheduled", "hearing" })
        {
            var (s, b, _) = await judge.PostJsonAsync($"/api/cases/{id}/events", new { node });
            Assert.True(s == HttpStatusCode.OK, $"{node}: {s} {b}");
        }
        var (again, _, _) = await judge.PostJsonAsync($"/api/cases/{id}/events", new { node = "hearing" });
        Assert.Equal(HttpStatusCode.Conflict, again);

        var (closed, body, _) = await judge.PostJsonAsync($"/api/cases/{id}/events", new { node = "judgment" });
        Assert.Equal(HttpStatusCode.OK, closed);
        Assert.Equal("closed", body.GetProperty("case").GetProperty("case").Str("status"));
        Assert.Equal(new[] { "node", "close" }, body.GetProperty("entries").EnumerateArray().Select(e => e.Str("kind")));
        // Stages after closure (publishing, archiving) still follow.
        var (published, after, _) = await judge.PostJsonAsync($"/api/cases/{id}/events", new { node = "judgment_online" });
        Assert.Equal(HttpStatusCode.OK, published);
        Assert.Contains(after.GetProperty("case").GetProperty("case").GetProperty("nodes").EnumerateArray(), n => n.Str("node") == "judgment_online");

        // Stored: a fresh read shows the same.
        var (_, read, _) = await _registrar.GetJsonAsync($"/api/cases/{id}");
        Assert.Equal(6, read.GetProperty("case").GetProperty("stages_done").GetInt32());
        Assert.Equal("archiving", read.Str("next_stage"));
    }

    [Fact]
    public async Task An_overdue_important_node_locks_the_case_until_its_division_head_unlocks_it()
    {
        var (id, judge) = await FileCivilWithJudgeAsync();
        fixture.Factory.Clock.Advance(TimeSpan.FromDays(8));

        var (_, read, _) = await _registrar.GetJsonAsync($"/api/cases/{id}");
        Assert.True(read.GetProperty("locked").GetBoolean());
        var (locked, problem, _) = await judge.PostJsonAsync($"/api/cases/{id}/events", new { node = "served" });
        Assert.Equal(HttpStatusCode.Conflict, locked);
        Assert.Contains("locked", problem.Str("detail"));

        Assert.Equal(HttpStatusCode.Forbidden, (await judge.PostJsonAsync($"/api/cases/{id}/unlock", new { reason = "please" })).Status);
        var otherHead = fixture.Factory.ClientFor(TestUsers.HeadCriminal);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherHead.PostJsonAsync($"/api/cases/{id}/unlock", new { reason = "not mine" })).Status);

        var head = fixture.Factory.ClientFor(TestUsers.HeadCivil);
        var (unlocked, body, _) = await head.PostJsonAsync($"/api/cases/{id}/unlock", new { reason = "parties unreachable over the holiday" });
        Assert.Equal(HttpStatusCode.OK, unlocked);
        Assert.False(body.GetProperty("case").GetProperty("locked").GetBoolean());
        Assert.Equal("unlock", body.GetProperty("entries")[0].Str("kind"));

        var (notLocked, p2, _) = await head.PostJsonAsync($"/api/cases/{id}/unlock", new { reason = "again" });
        Assert.Equal(HttpStatusCode.Conflict, notLocked);
        Assert.Contains("not locked", p2.Str("detail"));
        Assert.Equal(HttpStatusCode.OK, (await judge.PostJsonAsync($"/api/cases/{id}/events", new { node = "served" })).Status);
    }

    [Fact]
    public async Task Supervisors_designate_with_a_written_reason_and_the_ledger_records_it()
    {
        var filed = await _registrar.FileAsync("simple_civil");
        var id = filed.Str("id");
        var target = filed.Str("team") == "civil-3" ? "civil-2" : "civil-3";
        var president = fixture.Factory.ClientFor(TestUsers.President);

        var (noReason, p1, _) = await president.PostJsonAsync($"/api/cases/{id}/designate", new { team = target, reason = " " });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason);
        Assert.True(p1.GetProperty("errors").TryGetProperty("reason", out _));
        var (controlOnly, p3, _) = await president.PostJsonAsync($"/api/cases/{id}/designate", new { team = target, reason = "\u0000\u0007" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, controlOnly);
        Assert.True(p3.GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Factory.ClientFor(TestUsers.JudgeCivil1)
            .PostJsonAsync($"/api/cases/{id}/designate", new { team = target, reason = "mine now" })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Factory.ClientFor(TestUsers.HeadCriminal)
            .PostJsonAsync($"/api/cases/{id}/designate", new { team = target, reason = "other division" })).Status);
        // Who may designate is decided before what the body lacks: out of scope, no reason is still a 403.
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Factory.ClientFor(TestUsers.HeadCriminal)
            .PostJsonAsync($"/api/cases/{id}/designate", new { team = target, reason = " " })).Status);
        var (unknown, p2, _) = await president.PostJsonAsync($"/api/cases/{id}/designate", new { team = "civil-9", reason = "r" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown);
        Assert.True(p2.GetProperty("errors").TryGetProperty("team", out _));
        var (wrongType, _, _) = await president.PostJsonAsync($"/api/cases/{id}/designate", new { team = "criminal-1", reason = "r" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongType);

        var (ok, body, _) = await president.PostJsonAsync($"/api/cases/{id}/designate", new { team = target, reason = "conflict of interest in the first team" });
        Assert.Equal(HttpStatusCode.OK, ok);
        var c = body.GetProperty("case").GetProperty("case");
        Assert.Equal(target, c.Str("team"));
        Assert.True(c.GetProperty("designated").GetBoolean());
        var entry = body.GetProperty("entries")[0].GetProperty("entry");
        Assert.Equal("designate", entry.Str("kind"));
        Assert.Equal(filed.Str("team"), entry.Str("from_team"));
        Assert.Equal("conflict of interest in the first team", entry.Str("reason"));
        Assert.Equal("president", entry.GetProperty("by").Str("role"));
    }

    [Fact]
    public async Task A_flagged_case_is_designated_to_the_leader_s_team()
    {
        var filed = await _registrar.FileAsync("simple_civil", flagged: true);
        Assert.Equal("lead-1", filed.Str("team"));
        Assert.Equal("designated", filed.Str("policy"));
        Assert.True(filed.GetProperty("designated").GetBoolean());
        Assert.False(filed.GetProperty("assignment").GetProperty("entry").TryGetProperty("draw", out _));
    }

    [Fact]
    public async Task Under_close_one_get_one_a_case_waits_and_the_team_that_closes_pulls_it()
    {
        // Criminal teams hold one case each: a third waits for a place.
        var filed = new List<JsonElement>();
        JsonElement waiting = default;
        for (var i = 0; i < 6 && waiting.ValueKind == JsonValueKind.Undefined; i++)
        {
            var f = await _registrar.FileAsync("criminal");
            filed.Add(f);
            if (f.Str("status") == "waiting")
            {
                waiting = f;
            }
        }
        Assert.NotEqual(JsonValueKind.Undefined, waiting.ValueKind);
        Assert.Equal("queue", waiting.GetProperty("assignment").Str("kind"));
        Assert.Empty(waiting.GetProperty("assignment").GetProperty("entry").GetProperty("eligible").EnumerateArray());

        var reporter = fixture.Factory.ClientFor(TestUsers.JudgeCriminal1);
        var (waitingEvent, _, _) = await fixture.Factory.ClientFor(TestUsers.Clerk).PostJsonAsync($"/api/cases/{waiting.Str("id")}/events", new { node = "preparation" });
        Assert.Equal(HttpStatusCode.Conflict, waitingEvent);

        JsonElement open = default;
        foreach (var f in filed.Where(f => f.Str("status") == "pending" && f.Str("team") == "criminal-1"))
        {
            var (_, now, _) = await _registrar.GetJsonAsync($"/api/cases/{f.Str("id")}");
            if (now.GetProperty("case").Str("status") == "pending")
            {
                open = f;
            }
        }
        Assert.NotEqual(JsonValueKind.Undefined, open.ValueKind);
        foreach (var node in new[] { "preparation", "hearing", "judgment" })
        {
            var (s, b, _) = await reporter.PostJsonAsync($"/api/cases/{open.Str("id")}/events", new { node });
            Assert.True(s == HttpStatusCode.OK, $"{node}: {s} {b}");
            if (node == "judgment")
            {
                Assert.Equal(new[] { "node", "close", "pull" }, b.GetProperty("entries").EnumerateArray().Select(e => e.Str("kind")));
            }
        }
        var (_, pulled, _) = await _registrar.GetJsonAsync($"/api/cases/{waiting.Str("id")}");
        Assert.Equal("pending", pulled.GetProperty("case").Str("status"));
        Assert.Equal("criminal-1", pulled.GetProperty("case").Str("team"));
        Assert.Equal("pull", pulled.GetProperty("case").Str("policy"));
    }

    [Fact]
    public async Task Caseloads_and_indicators()
    {
        var filed = await _registrar.FileAsync("simple_civil");
        var team = filed.Str("team");
        var (ok, load, _) = await _registrar.GetJsonAsync($"/api/teams/{team}/caseload");
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Contains(load.GetProperty("cases").EnumerateArray(), c => c.Str("id") == filed.Str("id"));
        Assert.Equal(load.GetProperty("pending").GetInt64(), load.GetProperty("cases").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await _registrar.GetJsonAsync("/api/teams/civil-99/caseload")).Status);
        var judge = fixture.Factory.ClientFor(TestUsers.JudgeCivil1);
        Assert.Equal(HttpStatusCode.OK, (await judge.GetJsonAsync("/api/teams/civil-1/caseload")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await judge.GetJsonAsync("/api/teams/civil-2/caseload")).Status);

        var (kpiStatus, kpis, _) = await fixture.Factory.ClientFor(TestUsers.President).GetJsonAsync("/api/courts/live/kpis");
        Assert.Equal(HttpStatusCode.OK, kpiStatus);
        Assert.True(kpis.GetProperty("filed").GetInt64() >= 1);
        Assert.Equal(kpis.GetProperty("pending_start").GetInt64() + kpis.GetProperty("filed").GetInt64(),
            kpis.GetProperty("closed").GetInt64() + kpis.GetProperty("pending_end").GetInt64());
        var balance = kpis.GetProperty("balance").GetProperty("index").GetDouble();
        Assert.InRange(balance, 0, 100);
        Assert.True(kpis.GetProperty("locks").TryGetProperty("locked_now", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Factory.ClientFor(TestUsers.President).GetJsonAsync("/api/courts/nowhere/kpis")).Status);
    }

    [Fact]
    public async Task Bad_input_is_answered_with_a_problem_naming_the_field_and_changes_nothing()
    {
        var auditor = fixture.Factory.ClientFor(TestUsers.Auditor);
        var before = (await AllEntriesAsync(auditor)).Count;

        var (malformed, p1, r1) = await _registrar.PostJsonAsync("/api/courts/live/cases", "{\"type\": \"simple_civil\",");
        Assert.Equal(HttpStatusCode.BadRequest, malformed);
        Assert.Equal("application/problem+json", r1.Content.Headers.ContentType?.MediaType);
        Assert.Contains("malformed JSON", p1.Str("detail"));

        var (wrongType, p2, _) = await _registrar.PostJsonAsync("/api/courts/live/cases", "{\"type\": \"simple_civil\", \"flags\": {\"flagged\": \"yes\"}}");
        Assert.Equal(HttpStatusCode.BadRequest, wrongType);
        Assert.True(p2.GetProperty("errors").TryGetProperty("flags.flagged", out _));

        var (unknownType, p3, _) = await _registrar.PostJsonAsync("/api/courts/live/cases", new { type = "divorce" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownType);
        Assert.Contains("divorce", p3.GetProperty("errors").GetProperty("type")[0].GetString());
        // A long value is quoted back cut short, with its length.
        var (longType, p3b, _) = await _registrar.PostJsonAsync("/api/courts/live/cases", new { type = new string('d', 5_000) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, longType);
        var quoted = p3b.GetProperty("errors").GetProperty("type")[0].GetString()!;
        Assert.Contains("…' (5,000 characters)", quoted, StringComparison.Ordinal);
        Assert.True(quoted.Length < 400, quoted);

        var (missing, p4, _) = await _registrar.PostJsonAsync("/api/courts/live/cases", new { flags = new { flagged = true } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing);
        Assert.True(p4.GetProperty("errors").TryGetProperty("type", out _));

        var (risk, p5, _) = await _registrar.PostJsonAsync("/api/courts/live/cases", new { type = "criminal", flags = new { risk = "huge" } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, risk);
        Assert.True(p5.GetProperty("errors").TryGetProperty("flags.risk", out _));

        Assert.Equal(HttpStatusCode.NotFound, (await _registrar.PostJsonAsync("/api/courts/nowhere/cases", new { type = "criminal" })).Status);

        var huge = "{\"type\": \"simple_civil\", \"pad\": \"" + new string('x', 70_000) + "\"}";
        var (tooLarge, p6, _) = await _registrar.PostJsonAsync("/api/courts/live/cases", huge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge);
        Assert.Contains("at most", p6.Str("detail"));

        var (media, _, _) = await _registrar.SendAsync(HttpMethod.Post, "/api/courts/live/cases", null,
            r => r.Content = new StringContent("type=simple_civil", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, media);

        var (badKey, p7, _) = await _registrar.PostJsonAsync("/api/courts/live/cases", new { type = "criminal" }, r => r.Headers.TryAddWithoutValidation("Idempotency-Key", new string('k', 300)));
        Assert.Equal(HttpStatusCode.BadRequest, badKey);
        Assert.True(p7.GetProperty("errors").TryGetProperty("Idempotency-Key", out _));

        Assert.Equal(before, (await AllEntriesAsync(auditor)).Count);
    }

    [Fact]
    public async Task The_documentation_and_health_are_served()
    {
        var anonymous = fixture.Factory.CreateClient();
        var (status, doc, _) = await anonymous.GetJsonAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("3.1", doc.Str("openapi"));
        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/api/courts/{court}/cases", "/api/cases/{id}", "/api/cases/{id}/events", "/api/cases/{id}/unlock",
            "/api/cases/{id}/designate", "/api/teams/{team}/caseload", "/api/courts/{court}/kpis", "/api/audit/assignments", "/api/audit/verify", "/health" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }
        Assert.True(doc.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("ApiKey", out _));
        var scalar = await anonymous.GetAsync("/scalar/v1");
        Assert.Equal(HttpStatusCode.OK, scalar.StatusCode);
        var (health, body, _) = await anonymous.GetJsonAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health);
        Assert.Equal("ok", body.Str("status"));
    }

    internal static async Task<List<JsonElement>> AllEntriesAsync(HttpClient auditor)
    {
        var all = new List<JsonElement>();
        long after = 0;
        while (true)
        {
            var (status, page, _) = await auditor.GetJsonAsync($"/api/audit/assignments?court=live&kind=all&limit=1000&after={after}");
            Assert.Equal(HttpStatusCode.OK, status);
            var entries = page.GetProperty("entries").EnumerateArray().ToList();
            all.AddRange(entries.Select(e => e.GetProperty("entry")));
            if (page.GetProperty("next_after").ValueKind == JsonValueKind.Null)
            {
                return all;
            }
            after = page.GetProperty("next_after").GetInt64();
        }
    }

    /// <summary>Files civil cases until one lands with a team whose judge is a test user.</summary>
    private async Task<(string Id, HttpClient Judge)> FileCivilWithJudgeAsync()
    {
        for (var i = 0; i < 50; i++)
        {
            var filed = await _registrar.FileAsync("simple_civil");
            var key = filed.Str("team") switch { "civil-1" => TestUsers.JudgeCivil1, "civil-2" => TestUsers.JudgeCivil2, _ => null };
            if (key is not null)
            {
                return (filed.Str("id"), fixture.Factory.ClientFor(key));
            }
        }
        throw new InvalidOperationException("no case reached civil-1 or civil-2 in 50 filings");
    }
}
