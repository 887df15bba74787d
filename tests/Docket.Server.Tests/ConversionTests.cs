using System.Net;
using System.Text.Json;

namespace Docket.Server.Tests;

/// <summary>
/// Simple → ordinary conversion through HTTP (cases 157, 159): a judge of the case's team asks, the division head
/// the scenario names approves or refuses, both in the ledger, and only an approval moves the limit; and the
/// president's extensions stop at the scenario's cap, the next being the higher court's.
/// </summary>
public sealed class ConversionTests
{
    [Fact]
    public async Task A_judge_asks_the_division_head_approves_and_the_case_takes_the_ordinary_limit_from_filing()
    {
        await using var factory = new DocketFactory();
        var filed = await FileOnTeamAsync(factory, "civil-1");
        var id = filed.Str("id");
        var filedAt = filed.GetProperty("case").GetProperty("case").GetProperty("filed_at").GetDateTimeOffset();
        var limit = filed.GetProperty("case").GetProperty("limit_at").GetDateTimeOffset();
        Assert.Equal(filedAt.AddDays(90), limit);
        var judge = factory.ClientFor(TestUsers.JudgeCivil1);
        var head = factory.ClientFor(TestUsers.HeadCivil);
        var request = $"/api/cases/{id}/conversion";
        var decision = $"/api/cases/{id}/conversion/decision";
        factory.Clock.Advance(TimeSpan.FromDays(20));

        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientFor(TestUsers.JudgeCivil2).PostJsonAsync(request, new { reason = "complex" })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientFor(TestUsers.JudgeCivil2).PostJsonAsync(request, new { reason = " " })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientFor(TestUsers.Registrar).PostJsonAsync(request, new { reason = "complex" })).Status);
        var (blank, blankProblem, _) = await judge.PostJsonAsync(request, new { reason = " " });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, blank);
        Assert.True(blankProblem.GetProperty("errors").TryGetProperty("reason", out _), blankProblem.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, (await judge.PostJsonAsync(request, "{\"reason\":")).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await head.PostJsonAsync(decision, new { approve = true })).Status);

        var (asked, askedBody, _) = await judge.PostJsonAsync(request, new { reason = "counterclaim makes it complex" });
        Assert.Equal(HttpStatusCode.OK, asked);
        Assert.Equal("conversion_requested", askedBody.GetProperty("entries")[0].Str("kind"));
        Assert.Equal(limit, askedBody.GetProperty("case").GetProperty("limit_at").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.Conflict, (await judge.PostJsonAsync(request, new { reason = "again" })).Status);

        Assert.Equal(HttpStatusCode.Forbidden, (await judge.PostJsonAsync(decision, new { approve = true })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientFor(TestUsers.HeadCriminal).PostJsonAsync(decision, new { approve = true })).Status);
        var (noAnswer, noAnswerProblem, _) = await head.PostJsonAsync(decision, new { reason = "undecided" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noAnswer);
        Assert.True(noAnswerProblem.GetProperty("errors").TryGetProperty("approve", out _), noAnswerProblem.ToString());

        var (approved, approvedBody, _) = await head.PostJsonAsync(decision, new { approve = true, reason = "complex counterclaim" });
        Assert.Equal(HttpStatusCode.OK, approved);
        var entry = approvedBody.GetProperty("entries")[0];
        Assert.Equal("conversion_approved", entry.Str("kind"));
        Assert.Equal(90, entry.GetProperty("entry").GetProperty("days").GetDouble());
        Assert.Equal(filedAt.AddDays(180), approvedBody.GetProperty("case").GetProperty("limit_at").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.Conflict, (await head.PostJsonAsync(decision, new { approve = false })).Status);

        var read = (await factory.ClientFor(TestUsers.President).GetJsonAsync($"/api/cases/{id}")).Body;
        Assert.Equal(filedAt.AddDays(180), read.GetProperty("limit_at").GetDateTimeOffset());
        var (_, verify, _) = await factory.ClientFor(TestUsers.Auditor).GetJsonAsync("/api/audit/verify");
        Assert.True(verify.GetProperty("valid").GetBoolean(), verify.ToString());
    }

    [Fact]
    public async Task A_refused_conversion_keeps_the_simple_procedures_limit()
    {
        await using var factory = new DocketFactory();
        var filed = await FileOnTeamAsync(factory, "civil-2");
        var id = filed.Str("id");
        var limit = filed.GetProperty("case").GetProperty("limit_at").GetDateTimeOffset();
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientFor(TestUsers.JudgeCivil2).PostJsonAsync($"/api/cases/{id}/conversion", new { reason = "complex" })).Status);

        var (refused, body, _) = await factory.ClientFor(TestUsers.President).PostJsonAsync($"/api/cases/{id}/conversion/decision", new { approve = false, reason = "not complex" });
        Assert.Equal(HttpStatusCode.OK, refused);
        Assert.Equal("conversion_refused", body.GetProperty("entries")[0].Str("kind"));
        Assert.Equal(limit, body.GetProperty("case").GetProperty("limit_at").GetDateTimeOffset());
    }

    [Fact]
    public async Task The_president_extends_once_and_a_second_extension_is_left_to_the_higher_court()
    {
        await using var factory = new DocketFactory();
        var filed = await factory.ClientFor(TestUsers.Registrar).FileAsync("simple_civil");
        var path = $"/api/cases/{filed.Str("id")}/extensions";
        var president = factory.ClientFor(TestUsers.President);

        factory.Clock.Advance(TimeSpan.FromDays(61));
        // A number is a JSON number: "30" as a string is refused, naming the field, and extends nothing.
        var (asText, textProblem, _) = await president.PostJsonAsync(path, "{\"days\": \"30\", \"reason\": \"expert report pending\"}");
        Assert.Equal(HttpStatusCode.BadRequest, asText);
        Assert.True(textProblem.GetProperty("errors").TryGetProperty("days", out _));
        Assert.Equal(HttpStatusCode.OK, (await president.PostJsonAsync(path, new { days = 30, reason = "expert report pending" })).Status);
        // Day 91: the extended limit (day 120)'s warning has come, but the cap (extension.max 1) is reached.
        factory.Clock.Advance(TimeSpan.FromDays(30));
        var (status, problem, _) = await president.PostJsonAsync(path, new { days = 30, reason = "still pending" });
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("higher court", problem.Str("detail"), StringComparison.Ordinal);
        var read = (await president.GetJsonAsync($"/api/cases/{filed.Str("id")}")).Body;
        Assert.Equal(1, read.GetProperty("case").GetProperty("extensions").GetInt32());
    }

    /// <summary>A simple civil case filed until one lands on <paramref name="team"/> (whose judge is a test user).</summary>
    private static async Task<JsonElement> FileOnTeamAsync(DocketFactory factory, string team)
    {
        var registrar = factory.ClientFor(TestUsers.Registrar);
        for (var i = 0; i < 80; i++)
        {
            var filed = await registrar.FileAsync("simple_civil");
            if (filed.Str("team") == team)
            {
                return filed;
            }
        }
        throw new InvalidOperationException($"no case reached team {team}");
    }
}
