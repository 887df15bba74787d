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
/// node, level, due, moment — are the simulator's ladder steps, and its locks the simulator's locks. And each statutory
/// limit warning and overdue the simulator issues is on the limit the live rule (<see cref="TimeLimit"/>) makes of the
/// same facts, and not before that rule earns it; the first warning the live rule earns of each limit as filed,
/// extended or converted, the simulator issued.
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
    public void Each_limit_warning_and_due_the_simulator_issues_falls_where_the_live_rule_of_the_limit_puts_it()
    {
        // Answers and hearings awaited stand the limit still (suspends_limit), so suspended days are in the limits.
        var (scenario, spec, simulation, observed) = YanchengYear(text => text
            .Replace("wait_answer: { dist: gamma, mean_days: 15, shape: 4 }", "wait_answer: { dist: gamma, mean_days: 15, shape: 4, suspends_limit: true }", StringComparison.Ordinal)
            .Replace("wait_freeze: { dist: gamma, mean_days: 20, shape: 2 }", "wait_freeze: { dist: gamma, mean_days: 20, shape: 2, suspends_limit: true }", StringComparison.Ordinal));
        Assert.Contains(scenario.CaseTypes, t => t.Stages.Any(st => st.SuspendsLimit));

        var calendar = scenario.Calendar;
        var warnDays = spec.Supervision.LimitWarnDays;
        var (warnings, overdue, suspended, moved, converse) = (0, 0, 0, 0, 0);
        foreach (var (number, life) in observed.Cases)
        {
            var type = scenario.CaseTypes[life.Type];
            DateTimeOffset? filedAt = null, assignedAt = null;
            var stageEnds = new List<DateTimeOffset>();
            var extended = 0.0;
            var closedAt = life.Reaches.Where(r => r.Node == NodeCatalog.ClosureNode).Select(r => (double?)r.At).FirstOrDefault();
            var warned = new List<double>();
            var earned = new List<double>();
            var epochEarned = false;
            for (var f = 0; f < life.Limit.Count; f++)
            {
                var fact = life.Limit[f];
                switch (fact.Kind)
                {
                    case "filed":
                        filedAt = calendar.InstantOf(fact.At);
                        epochEarned = false;
                        break;
                    case "assigned":
                        assignedAt = calendar.InstantOf(fact.At);
                        break;
                    case "stage":
                        Assert.Equal(stageEnds.Count, fact.Stage);
                        stageEnds.Add(calendar.InstantOf(fact.At));
                        break;
                    case "moved":
                        extended += fact.Value;
                        moved++;
                        epochEarned = false;
                        break;
                    case "step":
                        // The live rule, from the same facts as they stood: the limit counted from filing, plus the
                        // days added, plus the days the suspending stages took; no step while a stage suspends it.
                        var now = calendar.InstantOf(fact.At);
                        var open = closedAt is not { } closure || closure > fact.At;
                        var (days, suspendedNow) = TimeLimit.Suspension(type, assignedAt, stageEnds, open);
                        Assert.False(suspendedNow, $"case {number}: a {fact.Level} at {fact.At} while a stage suspends the limit");
                        var limit = TimeLimit.LimitAt(type, filedAt!.Value, extended, days)!.Value;
                        Assert.True(Math.Abs((limit - calendar.InstantOf(fact.Value)).TotalSeconds) < 1,
                            $"case {number}: the simulator's limit {calendar.InstantOf(fact.Value):O}, the live rule's {limit:O} ({days} days suspended, {extended} added)");
                        // Not before the live rule earns it (to the rounding of days into ticks).
                        var earnedAt = fact.Level == WarningLevel.LimitWarning ? TimeLimit.WarnAt(limit, warnDays) : limit;
                        Assert.True((now - earnedAt).TotalSeconds > -1, $"case {number}: a {fact.Level} at {now:O}, before the live rule earns it at {earnedAt:O}");
                        warnings += fact.Level == WarningLevel.LimitWarning ? 1 : 0;
                        overdue += fact.Level == WarningLevel.LimitOverdue ? 1 : 0;
                        suspended += days > 0 ? 1 : 0;
                        if (fact.Level == WarningLevel.LimitWarning)
                        {
                            warned.Add(fact.Value);
                        }
                        break;
                }
                // The other way: the limit running from this fact to the next (the case open, no stage standing it
                // still) earns the live watch its warning if the warning's time comes before the next fact, the
                // closure or the run's end. The first so earned of each limit as filed, extended or converted is one
                // the simulator warned, on the limit as it then stood. (Not the later ones: a stage that stood the
                // limit still moves it on when it ends, and the live watch warns of the moved limit again, as a new
                // due; the simulator warns once until an extension or a conversion.)
                var until = Math.Min(f + 1 < life.Limit.Count ? life.Limit[f + 1].At : simulation.Now, Math.Min(closedAt ?? double.MaxValue, simulation.Now));
                if (epochEarned || filedAt is null || fact.At >= until || type.TimeLimitDays is null)
                {
                    continue;
                }
                var (standing, still) = TimeLimit.Suspension(type, assignedAt, stageEnds, open: true);
                if (!still && TimeLimit.LimitAt(type, filedAt.Value, extended, standing) is { } running
                    && calendar.DayOf(TimeLimit.WarnAt(running, warnDays)) < until)
                {
                    earned.Add(calendar.DayOf(running));
                    epochEarned = true;
                }
            }
            converse += earned.Count;
            foreach (var limit in earned)
            {
                Assert.True(warned.Any(l => Math.Abs(l - limit) < 1e-5),
                    $"case {number}: the live rule earns the warning of the limit at day {limit}, the simulator warned {string.Join(", ", warned)}");
            }
        }
        // The year did what it is for: limits warned and overdue, some after stages that stood them still, some moved.
        Assert.True(warnings > 100 && overdue > 20 && suspended > 20 && moved > 20 && converse > 100,
            $"{warnings} warnings, {overdue} overdue, {suspended} with suspended days, {moved} limits moved, {converse} warnings the live rule earns");
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
            check = Earliest(CaseDeadlines.NextStep(deadlines, now, ladder), e < events.Count ? events[e] : null);
        }
        return log;
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

        public void StageEnded(long number, int stage, double at) => Cases[number].Limit.Add(new LimitFact("stage", at, Stage: stage));

        public void LimitMoved(long number, double days, double at) => Cases[number].Limit.Add(new LimitFact("moved", at, days));

        public void LimitStepped(long number, WarningLevel level, double limit, double at) =>
            Cases[number].Limit.Add(new LimitFact("step", at, limit, level));
    }
}
