using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Docket.Server.Tests;

/// <summary>
/// A team's absence in the live service: it leaves its pool's eligible set while away (the ledger's eligible teams
/// say so), is neutral on return (eligible again, no catch-up), and a team back takes the cases waiting for it; an
/// absence is bounded (Docket:Absences:MaxDays) and withdrawable by those who may record it, both in the ledger.
/// </summary>
public sealed class AbsenceTests
{
    [Fact]
    public async Task An_absent_team_is_not_eligible_until_it_returns_and_bad_requests_change_nothing()
    {
        await using var factory = new DocketFactory();
        var head = factory.ClientFor(TestUsers.HeadCivil);
        var registrar = factory.ClientFor(TestUsers.Registrar);
        var now = factory.Clock.GetUtcNow();
        const string path = "/api/teams/civil-1/absences";

        foreach (var (body, field) in new (object, string)[]
        {
            (new { from = now.AddDays(2), to = now.AddDays(1), reason = "leave" }, "to"),
            (new { to = now.AddDays(-1), reason = "leave" }, "to"),
            (new { reason = "leave" }, "to"),
            (new { to = now.AddDays(10), reason = "" }, "reason"),
        })
        {
            var (status, problem, _) = await head.PostJsonAsync(path, body);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await head.PostJsonAsync(path, "{\"to\":\"not a date\"}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await head.PostJsonAsync("/api/teams/civil-9/absences", new { to = now.AddDays(1), reason = "x" })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientFor(TestUsers.HeadCriminal).PostJsonAsync(path, new { to = now.AddDays(1), reason = "x" })).Status);
        Assert.Empty((await head.GetJsonAsync(path)).Body.GetProperty("absences").EnumerateArray());

        var (created, recorded, _) = await head.PostJsonAsync(path, new { to = now.AddDays(10), reason = "annual leave" });
        Assert.Equal(HttpStatusCode.Created, created);
        Assert.True(recorded.GetProperty("absences")[0].GetProperty("away_now").GetBoolean());
        Assert.Equal("absence", recorded.GetProperty("entry").Str("kind"));

        for (var i = 0; i < 12; i++)
        {
            var filed = await registrar.FileAsync("simple_civil");
            Assert.NotEqual("civil-1", filed.Str("team"));
            Assert.DoesNotContain("civil-1", Eligible(filed));
        }

        // Back: eligible again, treated as before (no catch-up for the cases it missed).
        factory.Clock.Advance(TimeSpan.FromDays(10));
        Assert.False((await head.GetJsonAsync(path)).Body.GetProperty("absences")[0].GetProperty("away_now").GetBoolean());
        var back = await registrar.FileAsync("simple_civil");
        Assert.Equal(["civil-1", "civil-2", "civil-3", "lead-1"], Eligible(back).Order());

        var (_, verify, _) = await factory.ClientFor(TestUsers.Auditor).GetJsonAsync("/api/audit/verify");
        Assert.True(verify.GetProperty("valid").GetBoolean(), verify.ToString());
    }

    [Fact]
    public async Task A_case_filed_while_every_team_is_away_waits_and_is_pulled_when_a_team_returns()
    {
        await using var factory = new DocketFactory();
        var president = factory.ClientFor(TestUsers.President);
        var now = factory.Clock.GetUtcNow();
        foreach (var team in new[] { "criminal-1", "criminal-2" })
        {
            var (status, body, _) = await president.PostJsonAsync($"/api/teams/{team}/absences", new { to = now.AddDays(team == "criminal-1" ? 3 : 5), reason = "training" });
            Assert.True(status == HttpStatusCode.Created, body.ToString());
        }
        var filed = await factory.ClientFor(TestUsers.Registrar).FileAsync("criminal");
        Assert.Equal("waiting", filed.Str("status"));

        factory.Clock.Advance(TimeSpan.FromDays(3));
        var (watched, _, _) = await factory.ClientFor(TestUsers.Admin).PostJsonAsync("/api/courts/live/deadline-watch", null);
        Assert.Equal(HttpStatusCode.OK, watched);
        var pulled = (await president.GetJsonAsync($"/api/cases/{filed.Str("id")}")).Body.GetProperty("case");
        Assert.Equal("pending", pulled.Str("status"));
        Assert.Equal("criminal-1", pulled.Str("team"));

        var (_, verify, _) = await factory.ClientFor(TestUsers.Auditor).GetJsonAsync("/api/audit/verify");
        Assert.True(verify.GetProperty("valid").GetBoolean(), verify.ToString());
    }

    [Fact]
    public async Task A_team_back_from_leave_takes_the_case_that_waited_for_it_before_the_next_filing()
    {
        await using var factory = new DocketFactory();
        var president = factory.ClientFor(TestUsers.President);
        var registrar = factory.ClientFor(TestUsers.Registrar);
        var now = factory.Clock.GetUtcNow();
        foreach (var team in new[] { "criminal-1", "criminal-2" })
        {
            var (status, body, _) = await president.PostJsonAsync($"/api/teams/{team}/absences", new { to = now.AddDays(team == "criminal-1" ? 3 : 5), reason = "training" });
            Assert.True(status == HttpStatusCode.Created, body.ToString());
        }
        var waited = await registrar.FileAsync("criminal");
        Assert.Equal("waiting", waited.Str("status"));

        // No deadline watch runs: the next filing after the return pulls first, so criminal-1 (cap 1) takes the case
        // that waited, and the new one waits in its turn.
        factory.Clock.Advance(TimeSpan.FromDays(3));
        var next = await registrar.FileAsync("criminal");
        Assert.Equal("waiting", next.Str("status"));
        var pulled = (await president.GetJsonAsync($"/api/cases/{waited.Str("id")}")).Body.GetProperty("case");
        Assert.Equal("pending", pulled.Str("status"));
        Assert.Equal("criminal-1", pulled.Str("team"));
        Assert.Equal("pull", pulled.Str("policy"));

        var (_, verify, _) = await factory.ClientFor(TestUsers.Auditor).GetJsonAsync("/api/audit/verify");
        Assert.True(verify.GetProperty("valid").GetBoolean(), verify.ToString());
    }

    [Fact]
    public async Task A_case_command_after_a_return_pulls_on_the_way_and_answers_with_the_cases_own_entries_only()
    {
        await using var factory = new DocketFactory();
        var president = factory.ClientFor(TestUsers.President);
        var registrar = factory.ClientFor(TestUsers.Registrar);
        var now = factory.Clock.GetUtcNow();
        foreach (var team in new[] { "criminal-1", "criminal-2" })
        {
            Assert.Equal(HttpStatusCode.Created, (await president.PostJsonAsync($"/api/teams/{team}/absences", new { to = now.AddDays(3), reason = "training" })).Status);
        }
        var waited = await registrar.FileAsync("criminal");
        Assert.Equal("waiting", waited.Str("status"));
        JsonElement civil;
        do
        {
            civil = await registrar.FileAsync("simple_civil");
        }
        while (civil.Str("team") != "civil-1");

        // A civil judge's report after the criminal teams' return: the court's write pulls the waiting criminal case
        // first, but the judge's answer holds the civil case's own entry alone.
        factory.Clock.Advance(TimeSpan.FromDays(3));
        var (status, answer, _) = await factory.ClientFor(TestUsers.JudgeCivil1).PostJsonAsync($"/api/cases/{civil.Str("id")}/events", new { node = "served" });
        Assert.True(status == HttpStatusCode.OK, answer.ToString());
        var entry = Assert.Single(answer.GetProperty("entries").EnumerateArray()).GetProperty("entry");
        Assert.Equal(civil.Str("id"), entry.Str("case"));
        Assert.Equal("node", entry.Str("kind"));
        var pulled = (await president.GetJsonAsync($"/api/cases/{waited.Str("id")}")).Body.GetProperty("case");
        Assert.Equal("pending", pulled.Str("status"));

        var (_, verify, _) = await factory.ClientFor(TestUsers.Auditor).GetJsonAsync("/api/audit/verify");
        Assert.True(verify.GetProperty("valid").GetBoolean(), verify.ToString());
    }

    [Fact]
    public async Task A_command_after_a_return_pulls_first_answers_with_its_own_entry_and_leaves_the_pulls_when_refused()
    {
        var logs = new CapturedLogs();
        await using var factory = new DocketFactory(
            settings: new Dictionary<string, string?> { ["Logging:LogLevel:Docket.Grains.LiveCourtGrain"] = "Information" },
            services: services => services.AddSingleton<ILoggerProvider>(logs));
        var president = factory.ClientFor(TestUsers.President);

        // No deadline watch runs. An absence recorded after the return is decided once the case that waited is
        // pulled, and its answer is the absence's own entry.
        var first = await CriminalTeamsAwayForThreeDaysWithACaseWaitingAsync(factory);
        var (recorded, answer, _) = await president.PostJsonAsync("/api/teams/civil-1/absences", new { to = factory.Clock.GetUtcNow().AddDays(10), reason = "annual leave" });
        Assert.True(recorded == HttpStatusCode.Created, answer.ToString());
        Assert.Equal("absence", answer.GetProperty("entry").Str("kind"));
        Assert.Equal("pending", (await CaseOfAsync(factory, first)).Str("status"));
        Assert.Equal("pull", (await CaseOfAsync(factory, first)).Str("policy"));
        Assert.Contains("Court live: the waiting queue's catch-up before a command (carried out): 0 waiting cases escalated, 1 pulled", logs.Messages);

        // A command refused after a return still leaves the pulls the queue owed (the watcher's), and nothing of its own.
        var second = await CriminalTeamsAwayForThreeDaysWithACaseWaitingAsync(factory);
        var (refused, problem, _) = await president.PostJsonAsync("/api/teams/civil-2/absences", new { to = factory.Clock.GetUtcNow().AddDays(10), reason = "" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused);
        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _), problem.ToString());
        Assert.Equal("pending", (await CaseOfAsync(factory, second)).Str("status"));
        Assert.Empty((await president.GetJsonAsync("/api/teams/civil-2/absences")).Body.GetProperty("absences").EnumerateArray());
        Assert.Contains("Court live: the waiting queue's catch-up before a command (refused): 0 waiting cases escalated, 1 pulled", logs.Messages);
        Assert.DoesNotContain(logs.Messages, m => m.Contains("deadline watch:", StringComparison.Ordinal));

        var (_, verify, _) = await factory.ClientFor(TestUsers.Auditor).GetJsonAsync("/api/audit/verify");
        Assert.True(verify.GetProperty("valid").GetBoolean(), verify.ToString());
    }

    [Fact]
    public async Task A_command_on_a_waiting_case_a_return_pulls_is_decided_again_after_the_pull()
    {
        var logs = new CapturedLogs();
        await using var factory = new DocketFactory(
            settings: new Dictionary<string, string?> { ["Logging:LogLevel:Docket.Grains.LiveCourtGrain"] = "Information" },
            services: services => services.AddSingleton<ILoggerProvider>(logs));
        var waiting = await CriminalTeamsAwayForThreeDaysWithACaseWaitingAsync(factory);
        Assert.Equal("waiting", (await CaseOfAsync(factory, waiting)).Str("status"));

        // The case's grain decides on the waiting case; the court's catch-up pulls it first, so the decision is stale:
        // the pull is written, the grain folds the case again and decides once more, and the answer holds its own entry.
        var (issued, code, _) = await factory.ClientFor(TestUsers.Registrar).PostJsonAsync($"/api/cases/{waiting.Str("id")}/party-code", null);
        Assert.True(issued == HttpStatusCode.OK, code.ToString());
        Assert.Equal("party_code", code.GetProperty("entries").EnumerateArray().Single().GetProperty("entry").Str("kind"));
        Assert.Equal("pending", (await CaseOfAsync(factory, waiting)).Str("status"));
        Assert.Contains("Court live: the waiting queue's catch-up before a command (stale): 0 waiting cases escalated, 1 pulled", logs.Messages);

        var (_, verify, _) = await factory.ClientFor(TestUsers.Auditor).GetJsonAsync("/api/audit/verify");
        Assert.True(verify.GetProperty("valid").GetBoolean(), verify.ToString());
    }

    /// <summary>Both criminal teams away for three days, a criminal case filed (it waits), and the clock moved past their return.</summary>
    private static async Task<JsonElement> CriminalTeamsAwayForThreeDaysWithACaseWaitingAsync(DocketFactory factory)
    {
        var president = factory.ClientFor(TestUsers.President);
        var now = factory.Clock.GetUtcNow();
        foreach (var team in new[] { "criminal-1", "criminal-2" })
        {
            var (status, body, _) = await president.PostJsonAsync($"/api/teams/{team}/absences", new { to = now.AddDays(3), reason = "training" });
            Assert.True(status == HttpStatusCode.Created, body.ToString());
        }
        var waiting = await factory.ClientFor(TestUsers.Registrar).FileAsync("criminal");
        Assert.Equal("waiting", waiting.Str("status"));
        factory.Clock.Advance(TimeSpan.FromDays(3));
        return waiting;
    }

    private static async Task<JsonElement> CaseOfAsync(DocketFactory factory, JsonElement filed) =>
        (await factory.ClientFor(TestUsers.President).GetJsonAsync($"/api/cases/{filed.Str("id")}")).Body.GetProperty("case");

    [Fact]
    public async Task An_absence_longer_than_the_configured_maximum_is_refused()
    {
        await using var factory = new DocketFactory(settings: new Dictionary<string, string?> { ["Docket:Absences:MaxDays"] = "30" });
        var head = factory.ClientFor(TestUsers.HeadCivil);
        var now = factory.Clock.GetUtcNow();
        var (status, problem, _) = await head.PostJsonAsync("/api/teams/civil-1/absences", new { from = now.AddDays(1), to = now.AddDays(31.5), reason = "leave" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("at most 30 days", problem.GetProperty("errors").GetProperty("to")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, (await head.PostJsonAsync("/api/teams/civil-1/absences", new { from = now.AddDays(1), to = now.AddDays(31), reason = "leave" })).Status);

        // The default: a year and a day; an absence to 9999-12-31 is refused.
        await using var defaults = new DocketFactory();
        var far = await defaults.ClientFor(TestUsers.HeadCivil).PostJsonAsync("/api/teams/civil-1/absences", new { to = "9999-12-31T00:00:00Z", reason = "leave" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, far.Status);
        Assert.Contains("at most 366 days", far.Body.GetProperty("errors").GetProperty("to")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_withdrawn_absence_brings_the_team_back_at_once_is_in_the_ledger_and_is_re_made_when_the_court_replays_it()
    {
        var data = Path.Combine(Path.GetTempPath(), "docket-withdraw-" + Guid.NewGuid().ToString("N"));
        try
        {
            const string path = "/api/teams/civil-1/absences";
            long away, later;
            DateTimeOffset now;
            await using (var factory = new DocketFactory(data))
            {
                var head = factory.ClientFor(TestUsers.HeadCivil);
                var registrar = factory.ClientFor(TestUsers.Registrar);
                now = factory.Clock.GetUtcNow();
                away = (await head.PostJsonAsync(path, new { to = now.AddDays(10), reason = "annual leave" })).Body.GetProperty("entry").GetProperty("seq").GetInt64();
                later = (await head.PostJsonAsync(path, new { from = now.AddDays(20), to = now.AddDays(25), reason = "training" })).Body.GetProperty("entry").GetProperty("seq").GetInt64();
                Assert.DoesNotContain("civil-1", Eligible(await registrar.FileAsync("simple_civil")));

                // Only those who may record it withdraw it: a judge is refused at the door, a head of another division by the court.
                Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientFor(TestUsers.JudgeCivil1).PostJsonAsync($"{path}/{away}/withdraw", null)).Status);
                Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientFor(TestUsers.HeadCriminal).PostJsonAsync($"{path}/{away}/withdraw", null)).Status);
                Assert.Equal(HttpStatusCode.NotFound, (await head.PostJsonAsync($"{path}/999/withdraw", null)).Status);
                Assert.Equal(HttpStatusCode.NotFound, (await head.PostJsonAsync($"/api/teams/civil-2/absences/{away}/withdraw", null)).Status);

                factory.Clock.Advance(TimeSpan.FromDays(2));
                var (status, withdrawn, _) = await head.PostJsonAsync($"{path}/{away}/withdraw", new { reason = "back early" });
                Assert.True(status == HttpStatusCode.OK, withdrawn.ToString());
                var entry = withdrawn.GetProperty("entry").GetProperty("entry");
                Assert.Equal("absence_withdrawn", entry.Str("kind"));
                Assert.Equal(away, entry.GetProperty("withdraws").GetInt64());
                Assert.Equal("division_head", entry.GetProperty("by").Str("role"));
                var first = withdrawn.GetProperty("absences")[0];
                Assert.False(first.GetProperty("away_now").GetBoolean());
                Assert.Equal(withdrawn.GetProperty("entry").GetProperty("seq").GetInt64(), first.GetProperty("withdrawn").GetInt64());
                Assert.Equal(now.AddDays(2), first.GetProperty("to").GetDateTimeOffset());
                Assert.Contains("civil-1", Eligible(await registrar.FileAsync("simple_civil")));

                // Not twice; an absence not begun, withdrawn, never begins.
                Assert.Equal(HttpStatusCode.Conflict, (await head.PostJsonAsync($"{path}/{away}/withdraw", null)).Status);
                Assert.Equal(HttpStatusCode.OK, (await head.PostJsonAsync($"{path}/{later}/withdraw", null)).Status);
                factory.Clock.Advance(TimeSpan.FromDays(20));
                Assert.Contains("civil-1", Eligible(await registrar.FileAsync("simple_civil")));

                var (_, verify, _) = await factory.ClientFor(TestUsers.Auditor).GetJsonAsync("/api/audit/verify");
                Assert.True(verify.GetProperty("valid").GetBoolean(), verify.ToString());
            }

            // The court's replay of its ledger re-makes the withdrawals.
            await using (var again = new DocketFactory(data))
            {
                again.Clock.Advance(TimeSpan.FromDays(22));
                var absences = (await again.ClientFor(TestUsers.HeadCivil).GetJsonAsync(path)).Body.GetProperty("absences");
                Assert.Equal([now.AddDays(2), now.AddDays(20)], absences.EnumerateArray().Select(a => a.GetProperty("to").GetDateTimeOffset()));
                Assert.All(absences.EnumerateArray(), a => Assert.True(a.GetProperty("withdrawn").GetInt64() > 0));
                Assert.Contains("civil-1", Eligible(await again.ClientFor(TestUsers.Registrar).FileAsync("simple_civil")));
            }
        }
        finally
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    private static List<string> Eligible(JsonElement filed) =>
        [.. filed.GetProperty("assignment").GetProperty("entry").GetProperty("eligible").EnumerateArray().Select(e => e.GetString()!)];
}
