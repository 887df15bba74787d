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
/// node, level, due, moment — are the simulator's ladder steps, and its locks the simulator's locks. The simulator's
/// statutory-limit warnings are not in it (they are not node deadlines; the live limit rule is <see cref="TimeLimit"/>).
/// </summary>
public sealed class SimulatedLadderAgreementTests
{
    [Fact]
    public void The_live_watch_issues_the_simulators_ladder_steps_and_locks_for_every_case_of_a_simulated_year()
    {
        var text = File.ReadAllText(Path.Combine(ScenarioTestSupport.RepoRoot(), "scenarios", "yancheng-nodes.yaml"))
            .Replace("days: 730", "days: 400", StringComparison.Ordinal)
            // Enforcement's two important nodes made tight, so a case is locked, unlocked and locked again.
            .Replace("within_days: 10, lock: true", "within_days: 1, lock: true", StringComparison.Ordinal)
            .Replace("within_days: 60, lock: true", "within_days: 3, lock: true", StringComparison.Ordinal);
        var scenario = ScenarioTestSupport.LoadValid(text);
        var (spec, id) = scenario.ExpandCourts().Single();
        var layout = new CourtLayout(scenario, spec, id, prefixTeamIds: false);
        var observed = new Observed();
        var simulation = new CourtSimulation(layout, scenario.Seed, null, observed);
        simulation.RunToEnd();

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
    }

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
    }
}
