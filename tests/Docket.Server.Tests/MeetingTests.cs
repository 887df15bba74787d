using System.Net;
using System.Text.Json;

namespace Docket.Server.Tests;

/// <summary>
/// Professional judges' meetings and the adjudication committee through HTTP (cases 164, 165): a referral with a
/// trigger holds the case, the meeting sits after the papers' week, the released case closes, a four-type case whose
/// panel departs from the majority goes to the committee; who may do each, bad input, and the ledger verifying.
/// </summary>
public sealed class MeetingTests
{
    [Fact]
    public async Task A_referred_case_closes_only_after_its_meeting_sat_and_was_released()
    {
        await using var factory = new DocketFactory();
        var (id, judge) = await HeardOnTeamAsync(factory, "civil-1");
        var head = factory.ClientFor(TestUsers.HeadCivil);
        var meeting = $"/api/cases/{id}/meeting";

        var (referred, referredBody, _) = await judge.PostJsonAsync(meeting, new { trigger = "panel_split", reason = "two against one on liability" });
        Assert.Equal(HttpStatusCode.OK, referred);
        var entry = referredBody.GetProperty("entries")[0];
        Assert.Equal("meeting_referred", entry.Str("kind"));
        Assert.Equal("panel_split", entry.GetProperty("entry").Str("trigger"));
        Assert.Equal(HttpStatusCode.Conflict, (await judge.PostJsonAsync(meeting, new { trigger = "remanded", reason = "again" })).Status);

        var (early, earlyProblem, _) = await judge.PostJsonAsync($"/api/cases/{id}/events", new { node = "judgment" });
        Assert.Equal(HttpStatusCode.Conflict, early);
        Assert.Contains("meeting", earlyProblem.Str("detail"), StringComparison.Ordinal);
        var (papers, papersProblem, _) = await head.PostJsonAsync($"{meeting}/held", new { adopted = true });
        Assert.Equal(HttpStatusCode.Conflict, papers);
        Assert.Contains("papers", papersProblem.Str("detail"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await head.PostJsonAsync($"{meeting}/release", new { })).Status);

        factory.Clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal(HttpStatusCode.Forbidden, (await judge.PostJsonAsync($"{meeting}/held", new { adopted = true })).Status);
        var (held, heldBody, _) = await head.PostJsonAsync($"{meeting}/held", new { adopted = true });
        Assert.Equal(HttpStatusCode.OK, held);
        Assert.True(heldBody.GetProperty("entries")[0].GetProperty("entry").GetProperty("adopted").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, (await judge.PostJsonAsync($"/api/cases/{id}/events", new { node = "judgment" })).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await head.PostJsonAsync($"/api/cases/{id}/committee", new { })).Status);

        Assert.Equal(HttpStatusCode.OK, (await head.PostJsonAsync($"{meeting}/release", new { })).Status);
        var (closed, closedBody, _) = await judge.PostJsonAsync($"/api/cases/{id}/events", new { node = "judgment" });
        Assert.Equal(HttpStatusCode.OK, closed);
        Assert.Equal("closed", closedBody.GetProperty("case").GetProperty("case").Str("status"));
        await AssertLedgerVerifiesAsync(factory);
    }

    [Fact]
    public async Task A_four_type_case_whose_panel_departs_from_the_majority_goes_to_the_committee_whose_decision_releases_it()
    {
        await using var factory = new DocketFactory();
        var (id, judge) = await HeardOnTeamAsync(factory, "civil-2");
        var head = factory.ClientFor(TestUsers.HeadCivil);
        var president = factory.ClientFor(TestUsers.President);
        var meeting = $"/api/cases/{id}/meeting";
        Assert.Equal(HttpStatusCode.OK, (await judge.PostJsonAsync(meeting, new { trigger = "four_type", reason = "a four-type case" })).Status);
        factory.Clock.Advance(TimeSpan.FromDays(8));
        Assert.Equal(HttpStatusCode.OK, (await president.PostJsonAsync($"{meeting}/held", new { adopted = false })).Status);

        var (release, releaseProblem, _) = await head.PostJsonAsync($"{meeting}/release", new { });
        Assert.Equal(HttpStatusCode.Conflict, release);
        Assert.Contains("adjudication committee", releaseProblem.Str("detail"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await president.PostJsonAsync($"/api/cases/{id}/committee/decision", new { reason = "too early" })).Status);
        // The committee referral's reason is optional: no body at all sends it without one.
        using (var sent = await head.PostAsync($"/api/cases/{id}/committee", null))
        {
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        }
        Assert.Equal(HttpStatusCode.Conflict, (await judge.PostJsonAsync($"/api/cases/{id}/events", new { node = "judgment" })).Status);

        Assert.Equal(HttpStatusCode.Forbidden, (await head.PostJsonAsync($"/api/cases/{id}/committee/decision", new { reason = "uphold" })).Status);
        var (blank, blankProblem, _) = await president.PostJsonAsync($"/api/cases/{id}/committee/decision", new { reason = " " });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, blank);
        Assert.True(blankProblem.GetProperty("errors").TryGetProperty("reason", out _), blankProblem.ToString());
        var (decided, decidedBody, _) = await president.PostJsonAsync($"/api/cases/{id}/committee/decision", new { reason = "the majority's view stands" });
        Assert.Equal(HttpStatusCode.OK, decided);
        Assert.Equal("committee_decided", decidedBody.GetProperty("entries")[0].Str("kind"));
        Assert.Equal(HttpStatusCode.OK, (await judge.PostJsonAsync($"/api/cases/{id}/events", new { node = "judgment" })).Status);
        await AssertLedgerVerifiesAsync(factory);
    }

    [Fact]
    public async Task Referrals_are_refused_to_the_wrong_roles_and_bad_input_names_the_field()
    {
        await using var factory = new DocketFactory();
        var (id, judge) = await HeardOnTeamAsync(factory, "civil-1");
        var meeting = $"/api/cases/{id}/meeting";

        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientFor(TestUsers.JudgeCivil2).PostJsonAsync(meeting, new { trigger = "panel_split", reason = "r" })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientFor(TestUsers.JudgeCivil2).PostJsonAsync(meeting, new { trigger = "hunch" })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientFor(TestUsers.Registrar).PostJsonAsync(meeting, new { trigger = "panel_split", reason = "r" })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientFor(TestUsers.HeadCriminal).PostJsonAsync(meeting, new { trigger = "leader_disagrees", reason = "r" })).Status);
        var (leader, leaderProblem, _) = await judge.PostJsonAsync(meeting, new { trigger = "leader_disagrees", reason = "r" });
        Assert.Equal(HttpStatusCode.Forbidden, leader);
        Assert.Contains("division head or the president", leaderProblem.Str("detail"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await judge.PostJsonAsync(meeting, new { trigger = "leader_disagrees" })).Status);
        var (invisible, invisibleProblem, _) = await judge.PostJsonAsync(meeting, new { trigger = "remanded", reason = "\u200b\u0000" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invisible);
        Assert.True(invisibleProblem.GetProperty("errors").TryGetProperty("reason", out _), invisibleProblem.ToString());

        var (unknown, unknownProblem, _) = await judge.PostJsonAsync(meeting, new { trigger = "hunch", reason = "r" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown);
        Assert.True(unknownProblem.GetProperty("errors").TryGetProperty("trigger", out _), unknownProblem.ToString());
        var (noReason, noReasonProblem, _) = await judge.PostJsonAsync(meeting, new { trigger = "remanded" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason);
        Assert.True(noReasonProblem.GetProperty("errors").TryGetProperty("reason", out _), noReasonProblem.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, (await judge.PostJsonAsync(meeting, "{\"trigger\":")).Status);

        var head = factory.ClientFor(TestUsers.HeadCivil);
        Assert.Equal(HttpStatusCode.OK, (await head.PostJsonAsync(meeting, new { trigger = "leader_disagrees", reason = "the head disagrees" })).Status);
        factory.Clock.Advance(TimeSpan.FromDays(7));
        var (noAnswer, noAnswerProblem, _) = await head.PostJsonAsync($"{meeting}/held", new { });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noAnswer);
        Assert.True(noAnswerProblem.GetProperty("errors").TryGetProperty("adopted", out _), noAnswerProblem.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientFor(TestUsers.HeadCriminal).PostJsonAsync($"{meeting}/held", new { adopted = true })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientFor(TestUsers.Auditor).PostJsonAsync($"{meeting}/release", new { })).Status);
        await AssertLedgerVerifiesAsync(factory);
    }

    [Fact]
    public async Task A_sitting_holds_the_cases_it_heard_only_with_a_majority_of_its_members_present_and_attendance_is_read_per_member()
    {
        await using var factory = new DocketFactory();
        var (first, judge) = await HeardOnTeamAsync(factory, "civil-1");
        var (second, _) = await HeardOnTeamAsync(factory, "civil-2");
        var head = factory.ClientFor(TestUsers.HeadCivil);
        foreach (var id in new[] { first, second })
        {
            Assert.Equal(HttpStatusCode.OK, (await head.PostJsonAsync($"/api/cases/{id}/meeting", new { trigger = "panel_split", reason = "split" })).Status);
        }
        factory.Clock.Advance(TimeSpan.FromDays(7));
        string[] members = ["civil-1/judge-1", "civil-2/judge-1", "civil-3/judge-1", "criminal-1/judge-1", "criminal-2/judge-1"];
        var cases = new[] { new { id = first, adopted = true }, new { id = second, adopted = false } };
        const string sittings = "/api/courts/live/meetings";

        var (short_, shortBody, _) = await head.PostJsonAsync(sittings, new { members, present = members[..2], cases });
        Assert.Equal(HttpStatusCode.Created, short_);
        Assert.False(shortBody.GetProperty("held").GetBoolean());
        var sitting = Assert.Single(shortBody.GetProperty("entries").EnumerateArray()).GetProperty("entry");
        Assert.Equal("meeting_sitting", sitting.Str("kind"));
        Assert.Equal([first, second], sitting.GetProperty("heard").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(HttpStatusCode.Conflict, (await judge.PostJsonAsync($"/api/cases/{first}/events", new { node = "judgment" })).Status);

        var (held, heldBody, _) = await head.PostJsonAsync(sittings, new { members, present = members[..3], cases });
        Assert.Equal(HttpStatusCode.Created, held);
        Assert.True(heldBody.GetProperty("held").GetBoolean());
        Assert.Equal(["meeting_sitting", "meeting_held", "meeting_held"], heldBody.GetProperty("entries").EnumerateArray().Select(e => e.Str("kind")));
        Assert.Equal(HttpStatusCode.OK, (await head.PostJsonAsync($"/api/cases/{first}/meeting/release", new { })).Status);
        Assert.Equal(HttpStatusCode.OK, (await judge.PostJsonAsync($"/api/cases/{first}/events", new { node = "judgment" })).Status);

        var (read, attendance, _) = await factory.ClientFor(TestUsers.Auditor).GetJsonAsync("/api/courts/live/meetings/attendance");
        Assert.Equal(HttpStatusCode.OK, read);
        Assert.Equal((2, 1), (attendance.GetProperty("sittings").GetInt64(), attendance.GetProperty("without_quorum").GetInt64()));
        var rows = attendance.GetProperty("members").EnumerateArray().ToDictionary(m => m.Str("judge")!);
        Assert.Equal(members.Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((2, 1, 0.5, false), (rows["civil-3/judge-1"].GetProperty("called").GetInt64(), rows["civil-3/judge-1"].GetProperty("attended").GetInt64(),
            rows["civil-3/judge-1"].GetProperty("rate").GetDouble(), rows["civil-3/judge-1"].GetProperty("under_half").GetBoolean()));
        Assert.True(rows["criminal-2/judge-1"].GetProperty("under_half").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await judge.GetJsonAsync("/api/courts/live/meetings/attendance")).Status);

        Assert.Equal(HttpStatusCode.Forbidden, (await judge.PostJsonAsync(sittings, new { members, present = members, cases })).Status);
        foreach (var (body, field) in new (object Body, string Field)[]
        {
            (new { present = members, cases }, "members"),
            (new { members, present = new[] { "civil-9/judge-1" }, cases }, "present[0]"),
            (new { members, present = members, cases = new[] { new { id = "live-99999", adopted = true } } }, "cases[0].id"),
            (new { members, present = members }, "cases"),
            (new { members = new string?[] { "civil-1/judge-1", null }, present = members[..1], cases }, "members[1]"),
            (new { members, present = new string?[] { null }, cases }, "present[0]"),
            (new { members, present = members, cases = new object?[] { null } }, "cases[0].id"),
        })
        {
            var (status, problem, _) = await head.PostJsonAsync(sittings, body);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        }
        // The cases heard are held already: a sitting on them again is refused, nothing recorded.
        Assert.Equal(HttpStatusCode.Conflict, (await head.PostJsonAsync(sittings, new { members, present = members, cases })).Status);
        await AssertLedgerVerifiesAsync(factory);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_meeting_routes_with_the_triggers_as_an_enum()
    {
        await using var factory = new DocketFactory();
        var (status, body, _) = await factory.CreateClient().GetJsonAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, status);
        var paths = body.GetProperty("paths");
        foreach (var path in new[] { "/api/cases/{id}/meeting", "/api/cases/{id}/meeting/held", "/api/cases/{id}/meeting/release", "/api/cases/{id}/committee", "/api/cases/{id}/committee/decision", "/api/courts/{court}/meetings" })
        {
            Assert.True(paths.TryGetProperty(path, out var item) && item.TryGetProperty("post", out _), path);
        }
        foreach (var path in new[] { "/api/courts/{court}/meetings/attendance", "/api/courts/{court}/quality-review" })
        {
            Assert.True(paths.TryGetProperty(path, out var item) && item.TryGetProperty("get", out _), path);
        }
        var trigger = body.GetProperty("components").GetProperty("schemas").GetProperty("MeetingReferralRequest").GetProperty("properties").GetProperty("trigger");
        Assert.Equal(["four_type", "remand_or_reversal", "remanded", "panel_split", "leader_disagrees"], trigger.GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }

    /// <summary>A simple civil case filed until one lands on <paramref name="team"/>, reported up to its hearing (the stage before judgment, which closes it).</summary>
    private static async Task<(string Id, HttpClient Judge)> HeardOnTeamAsync(DocketFactory factory, string team)
    {
        var registrar = factory.ClientFor(TestUsers.Registrar);
        var judge = factory.ClientFor(team == "civil-1" ? TestUsers.JudgeCivil1 : TestUsers.JudgeCivil2);
        for (var i = 0; i < 80; i++)
        {
            var filed = await registrar.FileAsync("simple_civil");
            if (filed.Str("team") != team)
            {
                continue;
            }
            var id = filed.Str("id");
            foreach (var node in new[] { "served", "hearing_scheduled", "hearing" })
            {
                var (status, body, _) = await judge.PostJsonAsync($"/api/cases/{id}/events", new { node });
                Assert.True(status == HttpStatusCode.OK, $"{node}: {status} {body}");
            }
            return (id, judge);
        }
        throw new InvalidOperationException($"no case reached team {team}");
    }

    private static async Task AssertLedgerVerifiesAsync(DocketFactory factory)
    {
        var (_, verify, _) = await factory.ClientFor(TestUsers.Auditor).GetJsonAsync("/api/audit/verify");
        Assert.True(verify.GetProperty("valid").GetBoolean(), verify.ToString());
    }
}
