using System.Net;
using System.Text.Json;
using CsCheck;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Domain.Replay;
using Docket.Domain.Scenarios;

namespace Docket.Server.Tests;

/// <summary>
/// Issue 12's agreement through the running service: random filings (flagged, of major risk), closures, absences
/// (some withdrawn while they run), designations and deadline watches over weeks, sent to the live court through its API and grains; its exported
/// ledger given to the simulator's court, which decides every assignment itself. The same team and judge for every
/// case, the same waiting cases in the same pull order; the warnings the live watch issued are all the domain's
/// evaluator says were earned; the court's KPIs, every figure of them, are those its ledger makes; and the simulator's
/// court counts the same caseload figures and spread of open work.
/// </summary>
public sealed class LiveAgreementTests
{
    [Fact]
    public async Task The_live_service_and_the_simulators_court_agree_on_teams_judges_queue_warnings_and_kpis()
    {
        var kinds = new HashSet<string>();
        foreach (var seed in new[] { 16, 17, 20 })
        {
            var random = new Random(seed);
            kinds.UnionWith(await AgreeAsync(new Choices([.. Enumerable.Range(0, 600).Select(_ => random.Next(1_000_000))])));
        }
        // The sequences did what they are for: every kind of decision and event is in some ledger (the live court's
        // seed is new each run, so which draws lead to a pull varies).
        Assert.All(new[] { "assign", "queue", "pull", "close", "absence", "absence_withdrawn", "designate", "unlock", "warning", "escalate", "extension", "meeting_referred", "meeting_held", "meeting_released" },
            kind => Assert.True(kinds.Contains(kind), $"no {kind} entry in any of the ledgers"));
    }

    /// <summary>
    /// The same agreement on sequences CsCheck draws, a few each run: a failing one is shrunk (fewer and smaller
    /// choices: fewer steps of another kind than filing, shorter waits) before it is reported.
    /// </summary>
    [Fact]
    public async Task Drawn_sequences_agree_and_a_failing_one_is_shrunk()
    {
        await Gen.Int[0, 999_999].Array[0, 600].SampleAsync(async tape => await AgreeAsync(new Choices(tape)), iter: 3, threads: 1);
    }

    /// <summary>The sequence's choices, taken in order from a tape of numbers; 0 once the tape runs out.</summary>
    private sealed class Choices(IReadOnlyList<int> tape)
    {
        private int _next;

        public int Next(int max) => _next < tape.Count ? tape[_next++] % max : 0;

        public int Next(int min, int max) => min + Next(max - min);
    }

    private static async Task<IEnumerable<string>> AgreeAsync(Choices random)
    {
        await using var factory = new DocketFactory();
        var loaded = ScenarioLoader.Load(File.ReadAllText(DocketFactory.ScenarioPath), DocketFactory.ScenarioPath);
        var organization = new Organization(loaded.Scenario!, DocketFactory.ScenarioPath);
        var liveCourt = organization.Court(DocketFactory.Court)!;
        var registrar = factory.ClientFor(TestUsers.Registrar);
        var clerk = factory.ClientFor(TestUsers.Clerk);
        var president = factory.ClientFor(TestUsers.President);
        var admin = factory.ClientFor(TestUsers.Admin);
        var open = new List<string>();
        var typeOf = new Dictionary<string, string>();
        var absences = new List<(string Team, long Seq, DateTimeOffset To)>();
        string[] types = ["simple_civil", "criminal", "detention_review"];
        string[] teams = ["civil-1", "civil-2", "civil-3", "lead-1", "criminal-1", "criminal-2"];
        for (var step = 0; step < 70; step++)
        {
            factory.Clock.Advance(TimeSpan.FromHours(random.Next(1, 30)));
            var op = random.Next(100);
            if (op >= 47 && op < 50 && open.Count > 0)
            {
                // The president extends the limit of the longest-open simple civil case (the only type with an
                // extension); refused (409, nothing ledgered) before its warning has come, or after its one extension.
                if (open.FirstOrDefault(id => typeOf[id] == "simple_civil") is { } oldest)
                {
                    var (status, body, _) = await president.PostJsonAsync($"/api/cases/{oldest}/extensions", new { days = 10, reason = "expert report pending" });
                    Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Conflict, body.ToString());
                }
                continue;
            }
            if (op < 50 || open.Count == 0)
            {
                var filedType = types[random.Next(types.Length)];
                var (status, body, _) = await registrar.PostJsonAsync($"/api/courts/{DocketFactory.Court}/cases", new
                {
                    type = filedType,
                    flags = new { flagged = random.Next(9) == 0, risk = random.Next(11) == 0 ? "major" : "none" },
                });
                Assert.True(status == HttpStatusCode.Created, body.ToString());
                open.Add(body.Str("id"));
                typeOf[body.Str("id")] = filedType;
            }
            else if (op < 75)
            {
                // The first pending case from a random place in the list (waiting ones are skipped).
                var from = random.Next(open.Count);
                string? id = null;
                JsonElement c = default;
                for (var k = 0; k < open.Count && id is null; k++)
                {
                    var candidate = open[(from + k) % open.Count];
                    c = (await clerk.GetJsonAsync($"/api/cases/{candidate}")).Body.GetProperty("case");
                    id = c.Str("status") == "pending" ? candidate : null;
                }
                if (id is null)
                {
                    continue;
                }
                // A four-type case closes only after its professional judges' meeting: the president refers it (its
                // papers go out), and once the papers have been out a week records the meeting held and releases it.
                var meeting = LedgerExportTests.MeetingStage(c);
                if (meeting == "required")
                {
                    var (referred, why, _) = await president.PostJsonAsync($"/api/cases/{id}/meeting", new { trigger = "four_type", reason = "a four-type case" });
                    Assert.True(referred == HttpStatusCode.OK, why.ToString());
                    continue;
                }
                if (meeting == "referred")
                {
                    var (held, why, _) = await president.PostJsonAsync($"/api/cases/{id}/meeting/held", new { adopted = true });
                    if (held == HttpStatusCode.Conflict && why.Str("detail").Contains("papers went out", StringComparison.Ordinal))
                    {
                        continue;
                    }
                    Assert.True(held == HttpStatusCode.OK, why.ToString());
                    var (released, whyNot, _) = await president.PostJsonAsync($"/api/cases/{id}/meeting/release", null);
                    Assert.True(released == HttpStatusCode.OK, whyNot.ToString());
                }
                var type = loaded.Scenario!.CaseTypes.First(t => t.Id == c.Str("type"));
                foreach (var stage in type.Stages.Select(s => s.Task).Skip(c.GetProperty("stages_done").GetInt32()))
                {
                    var (reported, answer, _) = await clerk.PostJsonAsync($"/api/cases/{id}/events", new { node = stage });
                    if (reported == HttpStatusCode.Conflict && answer.Str("detail").Contains("is locked", StringComparison.Ordinal))
                    {
                        // An important node overdue locked the case: the president unlocks it, and the work goes on.
                        var (unlocked, why, _) = await president.PostJsonAsync($"/api/cases/{id}/unlock", new { reason = "overdue node explained" });
                        Assert.True(unlocked == HttpStatusCode.OK, why.ToString());
                        (reported, answer, _) = await clerk.PostJsonAsync($"/api/cases/{id}/events", new { node = stage });
                    }
                    Assert.True(reported == HttpStatusCode.OK, answer.ToString());
                    if (answer.GetProperty("case").GetProperty("case").Str("status") == "closed")
                    {
                        open.Remove(id);
                        break;
                    }
                }
            }
            else if (op < 80)
            {
                var team = teams[random.Next(teams.Length)];
                var to = factory.Clock.GetUtcNow().AddHours(random.Next(12, 120));
                var (status, body, _) = await president.PostJsonAsync($"/api/teams/{team}/absences", new { to, reason = "leave" });
                Assert.True(status == HttpStatusCode.Created, body.ToString());
                absences.Add((team, body.GetProperty("entry").GetProperty("seq").GetInt64(), to));
            }
            else if (op < 85)
            {
                // A team back early: an absence still running is withdrawn.
                var running = absences.FindIndex(a => a.To > factory.Clock.GetUtcNow());
                if (running < 0)
                {
                    continue;
                }
                var (team, seq, _) = absences[running];
                absences.RemoveAt(running);
                var (status, body, _) = await president.PostJsonAsync($"/api/teams/{team}/absences/{seq}/withdraw", new { reason = "back early" });
                Assert.True(status == HttpStatusCode.OK, body.ToString());
            }
            else if (op < 91)
            {
                // A civil case to the leader's team: it takes civil cases only, so a designation of another kind is
                // refused, and a run of those would leave the ledger without one (it did, once, in CI).
                var civil = open.Where(id => typeOf[id] == "simple_civil").ToList();
                if (civil.Count == 0)
                {
                    continue;
                }
                var id = civil[random.Next(civil.Count)];
                // One already with the leader's team goes, named, to a civil team (unnamed it would be refused).
                var atLeader = (await clerk.GetJsonAsync($"/api/cases/{id}")).Body.GetProperty("case").Str("team") == "lead-1";
                var (status, body, _) = await president.PostJsonAsync($"/api/cases/{id}/designate",
                    new { team = atLeader ? "civil-1" : null, reason = "conflict of interest" });
                // Refused only while the team it would go to is away.
                Assert.True(status == HttpStatusCode.OK
                    || status == HttpStatusCode.Conflict && body.Str("detail").Contains("now", StringComparison.Ordinal), body.ToString());
            }
            else
            {
                factory.Clock.Advance(TimeSpan.FromDays(random.Next(1, 12)));
                Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync($"/api/courts/{DocketFactory.Court}/deadline-watch", null)).Status);
            }
        }
        // At the end, two months on (every open case's limit warned: 90 days, warned 30 before), the president extends
        // every open simple civil case (one already extended, or closed meanwhile: 409, nothing ledgered), so the
        // sequences' extensions do not hang on a few draws.
        factory.Clock.Advance(TimeSpan.FromDays(61));
        foreach (var id in open.Where(id => typeOf[id] == "simple_civil"))
        {
            var (status, body, _) = await president.PostJsonAsync($"/api/cases/{id}/extensions", new { days = 10, reason = "expert report pending" });
            Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Conflict, body.ToString());
        }
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync($"/api/courts/{DocketFactory.Court}/deadline-watch", null)).Status);
        var now = factory.Clock.GetUtcNow();
        var (kpiStatus, kpis, _) = await president.GetJsonAsync($"/api/courts/{DocketFactory.Court}/kpis");
        Assert.Equal(HttpStatusCode.OK, kpiStatus);
        var queue = (await president.GetJsonAsync($"/api/courts/{DocketFactory.Court}/queue")).Body.GetProperty("waiting")
            .EnumerateArray().Select(w => (w.Str("pool"), w.Str("case"))).ToList();
        var live = new Dictionary<string, (string? Team, string? Judge, string Status)>();
        foreach (var id in Enumerable.Range(1, 10_000).Select(n => liveCourt.CaseId(n)))
        {
            var (status, body, _) = await president.GetJsonAsync($"/api/cases/{id}");
            if (status == HttpStatusCode.NotFound)
            {
                break;
            }
            var c = body.GetProperty("case");
            live[id] = (c.TryGetProperty("team", out var t) ? t.GetString() : null, c.TryGetProperty("judge", out var j) ? j.GetString() : null, c.Str("status"));
        }
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync($"/api/audit/courts/{DocketFactory.Court}/rotate-seed", null)).Status);
        var text = await factory.ClientFor(TestUsers.Auditor).GetStringAsync($"/api/courts/{DocketFactory.Court}/ledger?format=jsonl");
        var lines = LedgerFile.Read(text[..^1].Split('\n'), "live.jsonl");
        var secrets = LedgerFile.RevealedSecrets(lines, "live.jsonl");

        // The simulator's court decides every assignment itself, from the ledger's filings, closures, absences and designations.
        var driven = new DrivenCourt(LedgerReplay.CourtOf(organization, lines, "live.jsonl"));
        var result = LedgerReplay.Run(driven, lines, secrets, "live.jsonl");
        Assert.True(result.Reproduced, string.Join("\n", result.Mismatches));
        Assert.Equal(live.Count, result.Cases);
        Assert.Equal(result.Cases, result.SameTeam);
        Assert.Equal(result.Cases, result.SameJudge);
        foreach (var (id, (team, judge, status)) in live)
        {
            var d = driven.Case(liveCourt.NumberOf(id))!;
            Assert.Equal(status, CourtCaseStatuses.NameOf(d.Status));
            if (d.Status == CourtCaseStatus.Pending)
            {
                Assert.Equal(team, liveCourt.Layout.Teams[d.Team].Id);
                Assert.Equal(judge, Domain.Assignment.JudgeInCharge.Name(team!, d.Judge));
            }
        }
        Assert.Equal(queue, driven.Queue().Select(q => (liveCourt.PoolNames[q.Pool], liveCourt.CaseId(q.Number))).ToList());

        // The ledger as a court state: every warning earned by now was issued, and the KPIs are the ledger's.
        var state = new CourtState(liveCourt, e => secrets.GetValueOrDefault(e)) { TracksFinished = true };
        foreach (var line in lines)
        {
            Assert.Null(state.Replay(new LedgerRecord(liveCourt.Id, line.Entry.Seq, line.Entry.Kind, line.Entry.Case, line.Text, line.Hash)));
        }
        Assert.All(state.HeldCases, c => Assert.Empty(CaseClock.Unissued(liveCourt, c, now)));
        var finished = new FinishedCaseTable();
        finished.Put(state.DrainFinished());
        var expected = CourtIndicators.Compute(state, finished, null, now);
        Assert.Equal(expected.PendingStart, kpis.GetProperty("pending_start").GetInt64());
        Assert.Equal(expected.Filed, kpis.GetProperty("filed").GetInt64());
        Assert.Equal(expected.Closed, kpis.GetProperty("closed").GetInt64());
        Assert.Equal(expected.PendingEnd, kpis.GetProperty("pending_end").GetInt64());
        Assert.Equal(expected.Waiting, kpis.GetProperty("waiting").GetInt64());
        Assert.Equal(expected.ClosureRate, kpis.GetProperty("closure_rate").GetDouble(), 12);
        Assert.Equal(expected.ClearanceRatio, kpis.GetProperty("clearance_ratio").GetDouble(), 12);
        AssertAges(expected.PendingAgeDays, kpis.GetProperty("pending_age_days"));
        AssertAges(expected.WaitingAgeDays, kpis.GetProperty("waiting_age_days"));
        var longPending = kpis.GetProperty("long_pending");
        Assert.Equal(expected.LongPending, new LongPending(longPending.GetProperty("over_365").GetInt64(), longPending.GetProperty("over_548").GetInt64(),
            longPending.GetProperty("over_1095").GetInt64(), longPending.GetProperty("over_730").GetInt64()));
        var locks = kpis.GetProperty("locks");
        Assert.Equal(expected.Locks, new LockCounts(locks.GetProperty("locked_now").GetInt64(), locks.GetProperty("overdue").GetInt64(), locks.GetProperty("unlocks").GetInt64()));
        var balance = kpis.GetProperty("balance");
        Assert.Equal(expected.Balance.Index, balance.GetProperty("index").GetDouble(), tolerance: 1e-9);
        Assert.Equal(expected.Balance.TimeLimitChangeRate, balance.GetProperty("time_limit_change_rate").GetDouble(), 12);
        Assert.Equal(expected.Balance.TrialTimeIndex, balance.GetProperty("trial_time_index").GetDouble(), 12);
        Assert.Equal(expected.Balance.MediationAndSimpleShare, balance.GetProperty("mediation_and_simple_share").GetDouble(), 12);
        Assert.Equal(expected.Balance.LongPendingShare, balance.GetProperty("long_pending_share").GetDouble(), 12);
        Assert.Equal(expected.Balance.CaseloadGini, balance.GetProperty("caseload_gini").GetDouble(), 12);

        // The simulator's court, from the same sequence, counts the same caseload and the same spread of open work,
        // and the simulator's count of the balance indicators (summary.json's) gives the live court's.
        Assert.Equal(Caseload.Of(expected), driven.Caseload(null, now));
        Assert.Equal(expected.Balance.CaseloadGini, driven.CaseloadGini(), 12);
        var simulated = driven.Balance(null, now);
        Assert.Equal(expected.Balance.TimeLimitChangeRate, simulated.TimeLimitChangeRate, tolerance: 1e-9);
        Assert.Equal(expected.Balance.TrialTimeIndex, simulated.TrialTimeIndex, tolerance: 1e-9);
        Assert.Equal(expected.Balance.MediationAndSimpleShare, simulated.MediationAndSimpleShare, tolerance: 1e-9);
        Assert.Equal(expected.Balance.LongPendingShare, simulated.LongPendingShare, tolerance: 1e-9);
        Assert.Equal(expected.Balance.Index, simulated.Index, tolerance: 1e-9);
        return lines.Select(l => l.Entry.Kind);
    }

    private static void AssertAges(PendingAges expected, JsonElement ages)
    {
        Assert.Equal(expected.Mean, ages.GetProperty("mean").GetDouble(), 9);
        Assert.Equal(expected.P50, ages.GetProperty("p50").GetDouble(), 9);
        Assert.Equal(expected.P90, ages.GetProperty("p90").GetDouble(), 9);
        Assert.Equal(expected.Max, ages.GetProperty("max").GetDouble(), 9);
    }
}
