using System.Net;
using System.Text.Json;
using Docket.Abstractions;
using Docket.Domain.Assignment;
using Docket.Domain.Balance;
using Docket.Domain.Courts;
using Docket.Domain.Replay;
using Docket.Domain.Scenarios;
using Docket.Domain.Simulation;
using Docket.Domain.Staffing;
using Microsoft.Extensions.DependencyInjection;

namespace Docket.Server.Tests;

/// <summary>
/// The team and judge grains' figures (<c>figures</c> of the caseload answers): kept as running tallies while cases are
/// filed, moved, extended and closed, they equal what the domain's calculators make of the court's exported ledger,
/// case by case, for that team or judge.
/// </summary>
public sealed class DocketFiguresTests
{
    [Fact]
    public async Task Team_and_judge_figures_after_random_filings_moves_extensions_and_closures_equal_the_exported_ledgers()
    {
        // The test court with two judges in each civil team and a quota in cases, so judges' shares and the Gini count.
        var scenario = Path.Combine(Path.GetTempPath(), $"docket-figures-{Guid.NewGuid():N}.yaml");
        var text = File.ReadAllText(DocketFactory.ScenarioPath).Replace(
            "{ id: civil, count: 3, members: { judge: 1, assistant: 1 }, accepts: [civil] }",
            "{ id: civil, count: 3, members: { judge: 2, assistant: 1 }, accepts: [civil], quota: 40, quota_unit: cases }", StringComparison.Ordinal);
        Assert.Contains("judge: 2", text, StringComparison.Ordinal);
        await File.WriteAllTextAsync(scenario, text);
        try
        {
            await using var factory = new DocketFactory(settings: new Dictionary<string, string?> { ["Docket:Scenario"] = scenario });
            var counts = await RunRandomDocketAsync(factory, new Random(20261204));
            Assert.True(counts.Closed >= 5 && counts.Moved >= 1, $"{counts}");

            var loaded = ScenarioLoader.Load(text, scenario).Scenario!;
            var exported = await factory.ClientFor(TestUsers.Auditor).GetStringAsync($"/api/courts/{DocketFactory.Court}/ledger?format=jsonl");
            var lines = LedgerFile.Read(exported[..^1].Split('\n'), "export.jsonl");
            var court = LedgerReplay.CourtOf(new Organization(loaded, scenario), lines, "export.jsonl");
            var cases = lines.Select(l => l.Entry).Where(e => e.Case is not null).GroupBy(e => e.Case!)
                .Select(g => CaseEntries.Fold(court, g)).ToArray();
            var started = lines[0].Entry.At;
            var now = factory.Clock.GetUtcNow();
            var president = factory.ClientFor(TestUsers.President);
            var closedInLaterYear = false;
            for (var t = 0; t < court.Layout.Teams.Count; t++)
            {
                var team = court.Layout.Teams[t].Id;
                var load = (await president.GetJsonAsync($"/api/teams/{team}/caseload")).Body;
                AssertFigures(Expected(court, t, null, cases, started, now), load.GetProperty("figures"), team);
                Assert.Equal(JsonValueKind.Null, load.GetProperty("judge").ValueKind);
                for (var k = 0; k < court.Layout.JudgesPerTeam[t]; k++)
                {
                    var judge = JudgeInCharge.Name(team, k);
                    var (status, judgeLoad, _) = await president.GetJsonAsync($"/api/teams/{team}/judges/judge-{k + 1}/caseload");
                    Assert.Equal(HttpStatusCode.OK, status);
                    Assert.Equal(judge, judgeLoad.GetProperty("judge").GetString());
                    AssertFigures(Expected(court, t, judge, cases, started, now), judgeLoad.GetProperty("figures"), judge);
                }
                closedInLaterYear |= load.GetProperty("figures").GetProperty("closed_this_year").GetInt64() < load.GetProperty("figures").GetProperty("closed").GetInt64();
            }
            // The run crossed into a new year of the court's calendar: this year's closures are fewer than all of them.
            Assert.True(closedInLaterYear);
        }
        finally
        {
            File.Delete(scenario);
        }
    }

    private sealed record RunCounts(int Filed, int Closed, int Moved, int Extended);

    /// <summary>Files civil cases as the clock moves on, and now and then closes, moves or extends an open one at random.</summary>
    private static async Task<RunCounts> RunRandomDocketAsync(DocketFactory factory, Random random)
    {
        var registrar = factory.ClientFor(TestUsers.Registrar);
        var clerk = factory.ClientFor(TestUsers.Clerk);
        var president = factory.ClientFor(TestUsers.President);
        var grains = factory.Services.GetRequiredService<IGrainFactory>();
        var open = new List<string>();
        int filed = 0, closed = 0, moved = 0, extended = 0;
        for (var step = 0; step < 60; step++)
        {
            // Mostly minutes apart; twice a long gap, so the run crosses a year and the open cases age.
            factory.Clock.Advance(step is 20 or 40 ? TimeSpan.FromDays(160) : TimeSpan.FromMinutes(random.Next(1, 600)));
            var roll = random.Next(10);
            if (roll < 5 || open.Count == 0)
            {
                open.Add((await registrar.FileAsync("simple_civil", flagged: random.Next(8) == 0)).Str("id"));
                filed++;
            }
            else if (roll < 8)
            {
                var id = open[random.Next(open.Count)];
                foreach (var node in new[] { "served", "hearing_scheduled", "hearing", "judgment" })
                {
                    var (status, body, _) = await clerk.PostJsonAsync($"/api/cases/{id}/events", new { node });
                    Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Conflict or HttpStatusCode.Locked, body.ToString());
                }
                if ((await clerk.GetJsonAsync($"/api/cases/{id}")).Body.GetProperty("case").Str("status") == "closed")
                {
                    open.Remove(id);
                    closed++;
                }
            }
            else if (roll < 9)
            {
                var id = open[random.Next(open.Count)];
                var to = $"civil-{random.Next(1, 4)}";
                moved += (await president.PostJsonAsync($"/api/cases/{id}/designate", new { team = to, reason = "related case" })).Status == HttpStatusCode.OK ? 1 : 0;
            }
            else
            {
                var id = open[random.Next(open.Count)];
                extended += (await president.PostJsonAsync($"/api/cases/{id}/extensions", new { days = 30, reason = "expert report pending" })).Status == HttpStatusCode.OK ? 1 : 0;
            }
            if (step == 30)
            {
                // News said lost: the team takes its docket, tally and all, from the court's snapshot and counts on from there.
                await grains.GetGrain<ILiveTeamGrain>("civil-1").TellAsync(new DocketNews("civil-1", long.MaxValue / 2, [], []));
            }
        }
        return new RunCounts(filed, closed, moved, extended);
    }

    /// <summary>A team's or judge's figures computed case by case from the ledger's case records with the domain's calculators.</summary>
    private static DocketFigures Expected(Court court, int team, string? judge, IEnumerable<CourtCase> cases, DateTimeOffset started, DateTimeOffset now)
    {
        var t = court.Layout.Teams[team];
        var mine = cases.Where(c => c.Team == t.Id && (judge is null || c.Judge == judge) && c.Status is CourtCaseStatus.Pending or CourtCaseStatus.Closed).ToArray();
        var inputs = new BalanceInputs();
        double credit = 0;
        long closedThisYear = 0;
        foreach (var c in mine)
        {
            var type = court.CaseTypes[court.TypeIndex(c.Type)];
            inputs.File(c.Extensions);
            if (c.ClosedAt is { } at)
            {
                inputs.Close(type, (at - c.FiledAt).TotalDays, CaseClock.Suspension(type, c).Days);
                credit += QuotaAttainment.Credit(t.QuotaUnit, type.Weight);
                closedThisYear += at.Year == now.Year ? 1 : 0;
            }
            else
            {
                inputs.Pending((now - c.FiledAt).TotalDays, court.Scenario.Balance.LongPendingDays);
            }
        }
        var judges = court.Layout.JudgesPerTeam[team];
        var quota = judge is null ? t.Quota : QuotaAttainment.JudgeShare(t.Quota, judges);
        var open = mine.Where(c => c.ClosedAt is null).ToArray();
        var gini = judge is null
            ? Gini.Of(Enumerable.Range(0, judges).Select(k => open.Where(c => c.Judge == JudgeInCharge.Name(t.Id, k)).Sum(c => court.CaseTypes[court.TypeIndex(c.Type)].Weight)))
            : 0;
        var i = inputs.Indicators();
        return new DocketFigures(open.Length, mine.Length - open.Length, closedThisYear,
            mine.Length == 0 ? 0 : (double)(mine.Length - open.Length) / mine.Length,
            quota, QuotaAttainment.Name(t.QuotaUnit), QuotaAttainment.Of(credit, quota, (now - started).TotalDays / SimulationYear.Days),
            new BalanceKpi(i.Index(court.Scenario.Balance.Weights), i.TimeLimitChangeRate, i.TrialTimeIndex, i.MediationAndSimpleShare, i.FileTransferDays, i.LongPendingShare, gini));
    }

    private static void AssertFigures(DocketFigures expected, JsonElement figures, string who)
    {
        Assert.True(expected.Open == figures.GetProperty("open").GetInt64(), $"{who}: open");
        Assert.True(expected.Closed == figures.GetProperty("closed").GetInt64(), $"{who}: closed");
        Assert.True(expected.ClosedThisYear == figures.GetProperty("closed_this_year").GetInt64(), $"{who}: closed this year");
        Assert.Equal(expected.QuotaUnit, figures.Str("quota_unit"));
        var balance = figures.GetProperty("balance");
        foreach (var (name, value, actual) in new[]
        {
            ("closure_rate", expected.ClosureRate, figures.GetProperty("closure_rate")),
            ("quota", expected.Quota, figures.GetProperty("quota")),
            ("quota_attainment", expected.QuotaAttainment, figures.GetProperty("quota_attainment")),
            ("index", expected.Balance.Index, balance.GetProperty("index")),
            ("time_limit_change_rate", expected.Balance.TimeLimitChangeRate, balance.GetProperty("time_limit_change_rate")),
            ("trial_time_index", expected.Balance.TrialTimeIndex, balance.GetProperty("trial_time_index")),
            ("mediation_and_simple_share", expected.Balance.MediationAndSimpleShare, balance.GetProperty("mediation_and_simple_share")),
            ("long_pending_share", expected.Balance.LongPendingShare, balance.GetProperty("long_pending_share")),
            ("caseload_gini", expected.Balance.CaseloadGini, balance.GetProperty("caseload_gini")),
        })
        {
            Assert.True(Math.Abs(value - actual.GetDouble()) < 1e-9, $"{who}: {name} {actual.GetDouble()}, expected {value}");
        }
    }
}
