using CsCheck;
using Docket.Domain.Access;
using Docket.Domain.Assignment;
using Docket.Domain.Courts;
using Docket.Domain.Deadlines;
using Docket.Domain.Ledger;
using Docket.Domain.Replay;
using Docket.Domain.Scenarios;
using Docket.Domain.Simulation;
using Docket.Domain.Supervision;
using Docket.Domain.Tests.Courts;

namespace Docket.Domain.Tests.Replay;

/// <summary>
/// The simulator's own engine (<see cref="CourtSimulation"/>, as <c>docket replay</c>'s what-if runs it) and the live
/// court over weeks of a court's life, closures included. The engine is given the filings and closes cases by its
/// effort model (a flagged case at the professional judges' meeting that follows); the live court is given the same
/// filings, each case's closure at the moment and in the order the engine closed it, and the scenario's absences as a
/// president records them. Every case is then on the same team with the same judge in both — assigned at filing, or
/// pulled from the waiting queue after a closure, a team's return or an escalation — under every assignment policy;
/// and the live court's ledger given back to the engine as <c>docket replay</c> gives it moves no case.
/// </summary>
public sealed class SimulatorEngineAgreementTests
{
    private const string Source = "engine.yaml";
    private static readonly DateTimeOffset s_start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<int, (Scenario, Court)> s_courts = [];

    [Theory]
    [MemberData(nameof(Policies))]
    public void The_simulators_engine_and_the_live_court_put_each_case_on_the_same_team_and_judge_through_closures_absences_and_escalations(string assignment)
    {
        var policy = Array.IndexOf(CourtAgreementPropertyTests.s_assignments, assignment);
        // About four filings a day for three weeks, criminal every third, some flagged or of major risk.
        var filings = Enumerable.Range(0, 80)
            .Select(i => new Filing((i * 367) + (i % 5 * 41) + 7, i % 3 == 0 ? 1 : 0, i % 9 == 4, i % 13 == 6))
            .ToList();

        var read = Check(policy, 1, filings);

        // The sequence reaches a wait, a pull from the queue, a designation, closures and absences; escalations where
        // the policy has them.
        Assert.Contains(read, l => l.Entry.Kind == LedgerKinds.Queue);
        Assert.Contains(read, l => l.Entry.Kind == LedgerKinds.Pull);
        Assert.Contains(read, l => l.Entry.Policy == "designated");
        Assert.True(read.Count(l => l.Entry.Kind == LedgerKinds.Close) >= 40);
        Assert.Equal(3, read.Count(l => l.Entry.Kind == LedgerKinds.Absence));
        if (assignment.Contains("escalate_after_days", StringComparison.Ordinal))
        {
            Assert.Contains(read, l => l.Entry.Kind == LedgerKinds.Escalate);
        }
    }

    [Fact]
    public void The_simulators_engine_and_the_live_court_agree_on_random_intakes()
    {
        var filing = Gen.Select(Gen.Int[1, 600], Gen.Int[0, 2], Gen.Int[0, 9], Gen.Int[0, 9])
            .Select((gap, type, flag, risk) => (Gap: gap, Filing: new Filing(0, type == 2 ? 1 : 0, flag == 0, risk == 0)));
        Gen.Select(Gen.Int[0, CourtAgreementPropertyTests.s_assignments.Length - 1], Gen.Int[1, 1000], filing.Array[5, 120])
            .Sample((policy, secret, drawn) =>
            {
                var minute = 0;
                var filings = drawn.Select(d => d.Filing with { Minute = minute += d.Gap }).ToList();
                Check(policy, secret, filings);
            }, iter: 400);
    }

    /// <summary>A filing <see cref="Minute"/> minutes after the court opens, of the scenario's type <see cref="Type"/>.</summary>
    private sealed record Filing(int Minute, int Type, bool Flagged, bool MajorRisk);

    /// <summary>
    /// Runs the engine on the filings, the live court on them with the engine's closures and the scenario's absences,
    /// and checks each case's team and judge; returns the live court's ledger, after which the what-if's run of it has
    /// moved no case.
    /// </summary>
    private static IReadOnlyList<LedgerLine> Check(int policy, int secretIndex, IReadOnlyList<Filing> filings)
    {
        var (scenario, court) = CourtOf(policy);
        var secret = LiveLedger.Secret(secretIndex, 1);
        var requests = filings.Select(f => (At: s_start.AddMinutes(f.Minute), Request: new FilingRequest(scenario.CaseTypes[f.Type].Id, f.Flagged,
            f.MajorRisk ? RiskLevel.Major : RiskLevel.None, null, new Actor("registrar", UserRoles.Registrar, court.Id, null, null)))).ToList();

        var order = new EngineOrder();
        var engine = new CourtSimulation(court.Layout, scenario.Seed, [.. requests.Select(r => new ExternalFiling((r.At - s_start).TotalDays,
            court.TypeIndex(r.Request.Type), r.Request.Flagged, r.Request.Risk, LedgerHash.Seed(secret)))], order);
        engine.RunToEnd();

        var live = new CourtState(court, _ => secret);
        var lines = new List<string> { CourtCommands.Open(live, Source, LedgerHash.Commitment(secret), s_start).Json };
        var clerk = new Actor("clerk", UserRoles.Clerk, court.Id, null, null);
        var president = new Actor("president", UserRoles.President, court.Id, null, null);
        // In the engine's order: by its moments (a closure's its own, not the tick after it the live court records it at)
        // and, at one moment, in the order it filed and closed cases (a closure and a filing at one moment, a meeting's
        // cases closed together); an absence in force from its first moment, before anything else at that moment.
        var commands = new List<(double Day, int Order, DateTimeOffset At, Func<DateTimeOffset, IEnumerable<CommandEffect>> Run)>();
        commands.AddRange(requests.Select((r, i) => ((r.At - s_start).TotalDays, order.Filed[i], r.At,
            (Func<DateTimeOffset, IEnumerable<CommandEffect>>)(at => [CourtCommands.File(live, r.Request, at)]))));
        // A closure at the engine's moment to the nearest tick, or the moment of the entry before it if that is later.
        commands.AddRange(order.Closed.Select(c => (c.At, c.Order, s_start.AddTicks((long)Math.Round(c.At * TimeSpan.TicksPerDay)),
            (Func<DateTimeOffset, IEnumerable<CommandEffect>>)(at => Close(live, c.Number, clerk, at)))));
        // A four-type case is referred to its meeting when the engine finished its closing stage (its papers go out),
        // and heard and released when the engine closes it.
        commands.AddRange(order.StageEnds.Where(s => requests[(int)s.Number - 1].Request.Flagged && s.Stage == court.Layout.ClosingStage[court.TypeIndex(requests[(int)s.Number - 1].Request.Type)])
            .Select(s => (s.At, s.Order, s_start.AddTicks((long)Math.Round(s.At * TimeSpan.TicksPerDay)),
                (Func<DateTimeOffset, IEnumerable<CommandEffect>>)(at => [FourTypeMeeting.Refer(live, s.Number, at)]))));
        commands.AddRange(court.Layout.Spec.Absences.Select(a => (a.FromDay, -1, s_start.AddDays(a.FromDay), (Func<DateTimeOffset, IEnumerable<CommandEffect>>)(at =>
            [CourtCommands.MarkAbsent(live, a.Team, at, s_start.AddDays(a.ToDay), "leave", president, at)]))));
        var last = s_start;
        foreach (var (_, _, at, run) in commands.OrderBy(c => c.Day).ThenBy(c => c.Order))
        {
            last = at > last ? at : last;
            foreach (var effect in run(last))
            {
                Assert.True(effect.Refused is null, effect.Refused?.Error);
                lines.AddRange(effect.Records.Select(r => r.Json));
            }
        }
        lines.Add(CourtCommands.RotateSeed(live, secret, LedgerHash.Commitment(LiveLedger.Secret(secretIndex, 2)), new Actor("admin", UserRoles.Admin, null, null, null),
            last).Json);
        var read = LedgerFile.Read(lines, "engine.jsonl");
        Assert.True(LedgerReplay.SameLayout(court, read));

        // Each case's team and judge: its assignment at filing, or the pull that took it from the queue.
        var decided = read.Where(l => l.Entry.Kind is LedgerKinds.Assign or LedgerKinds.Pull && l.Entry.Team is not null)
            .GroupBy(l => l.Entry.Number!.Value).ToDictionary(g => g.Key, g => g.Last().Entry);
        Assert.Equal(requests.Count, engine.CaseCount);
        for (var i = 0; i < engine.CaseCount; i++)
        {
            var c = engine.Case(i);
            var team = c.Team >= 0 ? court.Layout.Teams[c.Team].Id : null;
            var entry = decided.GetValueOrDefault(c.Number);
            Assert.True(team == entry?.Team, $"case {c.Number} (filed day {c.Filed:F4}): the engine's team {team ?? "none"}, the live court's {entry?.Team ?? "none"}");
            if (team is not null)
            {
                Assert.Equal(JudgeInCharge.Name(team, c.Judge), entry!.Judge);
            }
        }
        Assert.Equal(order.Closed.Count, read.Count(l => l.Entry.Kind == LedgerKinds.Close));

        // The filings at the moments the engine was given, which the what-if reads back from the ledger.
        Assert.Equal(requests.Select(r => r.At), read.Where(l => l.Entry.Kind is LedgerKinds.Assign or LedgerKinds.Queue).Select(l => l.Entry.At));
        var summary = LedgerWhatIf.Run(scenario, Source, court.Id, read, LedgerFile.RevealedSecrets(read, "engine.jsonl"));
        Assert.Equal(requests.Count, summary.Replay!.Cases);
        Assert.Equal(order.Closed.Count, (int)summary.Cases.Closed);
        Assert.Equal(0, summary.Replay.Moved);
        return read;
    }

    private static (Scenario, Court) CourtOf(int policy)
    {
        lock (s_courts)
        {
            if (!s_courts.TryGetValue(policy, out var court))
            {
                var yaml = $$"""
                    name: engine
                    seed: 11
                    days: 100
                    warmup_days: 0
                    case_types:
                      - id: civil
                        category: civil
                        closes_after: judgment
                        effort:
                          hearing: { dist: fixed, hours: 5 }
                          judgment: { dist: fixed, hours: 4 }
                          archiving: { dist: fixed, hours: 1 }
                      - { id: criminal, category: criminal, priority: 1, effort: { judgment: { dist: fixed, hours: 7 } } }
                    intake:
                      - { type: civil, per_year: 100 }
                    teams:
                      - { id: civil, count: 3, template: "1+1", accepts: [civil], cap: 2 }
                      - { id: lead, count: 2, members: { division_head: 1, judge: 1, assistant: 1 }, accepts: [civil, criminal], cap: 2 }
                      - { id: criminal, count: 2, members: { judge: 2 }, accepts: [criminal], cap: 2 }
                    absences:
                      - { team: civil-1, from_day: 3, to_day: 6.5 }
                      - { team: lead-2, from_day: 8.25, to_day: 10 }
                      - { team: criminal-1, from_day: 12, to_day: 12.5 }
                    assignment: {{CourtAgreementPropertyTests.s_assignments[policy]}}
                    supervision: { meeting: { papers_days: 0 } }
                    """;
                var loaded = ScenarioLoader.Load(yaml, Source);
                Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
                s_courts[policy] = court = (loaded.Scenario!, new Organization(loaded.Scenario!, Source).Court("engine")!);
            }
            return court;
        }
    }

    /// <summary>The clerk records each stage of the case up to its closing one, at the moment the engine closed it.</summary>
    private static IEnumerable<CommandEffect> Close(CourtState live, long number, Actor clerk, DateTimeOffset at)
    {
        if (live.Case(number)?.Meeting is { Stage: MeetingStage.Referred })
        {
            foreach (var effect in FourTypeMeeting.Release(live, number, at))
            {
                yield return effect;
            }
        }
        var type = live.Court.CaseTypes[live.Court.TypeIndex(live.Case(number)!.Type)];
        foreach (var stage in type.Stages)
        {
            yield return CourtCommands.Reach(live, number, stage.Task, clerk, at);
            if (live.Case(number) is not { Status: CourtCaseStatus.Pending })
            {
                yield break;
            }
        }
    }

    /// <summary>The order in which the engine files and closes cases.</summary>
    private sealed class EngineOrder : ICaseDeadlineObserver
    {
        private int _next;

        /// <summary>Each filing's place in the order, by case number (1, 2, 3…) less one.</summary>
        public List<int> Filed { get; } = [];

        /// <summary>The stages cases finished, in the order finished, with their places.</summary>
        public List<(long Number, int Stage, double At, int Order)> StageEnds { get; } = [];

        /// <summary>The cases closed, in the order closed, with their places.</summary>
        public List<(long Number, double At, int Order)> Closed { get; } = [];

        void ICaseDeadlineObserver.Filed(long number, int type, double filed) => Filed.Add(_next++);

        void ICaseDeadlineObserver.Closed(long number, double at) => Closed.Add((number, at, _next++));

        public void NodeReached(long number, int type, int node, double at)
        {
        }

        public void Stepped(long number, int node, EscalationLevel level, double due, bool locked, double at)
        {
        }

        public void Unlocked(long number, double at)
        {
        }

        public void Assigned(long number, double at)
        {
        }

        void ICaseDeadlineObserver.StageEnded(long number, int stage, double at) => StageEnds.Add((number, stage, at, _next++));

        public void LimitMoved(long number, double days, double at)
        {
        }

        public void LimitStepped(long number, WarningLevel level, double limit, double at)
        {
        }
    }

    public static TheoryData<string> Policies() => [.. CourtAgreementPropertyTests.s_assignments];
}
