using System.Net;
using System.Text.Json;

namespace Docket.Server.Tests;

/// <summary>
/// The court's published lists over HTTP: the daily check and the past-limit list of the cases as they stand, each
/// reader seeing the rows within their reach; the monthly counts per judge with the draws' expected counts; the
/// caseload per division; the rankings; CSV with <c>Accept: text/csv</c>; roles refused and bad kinds and periods.
/// </summary>
public sealed class ReportApiTests : IAsyncLifetime
{
    private const string Reports = "/api/courts/live/reports/";
    private readonly DocketFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task The_daily_check_lists_unserved_cases_after_15_days_each_reader_seeing_their_own_reach()
    {
        var registrar = _factory.ClientFor(TestUsers.Registrar);
        var filed = new List<(string Id, string Team)>();
        for (var i = 0; i < 5; i++)
        {
            var answer = await registrar.FileAsync("simple_civil");
            filed.Add((answer.Str("id"), answer.Str("team")));
        }
        var president = _factory.ClientFor(TestUsers.President);
        Assert.Empty(Rows(await GetOkAsync(president, "daily-check"), "cases"));
        // Served on the first day, a case never goes on the list.
        var served = filed[0].Id;
        Assert.Equal(HttpStatusCode.OK, (await _factory.ClientFor(TestUsers.Clerk).PostJsonAsync($"/api/cases/{served}/events", new { node = "served" })).Status);

        _factory.Clock.Advance(TimeSpan.FromDays(16));
        var report = await GetOkAsync(president, "daily-check");
        Assert.Equal("daily-check", report.Str("kind"));
        var all = Rows(report, "cases");
        Assert.Equal(filed.Skip(1).Select(f => f.Id).Order(), all.Select(r => r.Str("case")).Order());
        Assert.All(all, r => Assert.Equal("not_served", r.Str("check")));
        Assert.All(all, r => Assert.Equal(16, r.GetProperty("days_since_filing").GetDouble(), 6));

        var judge = _factory.ClientFor(TestUsers.JudgeCivil1);
        var own = Rows(await GetOkAsync(judge, "daily-check"), "cases");
        Assert.Equal(filed.Skip(1).Count(f => f.Team == "civil-1"), own.Count);
        Assert.All(own, r => Assert.Equal("civil-1", r.Str("team")));
        Assert.Empty(Rows(await GetOkAsync(_factory.ClientFor(TestUsers.HeadCriminal), "daily-check"), "cases"));

        var (refused, _, _) = await registrar.GetJsonAsync(Reports + "daily-check");
        Assert.Equal(HttpStatusCode.Forbidden, refused);
    }

    [Fact]
    public async Task Near_and_past_the_limit_cases_are_on_the_daily_check_and_the_weekly_list()
    {
        var registrar = _factory.ClientFor(TestUsers.Registrar);
        var id = (await registrar.FileAsync("simple_civil")).Str("id");
        var president = _factory.ClientFor(TestUsers.President);

        _factory.Clock.Advance(TimeSpan.FromDays(70));
        Assert.Contains(Rows(await GetOkAsync(president, "daily-check"), "cases"), r => r.Str("case") == id && r.Str("check") == "near_limit");
        Assert.Empty(Rows(await GetOkAsync(president, "past-limit"), "cases"));

        _factory.Clock.Advance(TimeSpan.FromDays(25));
        var past = Assert.Single(Rows(await GetOkAsync(president, "past-limit"), "cases"));
        Assert.Equal(id, past.Str("case"));
        Assert.Equal("past_limit", past.Str("check"));
        // A division head sees the cases of their own division only: the draw (a fresh seed each run) may have put
        // the case on the civil division's teams or on the lead team, a division of its own.
        Assert.Equal(past.Str("division") == "civil" ? 1 : 0, Rows(await GetOkAsync(_factory.ClientFor(TestUsers.HeadCivil), "past-limit"), "cases").Count);
        Assert.Empty(Rows(await GetOkAsync(_factory.ClientFor(TestUsers.HeadCriminal), "past-limit"), "cases"));
        Assert.Equal(HttpStatusCode.Forbidden, (await _factory.ClientFor(TestUsers.JudgeCivil1).GetJsonAsync(Reports + "past-limit")).Status);
    }

    [Fact]
    public async Task The_monthly_counts_per_judge_show_each_judges_expected_draws_and_anyone_of_the_court_reads_them()
    {
        var registrar = _factory.ClientFor(TestUsers.Registrar);
        for (var i = 0; i < 8; i++)
        {
            await registrar.FileAsync("simple_civil");
        }
        await registrar.FileAsync("simple_civil", flagged: true);
        var body = await GetOkAsync(registrar, "assignments?period=2026-03");
        Assert.Equal("2026-03", body.Str("period"));
        var judges = Rows(body, "judges");
        Assert.Equal(["civil-1/judge-1", "civil-2/judge-1", "civil-3/judge-1", "lead-1/judge-1", "criminal-1/judge-1", "criminal-2/judge-1"],
            judges.Select(j => j.Str("judge")));
        Assert.Equal(9, judges.Sum(j => j.GetProperty("assigned").GetInt64()));
        Assert.Equal(8, judges.Sum(j => j.GetProperty("drawn").GetInt64()));
        // Each of the 8 draws was uniform among the four teams of the court's pool: 2 expected each.
        Assert.All(judges.Take(4), j => Assert.Equal(2, j.GetProperty("expected").GetDouble(), 9));
        Assert.All(judges, j => Assert.Equal(j.GetProperty("drawn").GetInt64() - j.GetProperty("expected").GetDouble(), j.GetProperty("deviation").GetDouble(), 9));

        Assert.Equal(HttpStatusCode.OK, (await _factory.ClientFor(TestUsers.JudgeCriminal1).GetJsonAsync(Reports + "assignments")).Status);
        var (other, _, _) = await _factory.ClientFor(TestUsers.AuditorOfLive).GetJsonAsync(Reports + "assignments?period=2026-02");
        Assert.Equal(HttpStatusCode.OK, other);
    }

    [Fact]
    public async Task Caseload_per_division_and_rankings_follow_their_periods_and_roles()
    {
        var registrar = _factory.ClientFor(TestUsers.Registrar);
        await registrar.FileAsync("simple_civil");
        await registrar.FileAsync("criminal");
        var divisions = Rows(await GetOkAsync(_factory.ClientFor(TestUsers.JudgeCivil1), "caseload?period=2026-03"), "divisions");
        Assert.Equal(["civil", "lead", "criminal", "unassigned"], divisions.Select(d => d.Str("division")));
        Assert.Equal(2, divisions.Sum(d => d.GetProperty("filed").GetInt64()));
        Assert.Equal(2, divisions.Sum(d => d.GetProperty("pending_end").GetInt64()));

        var ranking = Rows(await GetOkAsync(_factory.ClientFor(TestUsers.HeadCriminal), "rankings?period=2026"), "teams");
        Assert.Equal(Enumerable.Range(1, ranking.Count), ranking.Select(t => t.GetProperty("rank").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, (await _factory.ClientFor(TestUsers.Auditor).GetJsonAsync(Reports + "rankings?period=2026-Q1")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await _factory.ClientFor(TestUsers.JudgeCivil1).GetJsonAsync(Reports + "rankings")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await registrar.GetJsonAsync(Reports + "rankings")).Status);
    }

    [Fact]
    public async Task Each_report_comes_as_csv_when_asked_for()
    {
        var registrar = _factory.ClientFor(TestUsers.Registrar);
        await registrar.FileAsync("simple_civil");
        _factory.Clock.Advance(TimeSpan.FromDays(16));
        var president = _factory.ClientFor(TestUsers.President);
        (string Kind, string Header)[] reports =
            [
                ("daily-check", "case,type,team,division,judge,check,filed_at,listed_since,limit_at,days_since_filing"),
                ("past-limit", "case,type,team,division,judge,check,filed_at,listed_since,limit_at,days_since_filing"),
                ("assignments?period=2026-03", "team,judge,assigned,drawn,expected,deviation,team_residual"),
                ("caseload?period=2026-03", "division,pending_start,filed,closed,pending_end"),
                ("rankings?period=2026-Q1", "rank,team,division,closed,workload_units,mean_days_to_disposition"),
            ];
        foreach (var (kind, header) in reports)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Reports + kind);
            request.Headers.Add("Accept", "text/csv");
            using var response = await president.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
            var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(header, lines[0]);
            if (kind == "daily-check")
            {
                Assert.Equal(2, lines.Length);
                Assert.Contains(",not_served,", lines[1], StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("weekly", "kind")]
    [InlineData("assignments?period=2026-13", "period")]
    [InlineData("assignments?period=2026-Q1", "period")]
    [InlineData("rankings?period=2026-03", "period")]
    [InlineData("daily-check?period=2026-02-01", "period")]
    [InlineData("past-limit?period=2026-W01", "period")]
    [InlineData("caseload?period=2027-01", "period")]
    [InlineData("assignments?period=9999-12", "period")]
    [InlineData("assignments?period=0001-01", "period")]
    [InlineData("caseload?period=0001-01", "period")]
    [InlineData("rankings?period=0001", "period")]
    [InlineData("rankings?period=0999-Q4", "period")]
    [InlineData("daily-check?period=9999-12-31", "period")]
    [InlineData("past-limit?period=0001-W01", "period")]
    public async Task A_bad_kind_or_period_is_400_naming_the_parameter(string path, string field)
    {
        var (status, problem, response) = await _factory.ClientFor(TestUsers.President).GetJsonAsync(Reports + path);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    private static async Task<JsonElement> GetOkAsync(HttpClient client, string path)
    {
        var (status, body, _) = await client.GetJsonAsync(Reports + path);
        Assert.True(status == HttpStatusCode.OK, $"{path} answered {status}: {body}");
        return body;
    }

    private static List<JsonElement> Rows(JsonElement body, string name) => [.. body.GetProperty(name).EnumerateArray()];
}
