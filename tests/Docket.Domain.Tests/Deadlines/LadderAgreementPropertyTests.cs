using CsCheck;
using Docket.Domain.Calendar;
using Docket.Domain.Deadlines;

namespace Docket.Domain.Tests.Deadlines;

/// <summary>
/// One escalation ladder for both drivers: on a random catalog of process nodes (within_days, from-nodes, locks),
/// random reach times and random unlock delays, the simulator's path — its events, each a reading of one deadline by
/// <see cref="EscalationLadder.Read(EscalationLevel?, double, bool, double)"/> at the moment the last reading named,
/// as <c>CourtSimulation</c> reads them — and the live court's deadline watch — <see cref="CaseDeadlines.Evaluate"/>
/// and <see cref="DeadlineWarnings.Earned"/> at each check, checking again at <see cref="CaseDeadlines.NextStep"/> or
/// when the record changes — issue the same warnings (node, level, due) at the same moments, so the same by any time.
/// A lock is the simulator's lock and the live court's <c>locked</c> warning; a reach while the case is locked is
/// refused on both paths.
/// </summary>
public sealed class LadderAgreementPropertyTests
{
    private static readonly DateTimeOffset s_filed = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Times are multiples of 1/2048 day (exact as doubles and as ticks). Ladder times fall on 1/16 day plus the residue
    /// of the node their deadline runs from; each node is reached on its own residue and unlocks come on an odd 1/2048,
    /// so no reach or unlock coincides with a step and the order of simultaneous events does not decide the outcome.
    /// </summary>
    private const double Tick = 1.0 / 2048;

    private sealed record Catalog(ProcessNode[] Nodes, double?[] ReachAt, double[] UnlockAfter, EscalationLadder Ladder);

    private static readonly Gen<Catalog> s_catalogs =
        from count in Gen.Int[1, 5]
        from within in Gen.Int[1, 48].Array[count]
        from froms in Gen.Int[-1, 4].Array[count]
        from locks in Gen.Bool.Array[count]
        from reached in Gen.Int[0, 2].Array[count]
        from reachAt in Gen.Int[0, 480].Array[count]
        from unlocks in Gen.Int[1, 120].Array[count]
        from warnHours in Gen.Int[1, 3].Select(h => h * 24.0)
        from referral in Gen.Int[0, 1].Select(d => d == 0 ? 3.0 : 7.0)
        select new Catalog(
            [.. Enumerable.Range(0, count).Select(i => new ProcessNode($"n{i}", null, froms[i] < 0 || froms[i] >= i ? null : $"n{froms[i]}", within[i] * 0.25, locks[i]))],
            [.. Enumerable.Range(0, count).Select(i => reached[i] == 0 ? (double?)null : (reachAt[i] / 16.0) + ((i + 1) * 2 * Tick))],
            [.. unlocks.Select(u => (u / 16.0) + Tick)],
            new EscalationLadder(warnHours, referral));

    [Fact]
    public void The_simulators_ladder_and_the_live_watch_issue_the_same_warnings_at_the_same_moments()
    {
        s_catalogs.Sample(catalog =>
        {
            var simulated = Simulated(catalog);
            var live = Live(catalog);
            Assert.Equal(live, simulated);
        }, iter: 2000);
    }

    [Fact]
    public void A_level_is_reached_at_the_very_time_the_ladder_gives_it()
    {
        Gen.Select(Gen.Double[-1e5, 1e5], Gen.Double[0, 200], Gen.Double[0, 30]).Sample((due, hours, referral) =>
        {
            var ladder = new EscalationLadder(hours, referral);
            for (var level = EscalationLevel.Judge; level <= EscalationLevel.Discipline; level++)
            {
                Assert.True(ladder.LevelAt(due, ladder.TimeOf(level, due)) >= level);
            }
        });
    }

    [Fact]
    public void A_reading_is_the_level_reached_what_the_levels_since_the_last_bring_and_the_next_step()
    {
        Gen.Select(Gen.Double[-50, 50], Gen.Double[0.5, 200], Gen.Double[0.5, 30], Gen.Double[-60, 60], Gen.Int[-1, 3], Gen.Bool)
            .Sample((due, hours, referral, now, climbedIndex, locks) =>
            {
                var ladder = new EscalationLadder(hours, referral);
                // By definition: the highest level whose time has come, and the earliest time still to come.
                var levels = Enumerable.Range(0, 4).Select(l => (Level: (EscalationLevel)l, At: ladder.TimeOf((EscalationLevel)l, due))).ToList();
                var reached = levels.Where(l => now >= l.At).Select(l => (EscalationLevel?)l.Level).LastOrDefault();
                var next = levels.Where(l => l.At > now).Select(l => (double?)l.At).Min();
                EscalationLevel? climbed = climbedIndex < 0 || (EscalationLevel)climbedIndex > reached ? null : (EscalationLevel)climbedIndex;
                var reading = ladder.Read(climbed, due, locks, now);
                Assert.Equal(reached, reading.Level);
                Assert.Equal(next, reading.Next);
                var brought = LadderEffects.None;
                for (var level = climbed is null ? EscalationLevel.Judge : climbed.Value + 1; level <= reached; level++)
                {
                    brought |= EscalationLadder.Brings(level, locks);
                }
                Assert.Equal(brought, reading.Brings);
            });
    }

    private static DateTimeOffset Instant(double days) => s_filed.AddTicks((long)(days * TimeSpan.TicksPerDay));

    private static List<(DateTimeOffset At, DeadlineWarning Warning)> Sorted(IEnumerable<(DateTimeOffset At, DeadlineWarning Warning)> log) =>
        [.. log.OrderBy(w => w.At).ThenBy(w => w.Warning.Subject, StringComparer.Ordinal).ThenBy(w => w.Warning.Level)];

    /// <summary>The simulator's path: its event queue, each deadline event one level, as <c>CourtSimulation.EscalateNode</c>.</summary>
    private static List<(DateTimeOffset, DeadlineWarning)> Simulated(Catalog catalog)
    {
        var (nodes, ladder) = (catalog.Nodes, catalog.Ladder);
        var log = new List<(DateTimeOffset, DeadlineWarning)>();
        // (kind, node, level climbed, due): kind 0 a reach, 1 a reading of the ladder, 2 an unlock.
        var queue = new PriorityQueue<(int Kind, int Node, EscalationLevel? Climbed, double Due), (double, long)>();
        long seq = 0;
        var reached = new bool[nodes.Length];
        var (locked, locks) = (false, 0);
        for (var i = 0; i < nodes.Length; i++)
        {
            if (catalog.ReachAt[i] is { } at)
            {
                queue.Enqueue((0, i, null, 0), (at, seq++));
            }
        }
        void Reached(int node, double now)
        {
            var id = node < 0 ? ProcessNode.Filing : nodes[node].Id;
            for (var due = 0; due < nodes.Length; due++)
            {
                if ((nodes[due].From ?? ProcessNode.Filing) == id && !reached[due] && nodes[due].DueAt(WorkCalendar.Continuous, now) is { } deadline &&
                    ladder.Read(null, deadline, nodes[due].Locks, now) is var reading && (reading.Level is null ? reading.Next : now) is { } at)
                {
                    queue.Enqueue((1, due, null, deadline), (at, seq++));
                }
            }
        }
        Reached(-1, 0);
        while (queue.TryDequeue(out var e, out var key))
        {
            var now = key.Item1;
            switch (e.Kind)
            {
                case 0 when !locked:
                    reached[e.Node] = true;
                    Reached(e.Node, now);
                    break;
                case 1 when !reached[e.Node]:
                    var reading = ladder.Read(e.Climbed, e.Due, nodes[e.Node].Locks, now);
                    for (var level = EscalationLadder.Above(e.Climbed); level <= reading.Level; level++)
                    {
                        log.Add((Instant(now), new DeadlineWarning(nodes[e.Node].Id, WarningLevels.Of(level), Instant(e.Due))));
                    }
                    if ((reading.Brings & LadderEffects.Lock) != 0 && !locked)
                    {
                        locked = true;
                        log.Add((Instant(now), new DeadlineWarning(nodes[e.Node].Id, WarningLevel.Locked, Instant(e.Due))));
                        queue.Enqueue((2, e.Node, null, 0), (now + catalog.UnlockAfter[locks++ % catalog.UnlockAfter.Length], seq++));
                    }
                    if (reading.Next is { } at)
                    {
                        queue.Enqueue((1, e.Node, reading.Level ?? e.Climbed, e.Due), (at, seq++));
                    }
                    break;
                case 2:
                    locked = false;
                    break;
            }
        }
        return Sorted(log);
    }

    /// <summary>The live court's path: the deadline watch evaluating the record at each check, as <c>CaseClock</c> and <c>CaseCommands.Warn</c>.</summary>
    private static List<(DateTimeOffset, DeadlineWarning)> Live(Catalog catalog)
    {
        var (nodes, ladder) = (catalog.Nodes, catalog.Ladder);
        var log = new List<(DateTimeOffset, DeadlineWarning)>();
        var issued = new HashSet<DeadlineWarning>();
        var reachedAt = new Dictionary<string, DateTimeOffset>();
        DateTimeOffset? unlockedAt = null;
        DateTimeOffset? unlockDue = null;
        var locks = 0;
        var reaches = Enumerable.Range(0, nodes.Length).Where(i => catalog.ReachAt[i] is not null)
            .Select(i => (At: Instant(catalog.ReachAt[i]!.Value), nodes[i].Id)).OrderBy(r => r.At).ToList();
        var r = 0;
        (DateTimeOffset? Since, NodeDeadline[] Deadlines) Evaluate(DateTimeOffset now) =>
            CaseDeadlines.Evaluate(nodes, n => reachedAt.TryGetValue(n, out var at) ? at : null, s_filed, null, unlockedAt, now, ladder, WorkCalendar.Continuous);
        DateTimeOffset? check = s_filed;
        while (check is { } now)
        {
            if (unlockDue == now)
            {
                unlockedAt = now;
                unlockDue = null;
            }
            while (r < reaches.Count && reaches[r].At == now)
            {
                // A locked case's reach is refused.
                if (Evaluate(now).Since is null)
                {
                    reachedAt[reaches[r].Id] = now;
                }
                r++;
            }
            var (since, deadlines) = Evaluate(now);
            foreach (var w in DeadlineWarnings.Earned(deadlines, since, null, 30, null, now))
            {
                if (issued.Add(w))
                {
                    log.Add((now, w));
                    if (w.Level == WarningLevel.Locked)
                    {
                        unlockDue = now.AddTicks((long)(catalog.UnlockAfter[locks++ % catalog.UnlockAfter.Length] * TimeSpan.TicksPerDay));
                    }
                }
            }
            check = Earliest(CaseDeadlines.NextStep(deadlines), r < reaches.Count ? reaches[r].At : null, unlockDue);
        }
        return Sorted(log);
    }

    private static DateTimeOffset? Earliest(params DateTimeOffset?[] times) =>
        times.Where(t => t is not null).Min();
}
