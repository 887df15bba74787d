using System.Net;
using Docket.Abstractions;
using Docket.Domain.Courts;
using Microsoft.Extensions.DependencyInjection;

namespace Docket.Server.Tests;

/// <summary>
/// The live service's team and judge grains: each holds its docket, told by the court of the durable entries that
/// concern its team, and answers for its caseload as the court's ledger makes it — also after news was lost.
/// </summary>
public sealed class TeamGrainTests
{
    [Fact]
    public async Task Team_and_judge_caseloads_hold_what_the_courts_ledger_makes_also_after_lost_news()
    {
        await using var factory = new DocketFactory();
        var registrar = factory.ClientFor(TestUsers.Registrar);
        var president = factory.ClientFor(TestUsers.President);
        var clerk = factory.ClientFor(TestUsers.Clerk);
        var filed = new List<(string Id, string Team)>();
        for (var i = 0; i < 9; i++)
        {
            var c = await registrar.FileAsync("simple_civil");
            filed.Add((c.Str("id"), c.Str("team")));
        }
        var grains = factory.Services.GetRequiredService<IGrainFactory>();
        var court = grains.GetGrain<ILiveCourtGrain>(DocketFactory.Court);

        // News saying an entry for the team went missing: the team catches up from the court.
        await grains.GetGrain<ILiveTeamGrain>("civil-1").TellAsync(new DocketNews("civil-1", long.MaxValue / 2, [], []));
        var (moved, from) = filed[0];
        var to = from == "civil-1" ? "civil-2" : "civil-1";
        Assert.Equal(HttpStatusCode.OK, (await president.PostJsonAsync($"/api/cases/{moved}/designate", new { team = to, reason = "related case" })).Status);
        var closing = filed[1].Id;
        foreach (var node in new[] { "served", "hearing_scheduled", "hearing", "judgment" })
        {
            var (status, body, _) = await clerk.PostJsonAsync($"/api/cases/{closing}/events", new { node });
            Assert.True(status == HttpStatusCode.OK, body.ToString());
        }
        for (var i = 0; i < 3; i++)
        {
            await registrar.FileAsync("simple_civil");
        }

        foreach (var team in new[] { "civil-1", "civil-2", "civil-3", "lead-1" })
        {
            var docket = (await court.GetDocketAsync(team, null))!;
            var (status, load, _) = await president.GetJsonAsync($"/api/teams/{team}/caseload");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(docket.Open.Select(c => c.Id), load.GetProperty("cases").EnumerateArray().Select(c => c.Str("id")));
            Assert.Equal(docket.Assigned, load.GetProperty("assigned").GetInt64());
            Assert.Equal(docket.Closed, load.GetProperty("closed").GetInt64());
            var (judgeStatus, judgeLoad, _) = await president.GetJsonAsync($"/api/teams/{team}/judges/judge-1/caseload");
            Assert.Equal(HttpStatusCode.OK, judgeStatus);
            Assert.Equal(docket.Open.Select(c => c.Id), judgeLoad.GetProperty("cases").EnumerateArray().Select(c => c.Str("id")));
            Assert.All(judgeLoad.GetProperty("cases").EnumerateArray(), c => Assert.Equal($"{team}/judge-1", c.Str("judge")));
            // The test court's teams have no quota: attainment 0 for a team, none for a judge (the quota is the team's).
            Assert.Equal(0.0, load.GetProperty("quota_attainment").GetDouble());
            Assert.False(judgeLoad.TryGetProperty("quota_attainment", out var judgeQuota) && judgeQuota.ValueKind == System.Text.Json.JsonValueKind.Number);
        }
        var receiving = (await president.GetJsonAsync($"/api/teams/{to}/caseload")).Body;
        Assert.Contains(receiving.GetProperty("cases").EnumerateArray(), c => c.Str("id") == moved);
        Assert.Equal(HttpStatusCode.NotFound, (await president.GetJsonAsync("/api/teams/civil-1/judges/judge-2/caseload")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await president.GetJsonAsync("/api/teams/civil-9/judges/judge-1/caseload")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientFor(TestUsers.JudgeCivil1).GetJsonAsync("/api/teams/civil-2/judges/judge-1/caseload")).Status);
    }

    [Fact]
    public async Task A_docket_behind_by_news_catches_up_with_the_news_the_court_keeps_and_afresh_once_it_keeps_too_few()
    {
        await using var factory = new DocketFactory();
        var registrar = factory.ClientFor(TestUsers.Registrar);
        await registrar.FileAsync("simple_civil");
        var grains = factory.Services.GetRequiredService<IGrainFactory>();
        var court = grains.GetGrain<ILiveCourtGrain>(DocketFactory.Court);
        var domain = factory.Services.GetRequiredService<Organization>().Court(DocketFactory.Court)!;
        var teams = new[] { "civil-1", "civil-2", "civil-3", "lead-1" };
        var before = new Dictionary<string, DocketSnapshot>();
        foreach (var team in teams)
        {
            before[team] = (await court.GetDocketAsync(team, null))!;
        }
        for (var i = 0; i < 6; i++)
        {
            await registrar.FileAsync("simple_civil");
        }

        foreach (var team in teams)
        {
            var catchUp = (await court.CatchUpAsync(team, before[team].Through))!;
            var now = (await court.GetDocketAsync(team, null))!;
            Assert.NotNull(catchUp.News);
            var docket = new OpenDocket(domain, before[team]);
            foreach (var news in catchUp.News)
            {
                foreach (var entry in news.Entries.Where(e => e.Seq > docket.Through))
                {
                    docket.Apply(entry, n => news.Arrivals.FirstOrDefault(c => c.Number == n));
                }
            }
            Assert.Equal(now.Open.Select(c => c.Id), docket.Open.Select(c => c.Id));
            Assert.Equal(now.Assigned, docket.Assigned);
            Assert.Equal(catchUp.LastTouch > before[team].Through, catchUp.News.Length > 0);
            // Caught up, nothing is missing.
            Assert.Empty((await court.CatchUpAsync(team, catchUp.LastTouch))!.News!);
        }

        // More news than the court keeps for a team: a docket that far behind is taken afresh.
        for (var i = 0; i < Docket.Grains.RecentTeamNews.PerTeam * teams.Length + 8; i++)
        {
            await registrar.FileAsync("simple_civil");
        }
        var behind = await Task.WhenAll(teams.Select(t => court.CatchUpAsync(t, before[t].Through)));
        Assert.Contains(behind, c => c!.News is null);
        Assert.Null(await court.CatchUpAsync("civil-9", 0));
    }
}
