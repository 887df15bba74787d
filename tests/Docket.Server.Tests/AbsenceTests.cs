using System.Net;
using System.Text.Json;

namespace Docket.Server.Tests;

/// <summary>
/// A team's absence in the live service: it leaves its pool's eligible set while away (the ledger's eligible teams
/// say so), is neutral on return (eligible again, no catch-up), and a team back takes the cases waiting for it.
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

    private static List<string> Eligible(JsonElement filed) =>
        [.. filed.GetProperty("assignment").GetProperty("entry").GetProperty("eligible").EnumerateArray().Select(e => e.GetString()!)];
}
