using System.Net;

namespace Docket.Server.Tests;

/// <summary>
/// What a user of one court learns about another (Scenarios/two-courts.yaml: courts north and south): a case of the
/// other court is not found, whether it exists or not; the Orleans Dashboard, which shows every court, is not for an
/// admin of one court.
/// </summary>
public sealed class CourtBoundaryTests : IAsyncLifetime
{
    private const string SouthRegistrar = "k-south-registrar";
    private const string SouthJudge = "k-south-judge";
    private const string NorthAdmin = "k-north-admin";
    private DocketFactory? _factory;

    private DocketFactory Factory => _factory!;

    public Task InitializeAsync()
    {
        // The test users, moved to court north (teams are "north/civil-1" in a scenario of several courts) ...
        var settings = TestUsers.Settings();
        foreach (var key in settings.Keys.ToList())
        {
            if (key.EndsWith(":Court", StringComparison.Ordinal))
            {
                settings[key] = "north";
            }
            else if (key.EndsWith(":Team", StringComparison.Ordinal))
            {
                settings[key] = "north/" + settings[key];
            }
        }
        // ... and users of court south, and an admin of north alone.
        var next = settings.Keys.Count(k => k.EndsWith(":Name", StringComparison.Ordinal));
        foreach (var (key, name, role, court, team) in new[]
        {
            (SouthRegistrar, "south-registrar", "registrar", "south", (string?)null),
            (SouthJudge, "south-judge", "judge", "south", "south/civil-1"),
            (NorthAdmin, "north-admin", "admin", "north", null),
        })
        {
            var at = $"Docket:Auth:Users:{next++}:";
            settings[at + "Name"] = name;
            settings[at + "Role"] = role;
            settings[at + "Court"] = court;
            settings[at + "Team"] = team;
            settings[at + "ApiKeys:0"] = key;
        }
        settings["Docket:Scenario"] = Path.Combine(AppContext.BaseDirectory, "Scenarios", "two-courts.yaml");
        _factory = new DocketFactory(settings: settings);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_case_of_another_court_is_not_found_whether_it_exists_or_not()
    {
        var (filed, body, _) = await Factory.ClientFor(SouthRegistrar).PostJsonAsync("/api/courts/south/cases", new { type = "simple_civil" });
        Assert.Equal(HttpStatusCode.Created, filed);
        var existing = body.Str("id");
        Assert.Equal("south-1", existing);
        const string Missing = "south-999";

        // An auditor of every court sees it, and finds no south-999.
        Assert.Equal(HttpStatusCode.NotFound, (await Factory.ClientFor(TestUsers.Auditor).GetJsonAsync($"/api/cases/{Missing}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await Factory.ClientFor(TestUsers.Auditor).GetJsonAsync($"/api/cases/{existing}")).Status);
        // A judge of south of another team: 403 for a case of their own court, as before.
        Assert.Equal(body.Str("team") == "south/civil-1" ? HttpStatusCode.OK : HttpStatusCode.Forbidden,
            (await Factory.ClientFor(SouthJudge).GetJsonAsync($"/api/cases/{existing}")).Status);

        // North's users get the same 404 for both, reading or acting.
        foreach (var key in new[] { TestUsers.JudgeCivil1, TestUsers.President, TestUsers.HeadCivil, TestUsers.Clerk, TestUsers.AuditorOfLive, NorthAdmin })
        {
            var north = Factory.ClientFor(key);
            foreach (var id in new[] { existing, Missing })
            {
                var (status, problem, _) = await north.GetJsonAsync($"/api/cases/{id}");
                Assert.True(status == HttpStatusCode.NotFound, $"{key} reading {id}: {status} {problem}");
                Assert.Equal($"no case '{id}'", problem.Str("detail"));
            }
            foreach (var (path, request) in new (string, object)[]
            {
                ("events", new { node = "served" }),
                ("unlock", new { reason = "r" }),
                ("designate", new { team = "south/civil-2", reason = "r" }),
                ("extensions", new { days = 10, reason = "r" }),
            })
            {
                var answers = new List<(HttpStatusCode, string)>();
                foreach (var id in new[] { existing, Missing })
                {
                    var (status, problem, _) = await north.PostJsonAsync($"/api/cases/{id}/{path}", request);
                    answers.Add((status, problem.ValueKind == System.Text.Json.JsonValueKind.Object && problem.TryGetProperty("detail", out var d) ? d.GetString()!.Replace(id, "ID", StringComparison.Ordinal) : ""));
                }
                // A role gate may refuse the route first (403 for every case alike); past it, 404 for both.
                Assert.True(answers[0] == answers[1], $"{key} {path}: {answers[0]} for an existing case, {answers[1]} for a missing one");
                Assert.Contains(answers[0].Item1, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden });
            }
        }
    }

    [Fact]
    public async Task A_court_route_of_another_court_is_forbidden_as_its_indicators_are_not_not_found()
    {
        // North's president (and reviewer) asks about south, which exists: 403 on every court route alike; 404 is an unknown court.
        var president = Factory.ClientFor(TestUsers.President);
        var reviewer = Factory.ClientFor(TestUsers.Reviewer);
        foreach (var (client, method, path) in new[]
        {
            (president, "GET", "/api/courts/south/kpis"),
            (president, "GET", "/api/courts/south/quality-review"),
            (president, "GET", "/api/courts/south/meetings/attendance"),
            (president, "POST", "/api/courts/south/meetings"),
            (reviewer, "POST", "/api/courts/south/quality-review/draws"),
        })
        {
            var (status, problem, _) = method == "GET" ? await client.GetJsonAsync(path)
                : await client.PostJsonAsync(path, path.EndsWith("/meetings", StringComparison.Ordinal) ? new { members = Array.Empty<string>(), present = Array.Empty<string>(), cases = Array.Empty<string>() } : null);
            Assert.True(status == HttpStatusCode.Forbidden, $"{method} {path}: {status} {problem}");
        }
        Assert.Equal(HttpStatusCode.NotFound, (await president.GetJsonAsync("/api/courts/east/quality-review")).Status);
    }

    [Fact]
    public async Task A_team_of_a_court_among_several_is_named_with_its_slash_percent_encoded()
    {
        var admin = Factory.ClientFor(TestUsers.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetJsonAsync("/api/teams/south%2Fcivil-1/absences")).Status);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetJsonAsync("/api/teams/south%2fcivil-1/caseload")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetJsonAsync("/api/teams/civil-1/absences")).Status);
    }

    [Fact]
    public async Task An_admin_of_one_court_may_not_open_the_dashboard_of_the_whole_cluster()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await Factory.ClientFor(NorthAdmin).GetAsync(new Uri("/dashboard/", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Factory.ClientFor(TestUsers.Admin).GetAsync(new Uri("/dashboard/", UriKind.Relative))).StatusCode);
    }
}
