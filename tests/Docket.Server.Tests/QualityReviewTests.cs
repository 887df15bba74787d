using System.Net;
using System.Text.Json;

namespace Docket.Server.Tests;

/// <summary>
/// Quality review through HTTP (cases 162, 166, 159): a reviewer draws the sample among the closed files not yet
/// archived (the draw in the ledger, re-made by the verification), records findings that earn cards, and archiving a
/// drawn file is refused until its review passes; who may, and the problems bad requests get.
/// </summary>
public sealed class QualityReviewTests
{
    private static readonly string[] s_toJudgment = ["served", "hearing_scheduled", "hearing", "judgment"];

    [Fact]
    public async Task A_reviewer_draws_each_judges_file_and_archiving_waits_until_its_review_passes()
    {
        await using var factory = new DocketFactory();
        var first = await CloseOnTeamAsync(factory, "civil-1", TestUsers.JudgeCivil1);
        var second = await CloseOnTeamAsync(factory, "civil-2", TestUsers.JudgeCivil2);
        var reviewer = factory.ClientFor(TestUsers.Reviewer);
        var judge = factory.ClientFor(TestUsers.JudgeCivil1);

        var (drawn, draw, response) = await reviewer.PostJsonAsync("/api/courts/live/quality-review/draws", null);
        Assert.Equal(HttpStatusCode.Created, drawn);
        Assert.Equal("/api/courts/live/ledger", response.Headers.Location?.OriginalString);
        Assert.Equal([first, second], draw.GetProperty("eligible").EnumerateArray().Select(e => e.GetString()));
        // One file per judge: each judge's only file is drawn.
        Assert.Equal([first, second], draw.GetProperty("sample").EnumerateArray().Select(e => e.GetString()));
        var entry = draw.GetProperty("entry");
        Assert.Equal("review_draw", entry.Str("kind"));
        Assert.Equal("review_sample", entry.GetProperty("entry").GetProperty("draw").Str("method"));

        Assert.Equal(HttpStatusCode.OK, (await judge.PostJsonAsync($"/api/cases/{first}/events", new { node = "judgment_online" })).Status);
        var (refused, problem, _) = await judge.PostJsonAsync($"/api/cases/{first}/events", new { node = "archiving" });
        Assert.Equal(HttpStatusCode.Conflict, refused);
        Assert.Contains("archiving waits", problem.Str("detail"), StringComparison.Ordinal);

        var (carded, cardBody, _) = await reviewer.PostJsonAsync($"/api/cases/{first}/quality-review", new { finding = "general", note = "hearing record incomplete" });
        Assert.Equal(HttpStatusCode.OK, carded);
        var finding = cardBody.GetProperty("entries")[0];
        Assert.Equal("review_finding", finding.Str("kind"));
        Assert.Equal("yellow_card", finding.GetProperty("entry").Str("level"));
        Assert.Equal("civil-1/judge-1", finding.GetProperty("entry").Str("judge"));
        Assert.Equal("yellow_card", cardBody.GetProperty("case").GetProperty("case").Str("review"));
        Assert.Equal(HttpStatusCode.Conflict, (await judge.PostJsonAsync($"/api/cases/{first}/events", new { node = "archiving" })).Status);

        factory.Clock.Advance(TimeSpan.FromDays(10));
        var (passed, passedBody, _) = await factory.ClientFor(TestUsers.HeadCivil).PostJsonAsync($"/api/cases/{first}/quality-review", new { finding = "none" });
        Assert.Equal(HttpStatusCode.OK, passed);
        Assert.Equal("passed", passedBody.GetProperty("case").GetProperty("case").Str("review"));
        Assert.Equal(HttpStatusCode.OK, (await judge.PostJsonAsync($"/api/cases/{first}/events", new { node = "archiving" })).Status);

        var (_, verify, _) = await factory.ClientFor(TestUsers.Auditor).GetJsonAsync("/api/audit/verify");
        Assert.True(verify.GetProperty("valid").GetBoolean(), verify.ToString());
    }

    [Fact]
    public async Task A_judges_second_general_problem_within_the_window_is_a_red_card_with_a_deadline_to_fix()
    {
        await using var factory = new DocketFactory();
        var reviewer = factory.ClientFor(TestUsers.Reviewer);
        var first = await CloseOnTeamAsync(factory, "civil-1", TestUsers.JudgeCivil1);
        Assert.Equal(HttpStatusCode.Created, (await reviewer.PostJsonAsync("/api/courts/live/quality-review/draws", null)).Status);
        var (_, yellow, _) = await reviewer.PostJsonAsync($"/api/cases/{first}/quality-review", new { finding = "general" });
        Assert.Equal("yellow_card", yellow.GetProperty("entries")[0].GetProperty("entry").Str("level"));

        factory.Clock.Advance(TimeSpan.FromDays(40));
        var second = await CloseOnTeamAsync(factory, "civil-1", TestUsers.JudgeCivil1);
        var (_, draw, _) = await reviewer.PostJsonAsync("/api/courts/live/quality-review/draws", null);
        Assert.Contains(second, draw.GetProperty("sample").EnumerateArray().Select(e => e.GetString()));
        var (status, red, _) = await reviewer.PostJsonAsync($"/api/cases/{second}/quality-review", new { finding = "general" });
        Assert.Equal(HttpStatusCode.OK, status);
        var entry = red.GetProperty("entries")[0].GetProperty("entry");
        Assert.Equal("red_card", entry.Str("level"));
        Assert.Equal(entry.GetProperty("at").GetDateTimeOffset().AddDays(30), entry.GetProperty("due").GetDateTimeOffset());

        var (_, verify, _) = await factory.ClientFor(TestUsers.Auditor).GetJsonAsync("/api/audit/verify");
        Assert.True(verify.GetProperty("valid").GetBoolean(), verify.ToString());
    }

    [Fact]
    public async Task Only_reviewers_and_division_heads_review_and_bad_requests_get_problems_naming_the_field()
    {
        await using var factory = new DocketFactory();
        var reviewer = factory.ClientFor(TestUsers.Reviewer);
        var draws = "/api/courts/live/quality-review/draws";
        Assert.Equal(HttpStatusCode.Conflict, (await reviewer.PostJsonAsync(draws, null)).Status);
        var closed = await CloseOnTeamAsync(factory, "civil-1", TestUsers.JudgeCivil1);
        var path = $"/api/cases/{closed}/quality-review";

        foreach (var key in new[] { TestUsers.JudgeCivil1, TestUsers.Registrar, TestUsers.Clerk, TestUsers.Auditor })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientFor(key).PostJsonAsync(draws, null)).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientFor(key).PostJsonAsync(path, new { finding = "none" })).Status);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.PostJsonAsync("/api/courts/nowhere/quality-review/draws", null)).Status);
        // Not drawn yet: nothing to find.
        Assert.Equal(HttpStatusCode.Conflict, (await reviewer.PostJsonAsync(path, new { finding = "none" })).Status);
        Assert.Equal(HttpStatusCode.Created, (await reviewer.PostJsonAsync(draws, null)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientFor(TestUsers.HeadCriminal).PostJsonAsync(path, new { finding = "none" })).Status);

        var (invalid, problem, response) = await reviewer.PostJsonAsync(path, new { finding = "minor" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(problem.GetProperty("errors").TryGetProperty("finding", out _), problem.ToString());
        var (missing, missingProblem, _) = await reviewer.PostJsonAsync(path, new { note = "no finding" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing);
        Assert.True(missingProblem.GetProperty("errors").TryGetProperty("finding", out _), missingProblem.ToString());
        var (malformed, _, malformedResponse) = await reviewer.PostJsonAsync(path, "{\"finding\":");
        Assert.Equal(HttpStatusCode.BadRequest, malformed);
        Assert.Equal("application/problem+json", malformedResponse.Content.Headers.ContentType?.MediaType);

        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostJsonAsync(path, new { finding = "none" })).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await reviewer.PostJsonAsync(path, new { finding = "none" })).Status);
    }

    [Fact]
    public async Task A_court_with_a_quality_review_holds_each_judges_file_of_the_year_for_the_draw_and_lists_the_judges_without_one_reviewed()
    {
        var scenario = await JudgesFileOnlyScenarioAsync();
        try
        {
            await using var factory = new DocketFactory(settings: new Dictionary<string, string?> { ["Docket:Scenario"] = scenario });
            var reviewer = factory.ClientFor(TestUsers.Reviewer);
            var judge = factory.ClientFor(TestUsers.JudgeCivil1);
            var year = "/api/courts/live/quality-review";

            var closed = await CloseOnTeamAsync(factory, "civil-1", TestUsers.JudgeCivil1);
            var (_, record, _) = await judge.GetJsonAsync($"/api/cases/{closed}");
            Assert.Equal("held", record.GetProperty("case").Str("review"));
            var ledger = await factory.ClientFor(TestUsers.Auditor).GetStringAsync("/api/courts/live/ledger?format=jsonl");
            Assert.Contains(ledger.Split('\n'), line => line.Contains("\"kind\":\"close\"", StringComparison.Ordinal)
                && line.Contains($"\"case\":\"{closed}\"", StringComparison.Ordinal) && line.Contains("\"review\":\"held\"", StringComparison.Ordinal));
            Assert.Equal(HttpStatusCode.OK, (await judge.PostJsonAsync($"/api/cases/{closed}/events", new { node = "judgment_online" })).Status);
            var (refused, problem, _) = await judge.PostJsonAsync($"/api/cases/{closed}/events", new { node = "archiving" });
            Assert.Equal(HttpStatusCode.Conflict, refused);
            Assert.Contains("archiving waits", problem.Str("detail"), StringComparison.Ordinal);

            var (status, before, _) = await reviewer.GetJsonAsync(year);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(2026, before.GetProperty("year").GetInt32());
            Assert.True(before.GetProperty("holds_files").GetBoolean());
            var row = before.GetProperty("judges").EnumerateArray().Single(j => j.Str("judge") == "civil-1/judge-1");
            Assert.Equal((1, 1, false, 0), (row.GetProperty("closed").GetInt32(), row.GetProperty("held").GetInt32(), row.GetProperty("drawn").GetBoolean(), row.GetProperty("reviewed").GetInt32()));
            Assert.Equal(["civil-1/judge-1"], before.GetProperty("without_review").EnumerateArray().Select(j => j.GetString()));

            var (_, draw, _) = await reviewer.PostJsonAsync("/api/courts/live/quality-review/draws", null);
            Assert.Equal([closed], draw.GetProperty("sample").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(HttpStatusCode.OK, (await reviewer.PostJsonAsync($"/api/cases/{closed}/quality-review", new { finding = "none" })).Status);
            Assert.Equal(HttpStatusCode.OK, (await judge.PostJsonAsync($"/api/cases/{closed}/events", new { node = "archiving" })).Status);
            var (_, after, _) = await factory.ClientFor(TestUsers.President).GetJsonAsync($"{year}?year=2026");
            Assert.Empty(after.GetProperty("without_review").EnumerateArray());
            Assert.Empty((await factory.ClientFor(TestUsers.HeadCivil).GetJsonAsync($"{year}?year=2025")).Body.GetProperty("without_review").EnumerateArray());

            Assert.Equal(HttpStatusCode.Forbidden, (await judge.GetJsonAsync(year)).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientFor(TestUsers.Registrar).GetJsonAsync(year)).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetJsonAsync("/api/courts/nowhere/quality-review")).Status);
            var (bad, badProblem, _) = await reviewer.GetJsonAsync($"{year}?year=last");
            Assert.Equal(HttpStatusCode.BadRequest, bad);
            Assert.True(badProblem.GetProperty("errors").TryGetProperty("year", out _), badProblem.ToString());

            var (_, verify, _) = await factory.ClientFor(TestUsers.Auditor).GetJsonAsync("/api/audit/verify");
            Assert.True(verify.GetProperty("valid").GetBoolean(), verify.ToString());
        }
        finally
        {
            File.Delete(scenario);
        }
    }

    /// <summary>
    /// A scenario file with a quality review that draws only each judge's file of the year (<c>sample_share: 0</c>),
    /// for tests that need files passed over; delete it after.
    /// </summary>
    internal static async Task<string> JudgesFileOnlyScenarioAsync()
    {
        var scenario = Path.Combine(Path.GetTempPath(), $"docket-quality-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(scenario, File.ReadAllText(DocketFactory.ScenarioPath)
            + "supervision:\n  staff: { division_head: 1 }\nquality_review: { sample_share: 0 }\n");
        return scenario;
    }

    /// <summary>
    /// Three files closed on civil-1 and a draw (of <see cref="JudgesFileOnlyScenarioAsync"/>'s court): the judge's
    /// file of the year is drawn, the other two are passed over and archived, so they are finished. Returns those two.
    /// </summary>
    internal static async Task<string[]> PassedOverAndArchivedAsync(DocketFactory factory)
    {
        var files = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            files.Add(await CloseOnTeamAsync(factory, "civil-1", TestUsers.JudgeCivil1));
        }
        var (status, draw, _) = await factory.ClientFor(TestUsers.Reviewer).PostJsonAsync("/api/courts/live/quality-review/draws", null);
        Assert.Equal(HttpStatusCode.Created, status);
        // One judge, so one file drawn: the one holding the judge's place for the year (a later file may take it).
        var drawn = Assert.Single(draw.GetProperty("sample").EnumerateArray().Select(e => e.GetString()));
        var passedOver = files.Where(f => f != drawn).ToArray();
        var judge = factory.ClientFor(TestUsers.JudgeCivil1);
        foreach (var id in passedOver)
        {
            foreach (var node in new[] { "judgment_online", "archiving" })
            {
                var (reached, body, _) = await judge.PostJsonAsync($"/api/cases/{id}/events", new { node });
                Assert.True(reached == HttpStatusCode.OK, $"{id} {node}: {reached} {body}");
            }
        }
        return passedOver;
    }

    /// <summary>A simple civil case filed until one lands on <paramref name="team"/>, then reported up to its judgment (closed, not archived).</summary>
    internal static async Task<string> CloseOnTeamAsync(DocketFactory factory, string team, string judgeKey)
    {
        var registrar = factory.ClientFor(TestUsers.Registrar);
        var judge = factory.ClientFor(judgeKey);
        for (var i = 0; i < 80; i++)
        {
            var filed = await registrar.FileAsync("simple_civil");
            if (filed.Str("team") != team)
            {
                continue;
            }
            var id = filed.Str("id");
            JsonElement last = default;
            foreach (var node in s_toJudgment)
            {
                var (status, body, _) = await judge.PostJsonAsync($"/api/cases/{id}/events", new { node });
                Assert.True(status == HttpStatusCode.OK, $"{id} {node}: {status} {body}");
                last = body;
            }
            Assert.Equal("closed", last.GetProperty("case").GetProperty("case").Str("status"));
            return id;
        }
        throw new InvalidOperationException($"no case reached team {team}");
    }
}
