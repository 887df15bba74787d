using Docket.Domain.Assignment;
using Docket.Domain.Balance;
using Docket.Domain.Cases;
using Docket.Domain.Deadlines;
using Docket.Domain.Scenarios;
using Docket.Domain.Simulation;
using Docket.Domain.Staffing;
using Docket.Domain.Statistics;
using Docket.Domain.Supervision;
using Docket.Domain.Tests.Support;

namespace Docket.Domain.Tests.Simulation;

/// <summary>
/// Issue 3 in the simulator: process nodes with their warnings, escalation and locks; unlocking by supervisors whose time
/// is a resource; statutory limits and extensions; professional judges' meetings; risk levels; closure before the last
/// stage; coins. Most courts here are one case filed just before day 0 with fixed efforts in continuous time, so every
/// event falls on a day the test can name.
/// </summary>
public sealed class DeadlineSimulationTests
{
    private const double Hour = 1.0 / 24;

    private static readonly Dictionary<string, int> s_judge = new() { [RoleCatalog.Judge] = 1 };

    private static readonly Dictionary<string, int> s_judgeAndClerk = new() { [RoleCatalog.Judge] = 1, [RoleCatalog.Clerk] = 1 };

    /// <summary>A stage of fixed length: working hours for a person, calendar days for a wait (empty role).</summary>
    private static EffortStage Stage(string task, string role, double amount) => new(task, role, new FixedEffort(amount));

    private static CaseType Type(string id, params EffortStage[] stages) =>
        new(id, id, CaseTrack.Ordinary, 1.0, null, 0, stages, 0);

    /// <summary>Scheduling the hearing (done by the team's judge, who has no clerk) takes <paramref name="schedulingDays"/>, then a judgment.</summary>
    private static CaseType Scheduled(double schedulingDays, double judgmentHours = 24, params ProcessNode[] nodes) =>
        Type("civil", Stage("scheduling", RoleCatalog.Clerk, schedulingDays * 24), Stage("judgment", RoleCatalog.Judge, judgmentHours)) with { Nodes = nodes };

    /// <summary>One case of <paramref name="type"/> filed just before day 0, one one-judge team, nothing else.</summary>
    private static Scenario OneCase(CaseType type, int days = 60, int warmup = 0, SupervisionSpec? supervision = null)
    {
        var scenario = TestCourts.Court([type], [], [TestCourts.Teams("t", 1, [type.Id], s_judge)], AssignmentSpec.Random, days, warmup,
            backlog: [TestCourts.FiledAtStart(type.Id)]);
        return supervision is null ? scenario : TestCourts.WithSupervision(scenario, supervision);
    }

    private static SupervisionSpec UnlockTakes(double hours) => SupervisionSpec.Default with { UnlockHours = new FixedEffort(hours) };

    /// <summary>Working hours the court's supervisors of <paramref name="role"/> spent inside the window (0 when it has none).</summary>
    private static double SupervisorHours(CourtSimulation simulation, string role) =>
        simulation.Layout.SupervisorStations.TryGetValue(role, out var station) ? simulation.Stations[station].BusyHours.Sum() : 0.0;

    private static bool Has(in CaseRecord c, CaseFlags flag) => (c.Flags & flag) != 0;

    // ---- Locks at important nodes ----

    [Fact]
    public void An_overdue_important_node_locks_the_case_which_waits_for_the_division_head_to_unlock_it()
    {
        // Hearing date due 7 days after filing, locked when missed; scheduling takes 10 days; unlocking takes 5 days (120 h).
        var type = Scheduled(10, 24, new ProcessNode("hearing_scheduled", "scheduling", ProcessNode.Filing, 7, Locks: true));
        var simulation = TestCourts.Prepare(OneCase(type, supervision: UnlockTakes(120)));

        simulation.AdvanceTo(6.9);
        Assert.False(Has(simulation.Case(0), CaseFlags.Locked));

        // Day 7: the deadline passes; the case is locked and counted as a first lock.
        simulation.AdvanceTo(7.5);
        var atLock = simulation.Case(0);
        Assert.True(Has(atLock, CaseFlags.Locked));
        Assert.True(Has(atLock, CaseFlags.Overdue));
        Assert.Equal(7.0, atLock.LockedAt, 9);
        Assert.Equal(1, atLock.Locks);
        Assert.Equal(1, simulation.Deadlines.LocksFirst);

        // Day 10: scheduling is done but the locked case stops there, short of its judgment, and the hearing date is
        // not recorded as scheduled until it is unlocked (the live court refuses a node reached while locked).
        simulation.AdvanceTo(11.9);
        var parked = simulation.Case(0);
        Assert.True(Has(parked, CaseFlags.Locked));
        Assert.True(Has(parked, CaseFlags.Parked));
        Assert.True(Has(parked, CaseFlags.StageAwaitsUnlock));
        Assert.Equal(CaseStatus.InProgress, parked.Status);
        Assert.Equal(0, parked.Stage);
        Assert.True(double.IsNaN(parked.Closed));

        // Day 12: the division head has unlocked it; the judgment (1 day) follows and the case closes on day 13.
        simulation.AdvanceTo(12.1);
        Assert.False(Has(simulation.Case(0), CaseFlags.Locked));
        Assert.False(Has(simulation.Case(0), CaseFlags.Parked | CaseFlags.StageAwaitsUnlock));
        Assert.Equal(1, simulation.Case(0).Stage);
        simulation.RunToEnd();
        var closed = simulation.Case(0);
        Assert.Equal(CaseStatus.Closed, closed.Status);
        Assert.Equal(13.0, closed.Closed, 9);
        Assert.Equal(5.0, closed.LockedDays, 9);

        // The division head's 120 hours, nobody else's, and the summary's lock figures.
        Assert.Equal(120.0, SupervisorHours(simulation, RoleCatalog.DivisionHead), 9);
        Assert.Equal(0.0, SupervisorHours(simulation, RoleCatalog.President));
        var summary = TestCourts.Summarize(simulation);
        Assert.Equal(1, summary.Locks.First);
        Assert.Equal(0, summary.Locks.Second);
        Assert.Equal(1, summary.Locks.Unlocked);
        Assert.Equal(5.0, summary.Locks.MeanLockedDays, 9);
        Assert.Equal(120.0, summary.Supervision.SupervisorHours, 9);
    }

    [Fact]
    public void A_lock_lifted_before_the_stage_ends_does_not_hold_the_case_up()
    {
        var type = Scheduled(10, 24, new ProcessNode("hearing_scheduled", "scheduling", ProcessNode.Filing, 7, Locks: true));

        var simulation = TestCourts.Simulate(OneCase(type, supervision: UnlockTakes(24)));

        var c = simulation.Case(0);
        Assert.Equal(1, c.Locks);
        Assert.Equal(1.0, c.LockedDays, 9);
        Assert.Equal(11.0, c.Closed, 9);
    }

    [Fact]
    public void A_locked_case_waiting_for_a_team_starts_no_stage_until_it_is_unlocked()
    {
        // docs/simulation.md: "A locked case finishes the task in hand but starts no further stage and does not close."
        // One team taking one case at a time; two cases filed at day 0, both locked on day 3 (their 10-day stage is due
        // in 3). The lone division head unlocks the first on day 8 and the second on day 13. The first closes on day 10
        // and the second, which had no task in hand while it waited, may start only when unlocked: closed on day 23.
        var type = Type("civil", Stage("judgment", RoleCatalog.Judge, 240)) with
        {
            Nodes = [new ProcessNode("judged", "judgment", ProcessNode.Filing, 3, Locks: true)],
        };
        var scenario = TestCourts.Court([type], [], [TestCourts.Teams("t", 1, ["civil"], s_judge)], new AssignmentSpec(AssignmentPolicyKind.Pull, Cap: 1), 60,
            backlog: [TestCourts.FiledAtStart("civil", 2)]);

        var simulation = TestCourts.Simulate(TestCourts.WithSupervision(scenario, UnlockTakes(120)));

        var (first, second) = (simulation.Case(0), simulation.Case(1));
        Assert.Equal(10.0, first.Closed, 9);
        Assert.Equal(10.0, second.Assigned, 9);
        Assert.Equal(10.0, second.LockedDays, 9);
        Assert.True(second.Closed >= 13.0 + 10.0 - 1e-9, $"the second case closed on day {second.Closed}: its 10-day stage started before its unlock on day 13");
    }

    [Fact]
    public void A_case_locked_at_two_important_nodes_counts_one_first_and_one_second_lock()
    {
        // Locked on day 7 (hearing not scheduled), unlocked on 12; judgment from 12 to 22 misses its day-15 node: locked
        // again on 15, unlocked on 20; closed on 22.
        var type = Scheduled(10, 240,
            new ProcessNode("hearing_scheduled", "scheduling", ProcessNode.Filing, 7, Locks: true),
            new ProcessNode("judged", "judgment", ProcessNode.Filing, 15, Locks: true));

        var (simulation, summary) = TestCourts.Run(OneCase(type, supervision: UnlockTakes(120)));

        var c = simulation.Case(0);
        Assert.Equal(2, c.Locks);
        Assert.Equal(10.0, c.LockedDays, 9);
        Assert.Equal(22.0, c.Closed, 9);
        Assert.Equal(1, summary.Locks.First);
        Assert.Equal(1, summary.Locks.Second);
        Assert.Equal(2, summary.Locks.Unlocked);
        Assert.Equal(5.0, summary.Locks.MeanLockedDays, 9);
        Assert.Equal(240.0, summary.Supervision.SupervisorHours, 9);
    }

    [Fact]
    public void A_node_missed_while_the_case_is_already_locked_does_not_lock_it_twice()
    {
        // Both nodes are missed (days 7 and 8) during the one lock from day 7 to 12.
        var type = Scheduled(10, 24,
            new ProcessNode("hearing_scheduled", "scheduling", ProcessNode.Filing, 7, Locks: true),
            new ProcessNode("hearing_streamed", "scheduling", ProcessNode.Filing, 8, Locks: true));

        var (simulation, summary) = TestCourts.Run(OneCase(type, supervision: UnlockTakes(120)));

        Assert.Equal(1, simulation.Case(0).Locks);
        Assert.Equal(1, summary.Locks.First);
        Assert.Equal(0, summary.Locks.Second);
        Assert.Equal(2, summary.Deadlines.EscalatedPresident);
    }

    [Fact]
    public void Without_a_division_head_the_president_unlocks_and_is_charged_the_time()
    {
        var type = Scheduled(10, 24, new ProcessNode("hearing_scheduled", "scheduling", ProcessNode.Filing, 7, Locks: true));
        var supervision = UnlockTakes(120) with { Staff = new Dictionary<string, int> { [RoleCatalog.VicePresident] = 1, [RoleCatalog.President] = 1 } };

        var simulation = TestCourts.Simulate(OneCase(type, supervision: supervision));

        Assert.Equal(13.0, simulation.Case(0).Closed, 9);
        Assert.Equal(120.0, SupervisorHours(simulation, RoleCatalog.President), 9);
        Assert.Equal(0.0, SupervisorHours(simulation, RoleCatalog.VicePresident));
    }

    [Fact]
    public void A_node_due_after_closure_locks_a_closed_case_without_reopening_it_and_holds_up_its_archiving()
    {
        // Closed when judged (day 1); the judgment must be online 7 days later, but publishing takes 10 days: locked on day
        // 8, parked when published on day 11, unlocked on 13, archived on 14.
        var type = Type("civil",
            Stage("judgment", RoleCatalog.Judge, 24),
            Stage("publishing", RoleCatalog.Clerk, 240),
            Stage("archiving", RoleCatalog.Clerk, 24)) with
        {
            ClosesAfter = "judgment",
            Nodes = [new ProcessNode("online", "publishing", ProcessNode.Closure, 7, Locks: true)],
        };
        var simulation = TestCourts.Prepare(OneCase(type, supervision: UnlockTakes(120)));

        simulation.AdvanceTo(12);
        var locked = simulation.Case(0);
        Assert.Equal(CaseStatus.Closed, locked.Status);
        Assert.Equal(1.0, locked.Closed, 9);
        Assert.True(Has(locked, CaseFlags.Locked) && Has(locked, CaseFlags.Parked));
        Assert.True(locked.LockedAt >= locked.Closed);
        Assert.True(double.IsNaN(locked.Archived));

        simulation.RunToEnd();
        var done = simulation.Case(0);
        Assert.Equal(1.0, done.Closed, 9);
        Assert.Equal(14.0, done.Archived, 9);
        Assert.Equal(5.0, done.LockedDays, 9);
        Assert.Equal(1, simulation.Deadlines.LocksFirst);
    }

    // ---- Warnings and escalation ----

    [Theory]
    [InlineData(3.0, 0, 0, 0, 0)]
    [InlineData(5.5, 1, 0, 0, 0)]
    [InlineData(6.5, 1, 1, 0, 0)]
    [InlineData(10.0, 1, 1, 1, 0)]
    [InlineData(20.0, 1, 1, 1, 1)]
    public void The_ladder_climbs_as_far_as_the_node_is_late(double schedulingDays, int warned, int divisionHead, int president, int discipline)
    {
        // Due day 7: judge warned day 5 (48 h before), division head day 6, president day 7, discipline day 14.
        var type = Scheduled(schedulingDays, 24, new ProcessNode("hearing_scheduled", "scheduling", ProcessNode.Filing, 7, Locks: false));

        var (simulation, summary) = TestCourts.Run(OneCase(type));

        Assert.Equal(warned, summary.Deadlines.Warned);
        Assert.Equal(divisionHead, summary.Deadlines.EscalatedDivisionHead);
        Assert.Equal(president, summary.Deadlines.EscalatedPresident);
        Assert.Equal(president, summary.Deadlines.Overdue);
        Assert.Equal(discipline, summary.Deadlines.ReferredDiscipline);
        Assert.Equal(0, summary.Deadlines.RedCards); // a referral is not a card: cards come from quality review
        Assert.Equal(president == 1, Has(simulation.Case(0), CaseFlags.Overdue));
        Assert.Equal(discipline == 1, Has(simulation.Case(0), CaseFlags.Referred));
        Assert.Equal(schedulingDays + 1, simulation.Case(0).Closed, 9);
    }

    [Fact]
    public void An_overdue_ordinary_node_warns_then_escalates_in_order_and_refers_to_discipline_without_ever_locking()
    {
        var type = Scheduled(20, 24, new ProcessNode("hearing_scheduled", "scheduling", ProcessNode.Filing, 7, Locks: false));
        var simulation = TestCourts.Prepare(OneCase(type));
        var counters = simulation.Deadlines;

        simulation.AdvanceTo(4.9);
        Assert.Equal((0L, 0L, 0L, 0L), (counters.Warned, counters.EscalatedDivisionHead, counters.EscalatedPresident, counters.ReferredDiscipline));
        simulation.AdvanceTo(5.1);
        Assert.Equal((1L, 0L, 0L, 0L), (counters.Warned, counters.EscalatedDivisionHead, counters.EscalatedPresident, counters.ReferredDiscipline));
        simulation.AdvanceTo(6.1);
        Assert.Equal((1L, 1L, 0L, 0L), (counters.Warned, counters.EscalatedDivisionHead, counters.EscalatedPresident, counters.ReferredDiscipline));
        simulation.AdvanceTo(7.1);
        Assert.Equal((1L, 1L, 1L, 0L), (counters.Warned, counters.EscalatedDivisionHead, counters.EscalatedPresident, counters.ReferredDiscipline));
        Assert.True(Has(simulation.Case(0), CaseFlags.Overdue));
        simulation.AdvanceTo(14.1);
        Assert.Equal((1L, 1L, 1L, 1L), (counters.Warned, counters.EscalatedDivisionHead, counters.EscalatedPresident, counters.ReferredDiscipline));
        Assert.True(Has(simulation.Case(0), CaseFlags.Referred));

        simulation.RunToEnd();
        var c = simulation.Case(0);
        Assert.False(Has(c, CaseFlags.Locked));
        Assert.Equal(0, c.Locks);
        Assert.Equal(0, counters.LocksFirst);
        Assert.Equal(21.0, c.Closed, 9);
        Assert.Equal(0.0, SupervisorHours(simulation, RoleCatalog.DivisionHead));
    }

    [Fact]
    public void Nodes_reached_in_time_produce_no_warning_at_all()
    {
        // 300 cases a year whose node is due 7 days after filing; scheduling takes 3 days and nobody's time (a wait).
        var type = Type("civil", Stage("wait_scheduling", "", 3), Stage("judgment", RoleCatalog.Judge, 2)) with
        {
            Nodes = [new ProcessNode("hearing_scheduled", "wait_scheduling", ProcessNode.Filing, 7, Locks: true)],
        };
        var scenario = TestCourts.Court([type], [TestCourts.Intake("civil", 300)], [TestCourts.Teams("t", 3, ["civil"])], AssignmentSpec.Random, 365);

        var (simulation, summary) = TestCourts.Run(scenario);

        Assert.True(summary.Cases.Closed > 250);
        Assert.Equal(new DeadlineFigures(), summary.Deadlines);
        Assert.Equal(new LockFigures(), summary.Locks);
        Assert.Equal(0.0, summary.Supervision.SupervisorHours);
        Assert.DoesNotContain(simulation.Cases.ToArray(), c => (c.Flags & (CaseFlags.Overdue | CaseFlags.Locked | CaseFlags.Referred)) != 0);
    }

    [Theory]
    [InlineData(0, 1, 1, 1, 1, 1)]
    [InlineData(6, 0, 1, 1, 1, 1)]
    [InlineData(8, 0, 0, 0, 1, 0)]
    [InlineData(16, 0, 0, 0, 0, 0)]
    public void Escalations_and_locks_count_only_inside_the_statistics_window(int warmup, int warned, int divisionHead, int president, int discipline, int locks)
    {
        // Due day 7.5: judge 5.5, division head 6.5, president and lock 7.5, discipline 14.5; reached on day 20.
        var type = Scheduled(20, 24, new ProcessNode("hearing_scheduled", "scheduling", ProcessNode.Filing, 7.5, Locks: true));

        var (simulation, summary) = TestCourts.Run(OneCase(type, warmup: warmup, supervision: UnlockTakes(1)));

        Assert.Equal(warned, summary.Deadlines.Warned);
        Assert.Equal(divisionHead, summary.Deadlines.EscalatedDivisionHead);
        Assert.Equal(president, summary.Deadlines.EscalatedPresident);
        Assert.Equal(discipline, summary.Deadlines.ReferredDiscipline);
        Assert.Equal(locks, summary.Locks.First);
        // The record keeps what happened whenever it happened.
        Assert.Equal(1, simulation.Case(0).Locks);
        Assert.True(Has(simulation.Case(0), CaseFlags.Overdue));
        Assert.True(Has(simulation.Case(0), CaseFlags.Referred));
    }

    // ---- Statutory limits ----

    /// <summary>A case with a 60-day statutory limit that takes 100 days (a wait, then a day's judgment).</summary>
    private static CaseType Limited(double days = 100, TimeLimitExtension? extension = null) =>
        new CaseType("civil", "civil", CaseTrack.Ordinary, 1.0, 60, 0, [Stage("wait_trial", "", days - 1), Stage("judgment", RoleCatalog.Judge, 24)], 0)
        { Extension = extension };

    [Fact]
    public void The_statutory_limit_is_warned_a_month_before_and_a_case_closed_after_it_is_counted()
    {
        var simulation = TestCourts.Prepare(OneCase(Limited(), days: 200));

        simulation.AdvanceTo(29.9);
        Assert.Equal(0, simulation.Deadlines.Warned);
        simulation.AdvanceTo(30.1);
        Assert.Equal(1, simulation.Deadlines.Warned);
        simulation.AdvanceTo(59.9);
        Assert.False(Has(simulation.Case(0), CaseFlags.LimitOverdue));
        simulation.AdvanceTo(60.1);
        Assert.True(Has(simulation.Case(0), CaseFlags.LimitOverdue));
        Assert.Equal(1, simulation.Deadlines.Overdue);

        simulation.RunToEnd();
        var summary = TestCourts.Summarize(simulation);
        Assert.Equal(100.0, simulation.Case(0).Closed, 6);
        Assert.Equal(1, summary.Deadlines.ClosedAfterLimit);
        Assert.Equal(0, summary.Deadlines.YellowCards); // a late closure is not a card: cards come from quality review
        Assert.Equal(0, summary.Deadlines.Extensions);
    }

    [Fact]
    public void Limit_warn_days_sets_how_long_before_the_limit_the_warning_comes()
    {
        var simulation = TestCourts.Prepare(OneCase(Limited(), days: 200, supervision: SupervisionSpec.Default with { LimitWarnDays = 10 }));

        simulation.AdvanceTo(49.9);
        Assert.Equal(0, simulation.Deadlines.Warned);
        simulation.AdvanceTo(50.1);
        Assert.Equal(1, simulation.Deadlines.Warned);
    }

    [Fact]
    public void A_case_closed_within_its_limit_is_neither_warned_nor_counted()
    {
        var (simulation, summary) = TestCourts.Run(OneCase(Limited(days: 20), days: 200));

        Assert.Equal(20.0, simulation.Case(0).Closed, 6);
        Assert.Equal(0, summary.Deadlines.Warned);
        Assert.Equal(0, summary.Deadlines.Overdue);
        Assert.Equal(0, summary.Deadlines.ClosedAfterLimit);
    }

    [Fact]
    public void With_extension_share_one_the_president_extends_the_limit_at_the_warning_and_is_charged_the_approval()
    {
        // Warned on day 30; the president approves 90 more days (6 h): the limit moves to 150 and the case, closed on
        // day 100, is within it.
        var supervision = SupervisionSpec.Default with { ExtensionApprovalHours = new FixedEffort(6) };
        var (simulation, summary) = TestCourts.Run(OneCase(Limited(extension: new TimeLimitExtension(1.0, 90)), days: 200, supervision: supervision));

        var c = simulation.Case(0);
        Assert.Equal(1, c.Extensions);
        Assert.Equal(150.0, c.Limit, 6);
        Assert.False(Has(c, CaseFlags.LimitOverdue));
        Assert.Equal(1, summary.Deadlines.Extensions);
        Assert.Equal(1, summary.Deadlines.Warned);
        Assert.Equal(0, summary.Deadlines.Overdue);
        Assert.Equal(0, summary.Deadlines.ClosedAfterLimit);
        Assert.Equal(6.0, SupervisorHours(simulation, RoleCatalog.President), 9);
        Assert.Equal(0.0, SupervisorHours(simulation, RoleCatalog.DivisionHead));
        Assert.Equal(6.0, summary.Supervision.SupervisorHours, 9);
    }

    [Fact]
    public void A_case_still_open_at_its_extended_limits_warning_is_extended_again()
    {
        // Warnings on days 30 (limit → 150) and 120 (limit → 240); closed on day 200.
        var (simulation, summary) = TestCourts.Run(OneCase(Limited(days: 200, extension: new TimeLimitExtension(1.0, 90)), days: 300));

        Assert.Equal(2, simulation.Case(0).Extensions);
        Assert.Equal(240.0, simulation.Case(0).Limit, 6);
        Assert.Equal(2, summary.Deadlines.Extensions);
        Assert.Equal(2, summary.Deadlines.Warned);
        Assert.Equal(0, summary.Deadlines.ClosedAfterLimit);
        Assert.Equal(1.0, summary.Supervision.SupervisorHours, 9);
    }

    [Fact]
    public void With_extension_share_zero_nothing_is_extended_and_the_late_closure_is_counted()
    {
        var (simulation, summary) = TestCourts.Run(OneCase(Limited(extension: new TimeLimitExtension(0.0, 90)), days: 200));

        Assert.Equal(0, simulation.Case(0).Extensions);
        Assert.Equal(0, summary.Deadlines.Extensions);
        Assert.Equal(1, summary.Deadlines.Overdue);
        Assert.Equal(1, summary.Deadlines.ClosedAfterLimit);
        Assert.Equal(0.0, summary.Supervision.SupervisorHours);
    }

    [Fact]
    public void The_time_limit_change_rate_is_extensions_over_filings_in_the_deadlines_and_the_balance()
    {
        var type = Limited(days: 50, extension: new TimeLimitExtension(0.5, 90));
        var scenario = TestCourts.Court([type], [TestCourts.Intake("civil", 400)], [TestCourts.Teams("t", 2, ["civil"])], AssignmentSpec.Random, 365);

        var (simulation, summary) = TestCourts.Run(scenario);

        var extended = simulation.Cases.ToArray().Sum(c => c.Extensions);
        var warned = summary.Deadlines.Warned;
        Assert.Equal(extended, summary.Deadlines.Extensions);
        // About half of the warned cases are extended (binomial over ≈ 370: a standard error of 2.6 points).
        Assert.InRange(extended / warned, 0.4, 0.6);
        Assert.Equal(extended / summary.Cases.Filed, summary.Deadlines.TimeLimitChangeRate, 12);
        Assert.Equal(extended / summary.Cases.Filed, summary.Balance.TimeLimitChangeRate, 12);
    }

    [Fact]
    public void The_time_limit_change_rate_counts_every_extension_even_of_a_case_extended_hundreds_of_times()
    {
        // One-day extensions with the warning 30 days ahead: a case pending 400 days is extended about once a day.
        var type = new CaseType("civil", "civil", CaseTrack.Ordinary, 1.0, 30, 0, [Stage("wait_trial", "", 400), Stage("judgment", RoleCatalog.Judge, 1)], 0)
        {
            Extension = new TimeLimitExtension(1.0, 1),
        };
        var scenario = TestCourts.Court([type], [TestCourts.Intake("civil", 10)], [TestCourts.Teams("t", 1, ["civil"])], AssignmentSpec.Random, 730);

        var (simulation, summary) = TestCourts.Run(scenario);

        Assert.True(summary.Deadlines.Extensions > 300, $"{summary.Deadlines.Extensions} extensions");
        // Every case here is filed inside the window, so the balance's rate and the deadlines' rate count the same extensions.
        Assert.Equal(summary.Deadlines.TimeLimitChangeRate, summary.Balance.TimeLimitChangeRate, 12);
        Assert.Equal(summary.Deadlines.Extensions, simulation.Cases.ToArray().Sum(c => (long)c.Extensions));
    }

    // ---- Professional judges' meetings ----

    /// <summary><paramref name="cases"/> flagged cases filed before day 0, each judged in a day, in a court of these departments (team groups).</summary>
    private static Scenario MeetingCourt(int cases, params (string Group, int Teams, int Judges)[] departments)
    {
        var type = TestCourts.JudgeOnly("civil", 24, flaggedShare: 1.0) with
        {
            Stages = [Stage("judgment", RoleCatalog.Judge, 24)],
        };
        var groups = departments.Select(d => TestCourts.Teams(d.Group, d.Teams, ["civil"], new Dictionary<string, int> { [RoleCatalog.Judge] = d.Judges })).ToList();
        return TestCourts.Court([type], [], groups, AssignmentSpec.Random, 60, backlog: [TestCourts.FiledAtStart("civil", cases)]);
    }

    [Fact]
    public void A_flagged_case_waits_for_a_professional_judges_meeting_before_it_closes()
    {
        // Judged on day 1, its papers out then; the day-7 meeting comes before the papers' week, so the day-14 one sits
        // on it, for 2 hours with one judge of each of the 7 teams.
        var simulation = TestCourts.Prepare(MeetingCourt(1, ("a", 3, 1), ("b", 2, 1), ("c", 2, 1)));

        simulation.AdvanceTo(13.9);
        var waiting = simulation.Case(0);
        Assert.True(Has(waiting, CaseFlags.Flagged));
        Assert.True(Has(waiting, CaseFlags.AwaitingMeeting));
        Assert.Equal(CaseStatus.InProgress, waiting.Status);

        simulation.RunToEnd();
        var c = simulation.Case(0);
        Assert.Equal(CaseStatus.Closed, c.Status);
        Assert.Equal(14 + (2 * Hour), c.Closed, 9);
        Assert.True(Has(c, CaseFlags.MeetingHeld));
        Assert.False(Has(c, CaseFlags.AwaitingMeeting));
        Assert.Equal(1, simulation.Deadlines.Meetings);
        Assert.Equal(0, simulation.Deadlines.MeetingsRefused);
        Assert.Equal([1L, 1, 1, 1, 1, 1, 1], simulation.MeetingSeats.ToArray());

        var summary = TestCourts.Summarize(simulation);
        Assert.Equal(1, summary.Supervision.Meetings);
        Assert.All(summary.Teams, t => Assert.Equal(1, t.MeetingParticipations));
        // Each judge sat for 2 hours; the case's judge also judged it for 24.
        Assert.Equal(24 + (7 * 2), simulation.Stations.Where(s => s.HearsCases).Sum(s => s.BusyHours.Sum()), 9);
    }

    [Fact]
    public void Flagged_cases_waiting_together_are_decided_by_one_meeting_and_others_close_without_one()
    {
        var flagged = TestCourts.JudgeOnly("flagged", 24, flaggedShare: 1.0) with { Stages = [Stage("judgment", RoleCatalog.Judge, 24)] };
        var plain = TestCourts.JudgeOnly("plain", 24) with { Stages = [Stage("judgment", RoleCatalog.Judge, 24)] };
        var groups = new[] { ("a", 3), ("b", 2), ("c", 2) }.Select(d => TestCourts.Teams(d.Item1, d.Item2, ["flagged", "plain"])).ToList();
        var scenario = TestCourts.Court([flagged, plain], [], groups, AssignmentSpec.Random, 60,
            backlog: [TestCourts.FiledAtStart("flagged", 3), TestCourts.FiledAtStart("plain", 2)]);

        var simulation = TestCourts.Simulate(scenario);

        var records = simulation.Cases.ToArray();
        Assert.All(records, c => Assert.Equal(CaseStatus.Closed, c.Status));
        Assert.All(records.Where(c => c.Type == 0), c => Assert.True(c.Closed > 7 && (c.Flags & CaseFlags.MeetingHeld) != 0));
        Assert.All(records.Where(c => c.Type == 1), c => Assert.True(c.Closed < 3 && (c.Flags & (CaseFlags.MeetingHeld | CaseFlags.AwaitingMeeting)) == 0));
        Assert.Equal(1, simulation.Deadlines.Meetings);
    }

    [Fact]
    public void Flagged_cases_never_close_in_a_court_that_cannot_seat_a_valid_meeting()
    {
        // Ten teams, all of one department: at most 3 of the 7 seats.
        var (simulation, summary) = TestCourts.Run(MeetingCourt(3, ("a", 10, 1)));

        Assert.All(simulation.Cases.ToArray(), c =>
        {
            Assert.Equal(CaseStatus.InProgress, c.Status);
            Assert.True((c.Flags & CaseFlags.AwaitingMeeting) != 0);
        });
        Assert.Equal(0, summary.Cases.Closed);
        Assert.Equal(0, summary.Supervision.Meetings);
        // A meeting was called every 7 days once the papers' week had passed (days 14, 21, ..., 56) and refused each time.
        Assert.Equal(7, summary.Supervision.MeetingsRefused);
        Assert.All(summary.Teams, t => Assert.Equal(0, t.MeetingParticipations));
    }

    [Fact]
    public void Every_judge_of_a_multi_judge_team_can_sit_so_departments_of_4_4_and_1_judges_seat_a_meeting()
    {
        // One team per department, of 4, 4 and 1 judges: 3 + 3 + 1 = 7 seats, no department over half (as the scenario
        // validator counts them).
        var simulation = TestCourts.Simulate(MeetingCourt(1, ("a", 1, 4), ("b", 1, 4), ("c", 1, 1)));

        Assert.Equal(0, simulation.Deadlines.MeetingsRefused);
        Assert.Equal(1, simulation.Deadlines.Meetings);
        Assert.Equal([3L, 3, 1], simulation.MeetingSeats.ToArray());
        Assert.Equal(CaseStatus.Closed, simulation.Case(0).Status);
        Assert.Equal(14 + (2 * Hour), simulation.Case(0).Closed, 9);
    }

    // ---- Risk levels and supervision ----

    [Fact]
    public void Risk_levels_are_drawn_at_filing_in_about_their_shares_and_supervised_by_their_roles()
    {
        var type = TestCourts.JudgeOnly("civil", 2) with { Risk = new RiskShares(Ordinary: 0.3, Larger: 0.1, Major: 0.05) };
        var leadership = new Dictionary<string, int> { [RoleCatalog.DivisionHead] = 1, [RoleCatalog.Judge] = 1 };
        var scenario = TestCourts.Court([type], [TestCourts.Intake("civil", 3000)],
            [TestCourts.Teams("lead", 2, ["civil"], leadership), TestCourts.Teams("t", 4, ["civil"])], AssignmentSpec.Random, 365);

        var (simulation, summary) = TestCourts.Run(scenario);
        var records = simulation.Cases.ToArray();
        var filed = summary.Cases.Filed;

        // Binomial over ≈ 3,000 filings: within 5 standard errors.
        Assert.InRange(summary.Supervision.RiskOrdinary / filed, 0.3 - 0.042, 0.3 + 0.042);
        Assert.InRange(summary.Supervision.RiskLarger / filed, 0.1 - 0.027, 0.1 + 0.027);
        Assert.InRange(summary.Supervision.RiskMajor / filed, 0.05 - 0.02, 0.05 + 0.02);
        Assert.Equal(records.Count(c => c.Risk == RiskLevel.Major), summary.Supervision.RiskMajor);

        // Larger and major risk cases are designated to the leaders' teams; ordinary ones are drawn like any other.
        var grave = records.Where(c => c.Risk >= RiskLevel.Larger).ToList();
        Assert.All(grave, c =>
        {
            Assert.True((c.Flags & CaseFlags.Designated) != 0);
            Assert.True(simulation.Layout.Teams[c.Team].Leader);
        });
        Assert.DoesNotContain(records, c => c.Risk <= RiskLevel.Ordinary && (c.Flags & CaseFlags.Designated) != 0);
        Assert.Equal(grave.Count, simulation.Designations);
        Assert.Contains(records, c => c.Risk == RiskLevel.Ordinary && !simulation.Layout.Teams[c.Team].Leader);

        // Each level's supervisor spends that level's hours (1, 2, 4 by default) on each case.
        static int Count(CaseRecord[] rs, RiskLevel level) => rs.Count(c => c.Risk == level);
        Assert.InRange(SupervisorHours(simulation, RoleCatalog.DivisionHead), Count(records, RiskLevel.Ordinary) - 2, Count(records, RiskLevel.Ordinary));
        Assert.InRange(SupervisorHours(simulation, RoleCatalog.VicePresident), (2 * Count(records, RiskLevel.Larger)) - 4, 2 * Count(records, RiskLevel.Larger));
        Assert.InRange(SupervisorHours(simulation, RoleCatalog.President), (4 * Count(records, RiskLevel.Major)) - 8, 4 * Count(records, RiskLevel.Major));
        Assert.Equal(simulation.Layout.SupervisorStations.Keys.Sum(role => SupervisorHours(simulation, role)), summary.Supervision.SupervisorHours, 6);
    }

    [Fact]
    public void A_court_whose_supervisors_have_too_little_time_keeps_cases_locked_longer()
    {
        // Every case misses its hearing-date node (scheduling is a 10-day wait, the node is due in 7) and is locked;
        // unlocking takes a division head a whole day. 500 locks a year: one division head is swamped, six are not.
        var type = Type("civil", Stage("wait_scheduling", "", 10), Stage("judgment", RoleCatalog.Judge, 4)) with
        {
            Nodes = [new ProcessNode("hearing_scheduled", "wait_scheduling", ProcessNode.Filing, 7, Locks: true)],
        };
        var court = TestCourts.Court([type], [TestCourts.Intake("civil", 500)], [TestCourts.Teams("t", 4, ["civil"])], AssignmentSpec.Random, 365);
        Summary Run(int divisionHeads)
        {
            var staff = new Dictionary<string, int> { [RoleCatalog.DivisionHead] = divisionHeads, [RoleCatalog.President] = 1 };
            return TestCourts.Run(TestCourts.WithSupervision(court, UnlockTakes(24) with { Staff = staff })).Summary;
        }

        var scarce = Run(1);
        var ample = Run(6);

        Assert.Equal(scarce.Cases.Filed, ample.Cases.Filed);
        Assert.Equal(scarce.Locks.First, ample.Locks.First);
        Assert.InRange(ample.Locks.MeanLockedDays, 1.0, 1.5);
        Assert.True(scarce.Locks.MeanLockedDays > 3 * ample.Locks.MeanLockedDays,
            $"mean locked days: {scarce.Locks.MeanLockedDays:F2} with one division head, {ample.Locks.MeanLockedDays:F2} with six");
        Assert.True(scarce.Locks.Unlocked < ample.Locks.Unlocked);
        Assert.True(scarce.TimeToDispositionDays.Mean > ample.TimeToDispositionDays.Mean);
        // The lone division head unlocked all year; the six spent a day on each unlock.
        Assert.InRange(scarce.Supervision.SupervisorHours, 0.95 * 365 * 24, 365 * 24);
        Assert.InRange(ample.Supervision.SupervisorHours, ample.Locks.Unlocked * 24, (ample.Locks.Unlocked + 6) * 24);
    }

    // ---- Closure before the last stage, file transfer, coins ----

    [Fact]
    public void Stages_after_the_closing_stage_run_after_closure_and_their_time_is_the_closure_to_archive_time_not_the_file_transfer_time()
    {
        // Closed when judged (day 1); publishing (2 days) and archiving (3 days) follow: archived on day 6.
        var type = Type("civil", Stage("judgment", RoleCatalog.Judge, 24), Stage("publishing", RoleCatalog.Clerk, 48), Stage("archiving", RoleCatalog.Clerk, 72)) with
        {
            ClosesAfter = "judgment",
        };
        var scenario = TestCourts.Court([type], [], [TestCourts.Teams("t", 1, ["civil"], s_judgeAndClerk)], AssignmentSpec.Random, 60,
            backlog: [TestCourts.FiledAtStart("civil")]);
        var simulation = TestCourts.Prepare(scenario);

        simulation.AdvanceTo(2);
        var published = simulation.Case(0);
        Assert.Equal(CaseStatus.Closed, published.Status);
        Assert.Equal(1.0, published.Closed, 9);
        Assert.Equal(1, published.Stage);
        Assert.True(double.IsNaN(published.Archived));

        simulation.RunToEnd();
        Assert.Equal(6.0, simulation.Case(0).Archived, 9);
        var summary = TestCourts.Summarize(simulation);
        Assert.Equal(1.0, summary.TimeToDispositionDays.Mean, 6);
        Assert.Equal(5.0, summary.Balance.ClosureToArchiveDays, 9);
        // Anhui's file transfer time is between court levels: a court without appeals has none, and says why.
        Assert.Null(summary.Balance.FileTransferDays);
        Assert.Equal(SummaryBuilder.NoAppealsNote, summary.Balance.FileTransferNote);
    }

    [Fact]
    public void Without_closes_after_a_case_closes_when_its_last_stage_ends()
    {
        var type = Type("civil", Stage("judgment", RoleCatalog.Judge, 24), Stage("publishing", RoleCatalog.Clerk, 48), Stage("archiving", RoleCatalog.Clerk, 72));
        var scenario = TestCourts.Court([type], [], [TestCourts.Teams("t", 1, ["civil"], s_judgeAndClerk)], AssignmentSpec.Random, 60,
            backlog: [TestCourts.FiledAtStart("civil")]);

        var (simulation, summary) = TestCourts.Run(scenario);

        Assert.Equal(6.0, simulation.Case(0).Closed, 9);
        Assert.Equal(6.0, simulation.Case(0).Archived, 9);
        Assert.Equal(0.0, summary.Balance.ClosureToArchiveDays, 9);
    }

    [Fact]
    public void Months_whose_closure_rate_falls_under_their_baseline_are_counted_and_so_is_a_year_under_the_annual_baseline()
    {
        // A closure rate never exceeds 1: a baseline of 2 is always missed, one of 0 never.
        var scenario = TestCourts.Court([TestCourts.JudgeOnly("civil", 24)], [TestCourts.Intake("civil", 300)], [TestCourts.Teams("t", 2, ["civil"])], AssignmentSpec.Random, 365);
        var everyOther = BalanceSpec.Default with { MonthlyBaseline = [2, 0, 2, 0, 2, 0, 2, 0, 2, 0, 2, 0], AnnualBaseline = 2 };

        var missed = TestCourts.Run(scenario with { Balance = everyOther }).Summary;
        var met = TestCourts.Run(scenario).Summary;

        Assert.Equal(12, missed.Monthly.Count);
        Assert.Equal(6, missed.Balance.MonthsBelowBaseline);
        Assert.Equal(1, missed.Balance.BelowAnnualBaseline);
        Assert.Equal(0, met.Balance.MonthsBelowBaseline);
        Assert.Equal(0, met.Balance.BelowAnnualBaseline);
    }

    [Fact]
    public void When_one_of_two_teams_closes_everything_the_closures_gini_is_one_half()
    {
        var scenario = TestCourts.Court([TestCourts.JudgeOnly("civil", 8), TestCourts.JudgeOnly("admin", 8)], [TestCourts.Intake("civil", 200)],
            [TestCourts.Teams("c", 1, ["civil"]), TestCourts.Teams("a", 1, ["admin"])], AssignmentSpec.Random, 365);

        var summary = TestCourts.Run(scenario).Summary;

        Assert.True(summary.Teams[0].Closed > 150);
        Assert.Equal(0, summary.Teams[1].Closed);
        Assert.Equal(0.5, summary.Balance.ClosuresGiniTeams, 12);
        Assert.Equal(0.5, summary.Balance.ClosuresGiniJudges, 12);
    }

    [Fact]
    public void A_fast_track_case_earns_one_coin_another_type_its_weight_unless_the_scenario_sets_its_coins()
    {
        var fast = new CaseType("small_claims", "fast", CaseTrack.FastTrack, 0.25, null, 0, [Stage("judgment", RoleCatalog.Judge, 2)], 0);
        var civil = new CaseType("civil", "civil", CaseTrack.Ordinary, 2.0, null, 0, [Stage("judgment", RoleCatalog.Judge, 8)], 0);
        var admin = new CaseType("admin", "admin", CaseTrack.Ordinary, 1.5, null, 0, [Stage("judgment", RoleCatalog.Judge, 8)], 0);
        var scenario = TestCourts.Court([fast, civil, admin], [],
            [TestCourts.Teams("f", 1, ["small_claims"]), TestCourts.Teams("c", 1, ["civil"]), TestCourts.Teams("a", 1, ["admin"])], AssignmentSpec.Random, 60,
            backlog: [TestCourts.FiledAtStart("small_claims", 5), TestCourts.FiledAtStart("civil", 3), TestCourts.FiledAtStart("admin", 2)]);
        scenario = scenario with { Scoring = ScoringSpec.Default with { Coins = new Dictionary<string, double> { ["admin"] = 4 } } };

        var (_, summary) = TestCourts.Run(scenario);

        Assert.Equal(10, summary.Cases.Closed);
        Assert.Equal([5.0, 6.0, 8.0], summary.Teams.Select(t => t.Coins));
        Assert.Equal(8.0, summary.Scores.CoinsMax, 12);
        Assert.Equal(5.0, summary.Scores.CoinsMin, 12);
        Assert.Equal(1.6, summary.Scores.Spread, 12);
    }
}
