using Docket.Domain.Cases;
using Docket.Domain.Deadlines;
using Docket.Domain.Scenarios;
using Docket.Domain.Simulation;
using Docket.Domain.Tests.Scenarios;

namespace Docket.Domain.Tests.Deadlines;

/// <summary>
/// One escalation ladder, held against <see cref="CourtSimulation"/> itself: a simulated court-year of Yancheng's
/// process nodes, each case's node reaches, closure and unlocks as the simulator made them, given to the live court's
/// evaluator (<see cref="CaseDeadlines.Evaluate"/> and <see cref="DeadlineWarnings.Earned"/> at each check, checking
/// again at <see cref="CaseDeadlines.NextStep"/> or when the case changes): the warnings the live watch issues —
/// node, level, due, moment — are the simulator's ladder steps, and its locks the simulator's locks. And the statutory
/// limit's warnings and overdues the live watch issues from the same facts (<see cref="TimeLimit"/>) — due and
/// moment — are the simulator's, one for one, and a case the simulator counts closed after its limit is one whose
/// closure the live rule gives a yellow card.
/// </summary>
public sealed class SimulatedLadderAgreementTests
{
    [Fact]
    public void The_live_watch_issues_the_simulators_ladder_steps_and_locks_for_every_case_of_a_simulated_year()
    {
        // Enforcement's two important nodes made tight, so a case is locked, unlocked and locked again.
        var (scenario, spec, simulation, observed) = YanchengYear(text => text
            .Replace("within_days: 10, lock: true", "within_days: 1, lock: true", StringComparison.Ordinal)
            .Replace("within_days: 60, lock: true", "within_days: 3, lock: true", StringComparison.Ordinal));

        var calendar = scenario.Calendar;
        var ladder = new EscalationLadder(spec.Supervision.WarnBeforeHours, spec.Supervision.ReferralAfterDays);
        var end = calendar.InstantOf(simulation.Now);
        var (steps, locks, cases) = (0, 0, 0);
        foreach (var (number, life) in observed.Cases)
        {
            Assert.True(life.Reaches.Any(r => r.Node == NodeCatalog.FilingNode), $"case {number}: {string.Join(", ", life.Reaches)}");
            var nodes = scenario.CaseTypes[life.Type].Nodes;
            var simulated = life.Steps.Select(s => (At: calendar.InstantOf(s.At), Warning: new DeadlineWarning(
                nodes[s.Node].Id, WarningLevels.Of(s.Level), calendar.InstantOf(s.Due)))).ToList();
            foreach (var s in life.Steps.Where(s => s.Locked))
            {
                simulated.Add((calendar.InstantOf(s.At), new DeadlineWarning(nodes[s.Node].Id, WarningLevel.Locked, calendar.InstantOf(s.Due))));
            }
            var live = Live(nodes, life, calendar, ladder, end);
            AssertNoReachWhileLocked(number, nodes, life, calendar, ladder);
            Assert.True(simulated.Count == live.Count, $"case {number}: the simulator issued {simulated.Count}, the live watch {live.Count}\n{Show(simulated)}\n--\n{Show(live)}");
            foreach (var ((simAt, simWarning), (liveAt, liveWarning)) in Sorted(simulated).Zip(Sorted(live)))
            {
                // The same node and level, due at the same time and issued at the same moment, to the rounding of
                // simulated days into clock ticks (the live court computes a due from the clock time it started from).
                Assert.True(simWarning.Subject == liveWarning.Subject && simWarning.Level == liveWarning.Level
                    && Math.Abs((simWarning.Due - liveWarning.Due).TotalSeconds) < 1 && Math.Abs((simAt - liveAt).TotalSeconds) < 1,
                    $"case {number}: {simWarning} at {simAt:O} against {liveWarning} at {liveAt:O}");
            }
            steps += life.Steps.Count;
            locks += life.Steps.Count(s => s.Locked);
            cases += life.Steps.Count > 0 ? 1 : 0;
        }
        // The year did what it is for: many cases climbed the ladder, some to a lock, were unlocked and locked again.
        var relocked = observed.Cases.Values.Count(c => c.Steps.Count(s => s.Locked) > 1);
        Assert.True(cases > 100 && steps > 500 && locks > 20 && relocked > 0, $"{cases} cases, {steps} steps, {locks} locks, {relocked} locked twice");
    }

    [Fact]
    public void The_live_watch_issues_the_simulators_limit_warnings_and_overdues_for_every_case_of_a_simulated_year()
    {
        // Answers and hearings awaited stand the limit still (suspends_limit), so suspended days are in the limits.
        var (scenario, spec, simulation, observed) = YanchengYear(text => text
            .Replace("wait_answer: { dist: gamma, mean_days: 15, shape: 4 }", "wait_answer: { dist: gamma, mean_days: 15, shape: 4, suspends_limit: true }", StringComparison.Ordinal)
            .Replace("wait_freeze: { dist: gamma, mean_days: 20, shape: 2 }", "wait_freeze: { dist: gamma, mean_days: 20, shape: 2, suspends_limit: true }", StringComparison.Ordinal));
        Assert.Contains(scenario.CaseTypes, t => t.Stages.Any(st => st.SuspendsLimit));

        var calendar = scenario.Calendar;
        var (warnings, overdue, suspended, moved, rewarned, yellow) = (0, 0, 0, 0, 0, 0);
        var simulated = new Dictionary<long, (double Closed, double Limit)>();
        foreach (var c in simulation.Cases)
        {
            simulated[c.Number] = (c.Closed, c.Limit);
        }
        foreach (var (number, life) in observed.Cases)
        {
            var type = scenario.CaseTypes[life.Type];
            var steps = life.Limit.Where(f => f.Kind == "step")
                .Select(f => (At: calendar.InstantOf(f.At), Warning: new DeadlineWarning(WarningLevels.TimeLimit, f.Level, calendar.InstantOf(f.Value)))).ToList();
            var live = LiveLimit(type, life, calendar, spec.Supervision.LimitWarnDays, calendar.InstantOf(0), calendar.InstantOf(simulation.Now));
            Assert.True(steps.Count == live.Count, $"case {number}: the simulator issued {steps.Count}, the live watch {live.Count}\n{Show(steps)}\n--\n{Show(live)}");
            foreach (var ((simAt, simWarning), (liveAt, liveWarning)) in Sorted(steps).Zip(Sorted(live)))
            {
                Assert.True(simWarning.Level == liveWarning.Level
                    && Math.Abs((simWarning.Due - liveWarning.Due).TotalSeconds) < 1 && Math.Abs((simAt - liveAt).TotalSeconds) < 1,
                    $"case {number}: {simWarning} at {simAt:O} against {liveWarning} at {liveAt:O}\n{Show(steps)}\n--\n{Show(live)}\n{string.Join("\n", life.Limit)}");
            }
            // Closed in the run: closed after its limit in the simulator's count (summary.json's closed_after_limit)
            // exactly when the live rule gives the closure its yellow card, on the limit as it stood at the closure.
            var (closed, limitDay) = simulated[number];
            if (!double.IsNaN(closed) && type.TimeLimitDays is not null)
            {
                var closedAt = calendar.InstantOf(closed);
                var limitAt = LimitAt(type, life, calendar, closed);
                var card = DeadlineWarnings.Earned([], null, limitAt, spec.Supervision.LimitWarnDays, closedAt, closedAt).Any(w => w.Level == WarningLevel.YellowCard);
                Assert.True(card == closed > limitDay, $"case {number}: closed at day {closed}, the simulator's limit day {limitDay}, the live rule's {limitAt:O}");
                yellow += card ? 1 : 0;
            }
            warnings += steps.Count(w => w.Warning.Level == WarningLevel.LimitWarning);
            overdue += steps.Count(w => w.Warning.Level == WarningLevel.LimitOverdue);
            moved += life.Limit.Count(f => f.Kind == "moved");
            // A limit warned, then moved on by a stage that stood it still, warned again.
            rewarned += life.Limit.Where(f => f.Kind == "step" && f.Level == WarningLevel.LimitWarning).Count()
                > 1 + life.Limit.Count(f => f.Kind == "moved") ? 1 : 0;
            suspended += live.Count > 0 && life.Limit.Any(f => f.Kind == "stage" && type.Stages[f.Stage].SuspendsLimit) ? 1 : 0;
        }
        // The year did what it is for: limits warned and overdue, some after stages that stood them still, some moved,
        // some warned again after a stage moved them on.
        Assert.True(warnings > 100 && overdue > 20 && suspended > 20 && moved > 20 && rewarned > 0 && yellow > 20,
            $"{warnings} warnings, {overdue} overdue, {suspended} warned cases with suspending stages, {moved} limits moved, {rewarned} cases warned again, {yellow} closed after their limit");
    }

    /// <summary>The limit the live rule makes of a case's facts up to simulated day <paramref name="day"/> (its closure: no stage stands it still after).</summary>
    private static DateTimeOffset? LimitAt(CaseType type, CaseLife life, Domain.Calendar.WorkCalendar calendar, double day)
    {
        var facts = life.Limit.Where(f => f.Kind != "step" && f.At <= day).ToList();
        var filedAt = calendar.InstantOf(facts.First(f => f.Kind == "filed").At);
        var assignedAt = facts.Where(f => f.Kind == "assigned").Select(f => (DateTimeOffset?)calendar.InstantOf(f.At)).FirstOrDefault();
        var stageEnds = facts.Where(f => f.Kind == "stage").Select(f => calendar.InstantOf(f.At)).ToList();
        var (days, _) = TimeLimit.Suspension(type, assignedAt, stageEnds, open: false);
        return TimeLimit.LimitAt(type, filedAt, facts.Where(f => f.Kind == "moved").Sum(f => f.Value), days);
    }

    /// <summary>
    /// The live watch over one case's limit: from each fact the run made of it — filing, assignment, a stage's end, days
    /// added — to the next (or its closure, or the run's end), the limit the live rule makes of the facts so far
    /// (<see cref="TimeLimit.Suspension"/>, <see cref="TimeLimit.LimitAt"/>) earns its warning and overdue
    /// (<see cref="DeadlineWarnings.Earned"/>) at the first moment of that stretch they are due; a warning of a due
    /// already issued is not issued again. The watch starts with the run: a case of the backlog, filed before it, is
    /// first checked at its start.
    /// </summary>
    private static List<(DateTimeOffset At, DeadlineWarning Warning)> LiveLimit(
        CaseType type, CaseLife life, Domain.Calendar.WorkCalendar calendar, double warnDays, DateTimeOffset start, DateTimeOffset end)
    {
        var facts = life.Limit.Where(f => f.Kind != "step").ToList();
        var closedAt = life.Reaches.Where(r => r.Node == NodeCatalog.ClosureNode).Select(r => (DateTimeOffset?)calendar.InstantOf(r.At)).FirstOrDefault();
        DateTimeOffset? filedAt = null, assignedAt = null;
        var stageEnds = new List<DateTimeOffset>();
        var extended = 0.0;
        var log = new List<(DateTimeOffset, DeadlineWarning)>();
        var issued = new HashSet<DeadlineWarning>();
        for (var f = 0; f < facts.Count; f++)
        {
            var fact = facts[f];
            var at = calendar.InstantOf(fact.At);
            switch (fact.Kind)
            {
                case "filed":
                    filedAt = at;
                    break;
                case "assigned":
                    assignedAt = at;
                    break;
                case "stage":
                    Assert.Equal(stageEnds.Count, fact.Stage);
                    stageEnds.Add(at);
                    break;
                case "moved":
                    extended += fact.Value;
                    break;
            }
            var until = f + 1 < facts.Count ? calendar.InstantOf(facts[f + 1].At) : end;
            until = closedAt is { } closure && closure < until ? closure : until;
            var (days, still) = TimeLimit.Suspension(type, assignedAt, stageEnds, open: true);
            if (filedAt is null || still || TimeLimit.LimitAt(type, filedAt.Value, extended, days) is not { } limit)
            {
                continue;
            }
            // The watch checks at the stretch's start and at each of the limit's steps within it.
            var from = at < start ? start : at;
            foreach (var check in new[] { from, TimeLimit.WarnAt(limit, warnDays), limit }.Where(t => t >= from && t < until).Order())
            {
                foreach (var w in DeadlineWarnings.Earned([], null, limit, warnDays, null, check))
                {
                    if (issued.Add(w))
                    {
                        log.Add((check, w));
                    }
                }
            }
        }
        return log;
    }

    /// <summary>Yancheng's court over 400 days, its scenario changed by <paramref name="change"/>, run to its end with an observer.</summary>
    private static (Scenario Scenario, CourtSpec Spec, CourtSimulation Simulation, Observed Observed) YanchengYear(Func<string, string> change)
    {
        var text = File.ReadAllText(Path.Combine(ScenarioTestSupport.RepoRoot(), "scenarios", "yancheng-nodes.yaml"))
            .Replace("days: 730", "days: 400", StringComparison.Ordinal);
        var scenario = ScenarioTestSupport.LoadValid(change(text));
        var (spec, id) = scenario.ExpandCourts().Single();
        var observed = new Observed();
        var simulation = new CourtSimulation(new CourtLayout(scenario, spec, id, prefixTeamIds: false), scenario.Seed, null, observed);
        simulation.RunToEnd();
        return (scenario, spec, simulation, observed);
    }

    /// <summary>The live watch over one case's facts: checks at filing, at each reach and unlock, and at the ladder's next step.</summary>
    private static List<(DateTimeOffset At, DeadlineWarning Warning)> Live(
        IReadOnlyList<ProcessNode> nodes, CaseLife life, Domain.Calendar.WorkCalendar calendar, EscalationLadder ladder, DateTimeOffset end)
    {
        var filedAt = calendar.InstantOf(life.Reaches.First(r => r.Node == NodeCatalog.FilingNode).At);
        var events = life.Reaches.Where(r => r.Node != NodeCatalog.FilingNode).Select(r => calendar.InstantOf(r.At))
            .Concat(life.Unlocks.Select(calendar.InstantOf)).Order().ToList();
        DateTimeOffset? ReachedAt(string node, DateTimeOffset now)
        {
            var index = IndexOf(nodes, node);
            return life.Reaches.Where(r => r.Node == index && calendar.InstantOf(r.At) <= now).Select(r => (DateTimeOffset?)calendar.InstantOf(r.At)).FirstOrDefault();
        }
        var log = new List<(DateTimeOffset, DeadlineWarning)>();
        var issued = new HashSet<DeadlineWarning>();
        DateTimeOffset? check = filedAt;
        var e = 0;
        while (check is { } now && now <= end)
        {
            var closedAt = life.Reaches.Where(r => r.Node == NodeCatalog.ClosureNode && calendar.InstantOf(r.At) <= now)
                .Select(r => (DateTimeOffset?)calendar.InstantOf(r.At)).FirstOrDefault();
            var unlockedAt = life.Unlocks.Select(calendar.InstantOf).Where(u => u <= now).Select(u => (DateTimeOffset?)u).LastOrDefault();
            var (since, deadlines) = CaseDeadlines.Evaluate(nodes, n => ReachedAt(n, now), filedAt, closedAt, unlockedAt, now, ladder, calendar);
            foreach (var w in DeadlineWarnings.Earned(deadlines, since, null, 0, null, now))
            {
                if (issued.Add(w))
                {
                    log.Add((now, w));
                }
            }
            while (e < events.Count && events[e] <= now)
            {
                e++;
            }
            check = Earliest(CaseDeadlines.NextStep(deadlines), e < events.Count ? events[e] : null);
        }
        return log;
    }

    /// <summary>
    /// Every node the simulator reached, it reached when the live court would record it: the case not locked then, by
    /// the live evaluator over the reaches and unlocks before it (<see cref="Docket.Domain.Courts.CaseCommands.Reach"/>
    /// refuses a node reached while the case is locked).
    /// </summary>
    private static void AssertNoReachWhileLocked(long number, IReadOnlyList<ProcessNode> nodes, CaseLife life, Domain.Calendar.WorkCalendar calendar, EscalationLadder ladder)
    {
        var filedAt = calendar.InstantOf(life.Reaches.First(r => r.Node == NodeCatalog.FilingNode).At);
        foreach (var reach in life.Reaches.Where(r => r.Node != NodeCatalog.FilingNode))
        {
            var at = calendar.InstantOf(reach.At);
            DateTimeOffset? Before(string node)
            {
                var index = IndexOf(nodes, node);
                return life.Reaches.Where(r => r.Node == index && r.At < reach.At).Select(r => (DateTimeOffset?)calendar.InstantOf(r.At)).FirstOrDefault();
            }
            var closedAt = life.Reaches.Where(r => r.Node == NodeCatalog.ClosureNode && r.At < reach.At).Select(r => (DateTimeOffset?)calendar.InstantOf(r.At)).FirstOrDefault();
            var unlockedAt = life.Unlocks.Where(u => u <= reach.At).Select(u => (DateTimeOffset?)calendar.InstantOf(u)).LastOrDefault();
            var (since, _) = CaseDeadlines.Evaluate(nodes, Before, filedAt, closedAt, unlockedAt, at, ladder, calendar);
            Assert.True(since is null, $"case {number}: node {reach.Node} reached at {at:O}, locked since {since:O}");
        }
    }

    private static int IndexOf(IReadOnlyList<ProcessNode> nodes, string id)
    {
        for (var i = 0; i < nodes.Count; i++)
        {
            if (nodes[i].Id == id)
            {
                return i;
            }
        }
        return int.MinValue;
    }

    private static DateTimeOffset? Earliest(params DateTimeOffset?[] times) => times.Where(t => t is not null).Min();

    private static List<(DateTimeOffset At, DeadlineWarning Warning)> Sorted(IEnumerable<(DateTimeOffset At, DeadlineWarning Warning)> log) =>
        [.. log.OrderBy(w => w.Warning.Subject, StringComparer.Ordinal).ThenBy(w => w.Warning.Level).ThenBy(w => w.Warning.Due)];

    private static string Show(IEnumerable<(DateTimeOffset At, DeadlineWarning Warning)> log) =>
        string.Join("\n", Sorted(log).Select(w => $"{w.At:O} {w.Warning}"));

    private sealed record Step(int Node, EscalationLevel Level, double Due, bool Locked, double At);

    private sealed class CaseLife(int type)
    {
        public int Type { get; } = type;

        public List<(int Node, double At)> Reaches { get; } = [];

        public List<Step> Steps { get; } = [];

        public List<double> Unlocks { get; } = [];

        /// <summary>What the statutory limit is made of, and its steps, in the order the run made them.</summary>
        public List<LimitFact> Limit { get; } = [];
    }

    /// <summary>One fact of a case's limit: a filing, an assignment, a stage's end, days added, or a step of the limit.</summary>
    private sealed record LimitFact(string Kind, double At, double Value = 0, WarningLevel Level = default, int Stage = 0);

    private sealed class Observed : ICaseDeadlineObserver
    {
        public SortedDictionary<long, CaseLife> Cases { get; } = [];

        public void NodeReached(long number, int type, int node, double at)
        {
            if (!Cases.TryGetValue(number, out var life))
            {
                Cases[number] = life = new CaseLife(type);
            }
            life.Reaches.Add((node, at));
        }

        public void Stepped(long number, int node, EscalationLevel level, double due, bool locked, double at) =>
            Cases[number].Steps.Add(new Step(node, level, due, locked, at));

        public void Unlocked(long number, double at) => Cases[number].Unlocks.Add(at);

        public void Filed(long number, int type, double filed)
        {
            if (!Cases.TryGetValue(number, out var life))
            {
                Cases[number] = life = new CaseLife(type);
            }
            life.Limit.Add(new LimitFact("filed", filed));
        }

        public void Assigned(long number, double at) => Cases[number].Limit.Add(new LimitFact("assigned", at));

        // The closure is read from the closure node, which the run reaches at the same moment.
        public void Closed(long number, double at)
        {
        }

        public void StageEnded(long number, int stage, double at) => Cases[number].Limit.Add(new LimitFact("stage", at, Stage: stage));

        public void LimitMoved(long number, double days, double at) => Cases[number].Limit.Add(new LimitFact("moved", at, days));

        public void LimitStepped(long number, WarningLevel level, double limit, double at) =>
            Cases[number].Limit.Add(new LimitFact("step", at, limit, level));
    }
}
