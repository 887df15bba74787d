using System.Globalization;
using CsCheck;
using Docket.Domain.Assignment;
using Docket.Domain.Calendar;
using Docket.Domain.Cases;
using Docket.Domain.Deadlines;
using Docket.Domain.Intake;
using Docket.Domain.Scenarios;
using Docket.Domain.Simulation;
using Docket.Domain.Staffing;
using Docket.Domain.Statistics;
using Docket.Domain.Supervision;
using Docket.Domain.Tests.Support;

namespace Docket.Domain.Tests.Simulation;

/// <summary>
/// Random small courts with random process-node catalogues (ordinary and locking nodes, relative to filing, closure or
/// an earlier node, a closing stage before the last), supervisors (some missing), flagged and risk cases, statutory
/// limits and extensions, warm-up or none, either calendar. Whatever the court: no case is ever closed while it is
/// locked; every lock is either lifted or still open at the end, and the counters say so; the summary still balances.
/// </summary>
public sealed class DeadlinePropertyTests
{
    private const double Eps = 1e-9;

    /// <summary>
    /// The simulation is stepped finely enough to see every lock and every unlock: a lock lasts at least the unlock
    /// hours (≥ 12 working hours, so ≥ half a day of calendar time), and the step is under half of that, so no step holds
    /// more than one lock or one unlock of a case, nor a whole lock. From the records at each step the test rebuilds
    /// every lock interval exactly — its start is the record's LockedAt, its end the start plus the LockedDays the
    /// unlock added — and checks that no closure falls strictly inside one.
    /// </summary>
    [Fact]
    public void No_case_is_closed_while_locked_and_every_lock_is_lifted_or_still_open_at_the_end()
    {
        s_court.Sample(genes =>
        {
            var scenario = Build(genes);
            var simulation = TestCourts.Prepare(scenario);
            var step = genes.Supervision.UnlockHours / 24.0 / 2.5;
            var tracks = new List<LockTrack>();
            var previous = 0.0;
            for (var k = 1; previous < scenario.Days; k++)
            {
                var now = Math.Min(scenario.Days, k * step);
                simulation.AdvanceTo(now);
                Observe(simulation, tracks, previous, now);
                previous = now;
            }

            var w0 = scenario.WarmupDays;
            var records = simulation.Cases.ToArray();
            var first = 0L;
            var second = 0L;
            var unlocked = 0L;
            var lockedDays = 0.0;
            for (var i = 0; i < records.Length; i++)
            {
                var c = records[i];
                var intervals = tracks[i].Intervals;
                // Every lock the record counts was seen, and is lifted or (only the last) still open.
                Assert.Equal(c.Locks, intervals.Count);
                Assert.Equal((c.Flags & CaseFlags.Locked) != 0, intervals.Count > 0 && double.IsPositiveInfinity(intervals[^1].To));
                Assert.All(intervals.SkipLast(1), iv => Assert.False(double.IsPositiveInfinity(iv.To)));
                Assert.Equal(intervals.Where(iv => !double.IsPositiveInfinity(iv.To)).Sum(iv => iv.To - iv.From), c.LockedDays, 6);
                if (c.Status == CaseStatus.Closed)
                {
                    foreach (var (from, to) in intervals)
                    {
                        Assert.False(from + Eps < c.Closed && c.Closed < to - Eps,
                            $"case {i} was closed on day {c.Closed:F4} while locked from day {from:F4} to {to:F4}");
                    }
                }
                first += intervals.Count >= 1 && intervals[0].From >= w0 ? 1 : 0;
                second += intervals.Count >= 2 && intervals[1].From >= w0 ? 1 : 0;
                foreach (var (from, to) in intervals.Where(iv => !double.IsPositiveInfinity(iv.To) && iv.To >= w0))
                {
                    unlocked++;
                    lockedDays += to - from;
                }
            }
            Assert.Equal(records.Sum(c => (long)c.Locks), tracks.Sum(t => t.Intervals.Count(iv => !double.IsPositiveInfinity(iv.To))) + records.Count(c => (c.Flags & CaseFlags.Locked) != 0));

            // The window's counters are the locks and unlocks that happened inside it.
            var counters = simulation.Deadlines;
            Assert.Equal(first, counters.LocksFirst);
            Assert.Equal(second, counters.LocksSecond);
            Assert.Equal(unlocked, counters.Unlocked);
            Assert.Equal(lockedDays, counters.LockedDays, 6);

            // Stepping changed nothing: a straight run gives the same records.
            var straight = TestCourts.Simulate(scenario);
            Assert.Equal(CourtSimulationTests.Fingerprint(straight), CourtSimulationTests.Fingerprint(simulation));
            Assert.Equal(Extra(straight), Extra(simulation));
        }, iter: 60, print: Describe);
    }

    [Fact]
    public void The_summary_balances_and_the_deadline_lock_and_meeting_counters_agree_with_the_records()
    {
        s_court.Sample(genes =>
        {
            var scenario = Build(genes);
            var simulation = TestCourts.Simulate(scenario);
            var stats = CourtStatisticsCollector.Collect(simulation);
            var summary = SummaryBuilder.Replication(scenario, scenario.Seed, [stats]);
            var records = simulation.Cases.ToArray();
            var layout = simulation.Layout;
            double w0 = scenario.WarmupDays, w1 = scenario.Days;

            // The contract's identities hold with nodes, locks and meetings.
            var cases = summary.Cases;
            Assert.Equal(cases.Received, cases.Mediated + cases.InMediationEnd + cases.Filed);
            Assert.Equal(cases.PendingStart + cases.Filed, cases.Closed + cases.PendingEnd);
            Assert.Equal(stats.Filed, stats.Months.Sum(m => m.Filed));
            Assert.Equal(stats.Closed, stats.Months.Sum(m => m.Closed));
            Assert.Equal(stats.PendingEnd, stats.Months[^1].PendingEnd);
            Assert.Equal(stats.Closed, stats.Teams.Sum(t => t.Closed));
            Assert.Equal(stats.PendingEnd, stats.Teams.Sum(t => t.PendingEnd) + stats.WaitingEnd);

            // Each record's flags are consistent.
            foreach (var c in records)
            {
                var type = scenario.CaseTypes[c.Type];
                var flags = c.Flags;
                Assert.False((flags & CaseFlags.Parked) != 0 && (flags & CaseFlags.Locked) == 0, $"parked but not locked: {flags}");
                Assert.False((flags & CaseFlags.Referred) != 0 && (flags & CaseFlags.Overdue) == 0, $"referred but never overdue: {flags}");
                Assert.False(c.Locks > 0 && (flags & CaseFlags.Overdue) == 0, $"locked but never overdue: {flags}");
                Assert.True(c.Locks <= type.Nodes.Count(n => n.Locks), $"{c.Locks} locks from {type.Nodes.Count(n => n.Locks)} locking nodes");
                Assert.False((flags & CaseFlags.LimitOverdue) != 0 && type.TimeLimitDays is null);
                Assert.False(c.Extensions > 0 && type.Extension is null);
                if ((flags & CaseFlags.Flagged) == 0)
                {
                    Assert.Equal(CaseFlags.None, flags & (CaseFlags.AwaitingMeeting | CaseFlags.MeetingHeld));
                }
                if ((flags & CaseFlags.AwaitingMeeting) != 0)
                {
                    Assert.NotEqual(CaseStatus.Closed, c.Status);
                    Assert.True(c.Stage > layout.ClosingStage[c.Type]);
                    Assert.Equal(CaseFlags.None, flags & (CaseFlags.Parked | CaseFlags.MeetingHeld));
                }
                if (c.Status == CaseStatus.Closed)
                {
                    Assert.False((flags & CaseFlags.Flagged) != 0 && (flags & CaseFlags.MeetingHeld) == 0, "a flagged case closed without a meeting");
                    Assert.True(c.Stage > layout.ClosingStage[c.Type]);
                    Assert.False((flags & CaseFlags.Locked) != 0 && c.LockedAt < c.Closed, $"closed on day {c.Closed} under a lock from day {c.LockedAt}");
                    Assert.True(double.IsNaN(c.Archived) || c.Archived >= c.Closed);
                }
                else
                {
                    Assert.True(double.IsNaN(c.Archived));
                }
            }

            // Locks: every lock is lifted or open; first and second locks, days locked, the mean.
            var counters = simulation.Deadlines;
            var stillLocked = records.Count(c => (c.Flags & CaseFlags.Locked) != 0);
            Assert.True(counters.Unlocked <= records.Sum(c => c.Locks) - stillLocked);
            Assert.Equal(Ratio(counters.LockedDays, counters.Unlocked), summary.Locks.MeanLockedDays, 9);
            Assert.Equal(counters.LocksFirst, summary.Locks.First);
            Assert.Equal(counters.LocksSecond, summary.Locks.Second);
            if (w0 == 0)
            {
                Assert.Equal(records.Sum(c => c.Locks), counters.Unlocked + stillLocked);
                Assert.Equal(records.Count(c => c.Locks >= 1), counters.LocksFirst);
                Assert.Equal(records.Count(c => c.Locks >= 2), counters.LocksSecond);
                Assert.Equal(records.Sum(c => c.LockedDays), counters.LockedDays, 6);
                Assert.Equal(records.Sum(c => c.Extensions), counters.Extensions);
                // The ladder narrows: the president hears of no more nodes than the division head, nor discipline than he.
                Assert.True(counters.EscalatedDivisionHead <= counters.Warned);
                Assert.True(counters.EscalatedPresident <= counters.EscalatedDivisionHead);
                Assert.True(counters.ReferredDiscipline <= counters.EscalatedPresident);
                Assert.True(counters.EscalatedPresident <= counters.Overdue);
            }

            // Deadline outcomes under their own names; no cards without quality review.
            var closedInWindow = records.Where(c => c.Status == CaseStatus.Closed && c.Closed >= w0).ToList();
            Assert.Equal(closedInWindow.Count(c => c.Closed > c.Limit), summary.Deadlines.ClosedAfterLimit);
            Assert.Equal(0, summary.Deadlines.YellowCards);
            Assert.Equal(0, summary.Deadlines.RedCards);
            // One time-limit change rate: extensions granted to the cases filed in the window ÷ those cases, in both places.
            var filedInWindow = records.Where(c => !double.IsNaN(c.Filed) && c.Filed >= w0).ToList();
            Assert.Equal(Ratio(filedInWindow.Sum(c => c.Extensions), filedInWindow.Count), summary.Balance.TimeLimitChangeRate, 12);
            Assert.Equal(summary.Balance.TimeLimitChangeRate, summary.Deadlines.TimeLimitChangeRate);

            // Supervision: flags and risk levels of the cases filed in the window; supervisors' hours within their time.
            Assert.Equal(filedInWindow.Count(c => (c.Flags & CaseFlags.Flagged) != 0), summary.Supervision.FourType);
            Assert.Equal(filedInWindow.Count(c => c.Risk == RiskLevel.Ordinary), summary.Supervision.RiskOrdinary);
            Assert.Equal(filedInWindow.Count(c => c.Risk == RiskLevel.Larger), summary.Supervision.RiskLarger);
            Assert.Equal(filedInWindow.Count(c => c.Risk == RiskLevel.Major), summary.Supervision.RiskMajor);
            var windowHours = scenario.Calendar.WorkingHoursBefore(w1) - scenario.Calendar.WorkingHoursBefore(w0);
            var supervisors = layout.SupervisorStations.Values.Sum(s => simulation.Stations[s].Servers);
            Assert.InRange(summary.Supervision.SupervisorHours, 0.0, (supervisors * windowHours) + 1e-6);

            // Meetings: only where the court can seat one; each held meeting seated its judges.
            var judges = scenario.Courts[0].Supervision.Meeting.Judges;
            var seats = simulation.MeetingSeats.ToArray();
            Assert.Equal(seats.Sum(), summary.Teams.Sum(t => t.MeetingParticipations));
            Assert.True(counters.Meetings * judges <= seats.Sum());
            if (ProfessionalMeeting.Choose(layout.JudgesByDepartment, new int[layout.JudgesByDepartment.Count], judges) is null)
            {
                Assert.Equal(0, counters.Meetings);
                Assert.Equal(0, seats.Sum());
                Assert.DoesNotContain(records, c => (c.Flags & CaseFlags.Flagged) != 0 && c.Status == CaseStatus.Closed);
            }
            else
            {
                Assert.Equal(0, counters.MeetingsRefused);
            }

            // Balance and scores stay in range; coins are the closures' weights (no re-balancing by default).
            Assert.InRange(summary.Balance.Index, 0.0, 100.0);
            Assert.All(summary.Teams, t => Assert.InRange(t.BalanceIndex, 0.0, 100.0));
            Assert.InRange(summary.Balance.ClosuresGiniTeams, 0.0, 1.0);
            Assert.InRange(summary.Balance.ClosuresGiniJudges, 0.0, 1.0);
            Assert.InRange(summary.Balance.ClosureToArchiveDays, 0.0, w1);
            // One court: nothing is appealed between court levels, so there is no file transfer time.
            Assert.Null(summary.Balance.FileTransferDays);
            Assert.Equal(closedInWindow.Sum(c => layout.TypeWeight[c.Type]), summary.Teams.Sum(t => t.Coins), 6);
        }, iter: 200, print: Describe);
    }

    /// <summary>The properties above are only as good as the courts: most of them must lock, unlock, meet or extend.</summary>
    [Fact]
    public void The_random_courts_lock_unlock_park_close_after_locks_meet_refuse_meetings_and_extend_limits()
    {
        const int Samples = 200;
        var seen = new int[9];
        s_court.Sample(genes =>
        {
            var simulation = TestCourts.Simulate(Build(genes));
            var records = simulation.Cases.ToArray();
            bool[] happened =
            [
                records.Any(c => c.Locks > 0),
                records.Any(c => c.Locks > 1),
                simulation.Deadlines.Unlocked > 0,
                records.Any(c => (c.Flags & CaseFlags.Parked) != 0),
                records.Any(c => c.Status == CaseStatus.Closed && c.LockedDays > 0),
                records.Any(c => c.Status == CaseStatus.Closed && (c.Flags & CaseFlags.Locked) != 0),
                simulation.Deadlines.Meetings > 0,
                simulation.Deadlines.MeetingsRefused > 0,
                simulation.Deadlines.Extensions > 0,
            ];
            for (var i = 0; i < happened.Length; i++)
            {
                if (happened[i])
                {
                    Interlocked.Increment(ref seen[i]);
                }
            }
        }, iter: Samples);

        // Each happens in about 10–50 % of the courts, a lock after closure in about 5 %: far above these minimums.
        int[] minimum = [5, 5, 5, 5, 5, 1, 5, 5, 5];
        for (var i = 0; i < seen.Length; i++)
        {
            Assert.True(seen[i] >= minimum[i], $"seen in {string.Join(", ", seen)} of {Samples} courts");
        }
    }

    private static double Ratio(double a, double b) => b > 0 ? a / b : 0.0;

    /// <summary>What the common fingerprint leaves out: the deadline fields of each record.</summary>
    private static List<(long, long, long, int, int, long, RiskLevel, ulong)> Extra(CourtSimulation simulation)
    {
        var list = new List<(long, long, long, int, int, long, RiskLevel, ulong)>();
        foreach (ref readonly var c in simulation.Cases)
        {
            list.Add((BitConverter.DoubleToInt64Bits(c.LockedAt), BitConverter.DoubleToInt64Bits(c.LockedDays), BitConverter.DoubleToInt64Bits(c.Limit),
                c.Locks, c.Extensions, BitConverter.DoubleToInt64Bits(c.Archived), c.Risk, c.NodesReached));
        }
        return list;
    }

    // ---- Rebuilding lock intervals from the records, step by step ----

    private sealed class LockTrack
    {
        public int Locks;
        public double LockedDays;
        public int StageWhenSeenLocked;
        public List<(double From, double To)> Intervals { get; } = [];

        public bool Open => Intervals.Count > 0 && double.IsPositiveInfinity(Intervals[^1].To);
    }

    /// <summary>After a step from <paramref name="from"/> to <paramref name="to"/>: the locks that opened and closed in it.</summary>
    private static void Observe(CourtSimulation simulation, List<LockTrack> tracks, double from, double to)
    {
        while (tracks.Count < simulation.CaseCount)
        {
            tracks.Add(new LockTrack());
        }
        for (var i = 0; i < simulation.CaseCount; i++)
        {
            ref readonly var c = ref simulation.Case(i);
            var t = tracks[i];
            var locked = (c.Flags & CaseFlags.Locked) != 0;
            Assert.False((c.Flags & CaseFlags.Parked) != 0 && !locked, $"day {to:F3}: case {i} is parked but not locked");
            if (c.Locks == t.Locks && c.LockedDays == t.LockedDays)
            {
                Assert.Equal(t.Open, locked);
                if (locked)
                {
                    // While one lock lasts, the stage under way may end, but no further stage starts.
                    Assert.True(c.Stage <= t.StageWhenSeenLocked + 1, $"day {to:F3}: case {i} went from stage {t.StageWhenSeenLocked} to {c.Stage} while locked");
                }
                continue;
            }
            var added = c.LockedDays - t.LockedDays;
            var newLocks = c.Locks - t.Locks;
            Assert.True(added >= 0, $"case {i}: locked days fell from {t.LockedDays} to {c.LockedDays}");
            Assert.InRange(newLocks, 0, 1);
            if (added > 0)
            {
                Assert.True(t.Open, $"day {to:F3}: case {i} was unlocked ({added:F4} days) without an open lock");
                var start = t.Intervals[^1].From;
                var end = start + added;
                Assert.InRange(end, from - 1e-6, to + 1e-6);
                t.Intervals[^1] = (start, end);
            }
            if (newLocks == 1)
            {
                Assert.False(t.Open, $"day {to:F3}: case {i} was locked again while still locked");
                Assert.InRange(c.LockedAt, from, to);
                t.Intervals.Add((c.LockedAt, double.PositiveInfinity));
                t.StageWhenSeenLocked = c.Stage;
            }
            Assert.Equal(t.Open, locked);
            t.Locks = c.Locks;
            t.LockedDays = c.LockedDays;
        }
    }

    // ---- The random courts ----

    /// <summary>Tasks a stage can be (in this order within a type), with their roles; the wait is in calendar days.</summary>
    private static readonly (string Task, string Role)[] s_tasks =
    [
        ("service", RoleCatalog.Clerk),
        ("scheduling", RoleCatalog.Clerk),
        ("wait_hearing", ""),
        ("judgment", RoleCatalog.Judge),
        ("publishing", RoleCatalog.Clerk),
        ("archiving", RoleCatalog.Clerk),
    ];

    /// <param name="From">0: filing; 1: closure (when the node's stage is at or after closing); 2+: an earlier node.</param>
    private sealed record NodeGene(int Stage, int From, double Within, bool Locks);

    private sealed record TypeGene(int StageMask, double[] Amounts, int ClosesAfter, NodeGene[] Nodes, bool Flagged, bool Risky, double? Limit, (double Share, double Days)? Extension);

    private sealed record GroupGene(int Count, int Judges, bool Leader, bool Clerk, int AcceptMask);

    private sealed record SupervisionGene(int DivisionHeads, int VicePresidents, int Presidents, double UnlockHours, double ApprovalHours,
        double WarnHours, double LimitWarnDays, double ReferralDays, double MeetingEvery, int MeetingJudges);

    private sealed record CourtGenes(uint Seed, int Days, int Warmup, bool Workweek, TypeGene[] Types, GroupGene[] Groups, SupervisionGene Supervision,
        double PerYear, int Backlog, double BacklogAge, int Policy);

    private static readonly Gen<NodeGene> s_node = Gen.Select(Gen.Int[0, 5], Gen.Int[0, 4], Gen.Double[0.5, 40], Gen.Bool,
        (stage, from, within, locks) => new NodeGene(stage, from, within, locks));

    private static readonly Gen<TypeGene> s_type = Gen.Select(
        Gen.Int[1, 63], Gen.Double[1, 60].Array[6], Gen.Int[-3, 5], s_node.Array[0, 6], Gen.Int[0, 2], Gen.Int[0, 2],
        Gen.Select(Gen.Int[0, 2], Gen.Double[20, 150], (has, days) => has == 0 ? (double?)null : days),
        Gen.Select(Gen.Int[0, 1], Gen.Double[0, 1], Gen.Double[5, 90], (has, share, days) => has == 0 ? ((double, double)?)null : (share, days)),
        (mask, amounts, closes, nodes, flagged, risky, limit, extension) =>
            new TypeGene(mask, amounts, closes, nodes, flagged == 0, risky == 0, limit, limit is null ? null : extension));

    private static readonly Gen<GroupGene> s_group = Gen.Select(Gen.Int[1, 4], Gen.Int[1, 2], Gen.Int[0, 3], Gen.Bool, Gen.Int[1, 7],
        (count, judges, leader, clerk, mask) => new GroupGene(count, judges, leader == 0, clerk, mask));

    private static readonly Gen<SupervisionGene> s_supervision = Gen.Select(
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, 1], Gen.Int[0, 1], (dh, vp, p) => (dh, vp, p)),
        Gen.Double[12, 72], Gen.Double[0.5, 8], Gen.Double[12, 120], Gen.Double[5, 40], Gen.Double[1, 14], Gen.Double[3, 14], Gen.OneOf(3, 5, 7),
        (staff, unlock, approval, warn, limitWarn, referral, every, judges) =>
            new SupervisionGene(staff.dh, staff.vp, staff.p, unlock, approval, warn, limitWarn, referral, every, judges));

    private static readonly Gen<CourtGenes> s_court = Gen.Select(
        Gen.Select(Gen.UInt, Gen.Int[60, 240], Gen.Int[0, 3], Gen.Bool, s_type.Array[1, 3], s_group.Array[1, 4], s_supervision),
        Gen.Select(Gen.Double[30, 500], Gen.Int[0, 10], Gen.Double[0, 200], Gen.Int[0, 2]),
        (a, b) => new CourtGenes(a.Item1, a.Item2, a.Item3 == 0 ? 0 : a.Item2 * a.Item3 / 10, a.Item4, a.Item5, a.Item6, a.Item7, b.Item1, b.Item2, b.Item3, b.Item4));

    /// <summary>
    /// The scenario the genes describe, valid as <c>docket validate</c> would have it — nodes on stages of their type,
    /// after closure only at or after the closing stage, after another node only at a later stage; a division head or
    /// president wherever a lock can happen, the supervisors risk levels and extensions need — except that a court may
    /// be unable to seat the meeting its flagged cases wait for.
    /// </summary>
    private static Scenario Build(CourtGenes g)
    {
        var types = new List<CaseType>();
        for (var i = 0; i < g.Types.Length; i++)
        {
            var t = g.Types[i];
            var picked = Enumerable.Range(0, s_tasks.Length).Where(k => (t.StageMask >> k & 1) == 1).ToList();
            var stages = picked.Select(k => new EffortStage(s_tasks[k].Task, s_tasks[k].Role,
                new FixedEffort(s_tasks[k].Role.Length == 0 ? t.Amounts[k] / 4 : t.Amounts[k]))).ToList();
            var closing = t.ClosesAfter >= 0 && t.ClosesAfter < stages.Count ? t.ClosesAfter : stages.Count - 1;
            var nodes = new List<ProcessNode>();
            var nodeStage = new List<int>();
            for (var n = 0; n < t.Nodes.Length; n++)
            {
                var gene = t.Nodes[n];
                var stage = gene.Stage % stages.Count;
                var from = ProcessNode.Filing;
                if (gene.From == 1 && stage >= closing)
                {
                    from = ProcessNode.Closure;
                }
                else if (gene.From >= 2)
                {
                    var earlier = Enumerable.Range(0, nodes.Count).Where(e => nodeStage[e] < stage).ToList();
                    if (earlier.Count > 0)
                    {
                        from = nodes[earlier[gene.From % earlier.Count]].Id;
                    }
                }
                nodes.Add(new ProcessNode($"n{n}", stages[stage].Task, from, gene.Within, gene.Locks));
                nodeStage.Add(stage);
            }
            types.Add(new CaseType($"k{i}", $"c{i % 2}", CaseTrack.Ordinary, 1.0 + (0.5 * i), t.Limit, 0, stages, t.Flagged ? 0.3 : 0)
            {
                Nodes = nodes,
                ClosesAfter = t.ClosesAfter >= 0 && t.ClosesAfter < stages.Count ? stages[t.ClosesAfter].Task : null,
                Risk = t.Risky ? new RiskShares(0.2, 0.1, 0.05) : RiskShares.None,
                Extension = t.Extension is { } e ? new TimeLimitExtension(e.Share, e.Days) : null,
            });
        }

        var all = (1 << types.Count) - 1;
        var groups = new List<TeamGroup>();
        var accepted = new SortedSet<int>();
        for (var i = 0; i < g.Groups.Length; i++)
        {
            var gene = g.Groups[i];
            var mask = gene.AcceptMask & all;
            mask = mask == 0 ? 1 << (i % types.Count) : mask;
            var accepts = Enumerable.Range(0, types.Count).Where(t => (mask >> t & 1) == 1).ToList();
            accepted.UnionWith(accepts);
            var members = new Dictionary<string, int>();
            if (gene.Leader)
            {
                members[RoleCatalog.DivisionHead] = 1;
            }
            if (gene.Judges - (gene.Leader ? 1 : 0) > 0)
            {
                members[RoleCatalog.Judge] = gene.Judges - (gene.Leader ? 1 : 0);
            }
            if (gene.Clerk)
            {
                members[RoleCatalog.Clerk] = 1;
            }
            groups.Add(new TeamGroup($"g{i}", TeamKind.General, gene.Count, members, [.. accepts.Select(t => $"k{t}")], null, null, null));
        }
        var filed = accepted.ToList();
        var intake = new IntakeStream([.. filed.Select(t => new TypeShare($"k{t}", 1))], g.PerYear, null, null);
        var backlog = g.Backlog > 0 ? new List<BacklogEntry> { new($"k{filed[g.Backlog % filed.Count]}", g.Backlog, new FixedEffort(g.BacklogAge)) } : [];
        var policy = g.Policy switch
        {
            0 => AssignmentSpec.Random,
            1 => new AssignmentSpec(AssignmentPolicyKind.LeastLoaded),
            _ => new AssignmentSpec(AssignmentPolicyKind.Pull, Cap: 2),
        };

        var s = g.Supervision;
        var usedTypes = filed.Select(t => types[t]).ToList();
        var locks = usedTypes.Any(t => t.Nodes.Any(n => n.Locks));
        var risky = usedTypes.Any(t => t.Risk != RiskShares.None);
        var extended = usedTypes.Any(t => t.Extension is not null);
        var staff = new Dictionary<string, int>
        {
            [RoleCatalog.DivisionHead] = risky ? Math.Max(1, s.DivisionHeads) : s.DivisionHeads,
            [RoleCatalog.VicePresident] = risky ? Math.Max(1, s.VicePresidents) : s.VicePresidents,
            [RoleCatalog.President] = risky || extended || (locks && s.DivisionHeads == 0) ? Math.Max(1, s.Presidents) : s.Presidents,
        };
        var supervision = new SupervisionSpec(staff, new FixedEffort(s.UnlockHours), new FixedEffort(1), new FixedEffort(2), new FixedEffort(4),
            new FixedEffort(s.ApprovalHours), s.WarnHours, s.LimitWarnDays, s.ReferralDays, new MeetingSpec(s.MeetingEvery, s.MeetingJudges, new FixedEffort(2), 10));

        var scenario = TestCourts.Court(types, [intake], groups, policy, g.Days, g.Warmup, g.Seed, backlog: backlog,
            calendar: g.Workweek ? new WorkCalendar(5, 8) : WorkCalendar.Continuous);
        return TestCourts.WithSupervision(scenario, supervision);
    }

    private static string Describe(CourtGenes g)
    {
        static string F(double x) => x.ToString("0.##", CultureInfo.InvariantCulture);
        var scenario = Build(g);
        var court = scenario.Courts[0];
        var s = court.Supervision;
        var lines = new List<string>
        {
            $"seed {g.Seed}, {scenario.Days} days, warm-up {scenario.WarmupDays}, calendar {scenario.Calendar.DaysPerWeek}x{F(scenario.Calendar.HoursPerDay)}, policy {court.Assignment.Policy}, intake {F(g.PerYear)}/year, backlog {g.Backlog} aged {F(g.BacklogAge)}",
            $"  supervisors {string.Join(", ", s.Staff.Select(kv => $"{kv.Key} {kv.Value}"))}; unlock {s.UnlockHours}, approval {s.ExtensionApprovalHours}, warn {F(s.WarnBeforeHours)} h, limit warn {F(s.LimitWarnDays)} d, referral {F(s.ReferralAfterDays)} d, meeting every {F(s.Meeting.EveryDays)} d of {s.Meeting.Judges}",
        };
        foreach (var t in scenario.CaseTypes)
        {
            lines.Add($"  type {t.Id}: stages {string.Join(" + ", t.Stages.Select(st => $"{st.Task} {F(st.Effort.MeanHours)}"))}; closes after {t.ClosesAfter ?? "-"}; flagged {F(t.FlaggedShare)}; risk {t.Risk}; limit {(t.TimeLimitDays is { } l ? F(l) : "-")}; extension {t.Extension?.ToString() ?? "-"}");
            lines.AddRange(t.Nodes.Select(n => $"    node {n.Id}: stage {n.Stage}, from {n.From}, within {F(n.WithinDays ?? 0)}{(n.Locks ? ", locks" : "")}"));
        }
        lines.AddRange(court.Teams.Select(t => $"  group {t.Id} x{t.Count}: {string.Join(", ", t.Members.Select(m => $"{m.Key} {m.Value}"))}; accepts {string.Join(",", t.Accepts)}"));
        return string.Join(Environment.NewLine, lines);
    }
}
