using Docket.Domain.Assignment;
using Docket.Domain.Calendar;
using Docket.Domain.Cases;
using Docket.Domain.Intake;
using Docket.Domain.Scenarios;
using Docket.Domain.Simulation;
using Docket.Domain.Staffing;
using Docket.Domain.Statistics;
using Docket.Domain.Supervision;
using Docket.Domain.Tests.Support;

namespace Docket.Domain.Tests.Simulation;

public sealed class CourtSimulationTests
{
    private static readonly Dictionary<string, int> s_judgeAndClerk = new() { [RoleCatalog.Judge] = 1, [RoleCatalog.Clerk] = 1 };

    /// <summary>A type whose clerk serves the papers (8 h) before the judge decides (24 h).</summary>
    private static readonly CaseType s_servedThenJudged = new("civil", "civil", CaseTrack.Ordinary, 1.0, null, 0,
        [
            new EffortStage("service", RoleCatalog.Clerk, new ExponentialEffort(8)),
            new EffortStage("judgment", RoleCatalog.Judge, new ExponentialEffort(24)),
        ], 0);

    private static Scenario Plain(AssignmentSpec? assignment = null, int teams = 4, int days = 730, double perYear = 300, ulong seed = 7) =>
        TestCourts.Court([TestCourts.JudgeOnly("generic", 40)], [TestCourts.Intake("generic", perYear)],
            [TestCourts.Teams("t", teams, ["generic"])], assignment ?? AssignmentSpec.Random, days, seed: seed);

    private static Summary Summarize(Scenario scenario, CourtSimulation simulation) =>
        SummaryBuilder.Replication(scenario, scenario.Seed, [CourtStatisticsCollector.Collect(simulation)]);

    /// <summary>Every field of every record, doubles by their bits (NaN included).</summary>
    internal static List<(long, long, long, long, ulong, int, short, byte, CaseStatus, CaseFlags)> Fingerprint(CourtSimulation simulation)
    {
        var list = new List<(long, long, long, long, ulong, int, short, byte, CaseStatus, CaseFlags)>();
        foreach (ref readonly var c in simulation.Cases)
        {
            list.Add((BitConverter.DoubleToInt64Bits(c.Received), BitConverter.DoubleToInt64Bits(c.Filed),
                BitConverter.DoubleToInt64Bits(c.Assigned), BitConverter.DoubleToInt64Bits(c.Closed),
                c.Key, c.Team, c.Type, c.Stage, c.Status, c.Flags));
        }
        return list;
    }

    [Theory]
    [InlineData(AssignmentPolicyKind.Random)]
    [InlineData(AssignmentPolicyKind.WeightedRandom)]
    [InlineData(AssignmentPolicyKind.Deck)]
    [InlineData(AssignmentPolicyKind.Pull)]
    public void The_same_seed_gives_the_same_case_records(AssignmentPolicyKind policy)
    {
        var scenario = Plain(new AssignmentSpec(policy, Cap: policy == AssignmentPolicyKind.Pull ? 2 : null));

        var first = TestCourts.Simulate(scenario);
        var second = TestCourts.Simulate(scenario);

        Assert.True(first.CaseCount > 400);
        Assert.Equal(Fingerprint(first), Fingerprint(second));
        Assert.Equal(first.EventsProcessed, second.EventsProcessed);
    }

    [Fact]
    public void Runs_of_one_layout_one_after_another_or_side_by_side_are_each_the_run_of_a_fresh_layout()
    {
        var scenario = Plain(new AssignmentSpec(AssignmentPolicyKind.Pull, Cap: 2));
        var (spec, id) = scenario.ExpandCourts().Single();
        var fresh = TestCourts.Simulate(scenario);
        var layout = new CourtLayout(scenario, spec, id, prefixTeamIds: false);

        var runs = new CourtSimulation[4];
        runs[0] = new CourtSimulation(layout, scenario.Seed);
        runs[0].RunToEnd();
        Parallel.For(1, runs.Length, k =>
        {
            runs[k] = new CourtSimulation(layout, scenario.Seed);
            runs[k].RunToEnd();
        });

        foreach (var run in runs)
        {
            Assert.Equal(Fingerprint(fresh), Fingerprint(run));
            Assert.Equal(fresh.Stations.Select(s => s.BusyHours.Sum()), run.Stations.Select(s => s.BusyHours.Sum()));
        }
    }

    [Fact]
    public void A_different_seed_gives_different_case_records()
    {
        var scenario = Plain();

        var first = Fingerprint(TestCourts.Simulate(scenario, seed: 1));
        var second = Fingerprint(TestCourts.Simulate(scenario, seed: 2));

        Assert.NotEqual(first, second);
        Assert.NotEqual(first[0].Item1, second[0].Item1);
    }

    [Fact]
    public void Mediation_that_takes_every_dispute_and_settles_every_one_leaves_nothing_to_file()
    {
        var mediation = new MediationSpec(1.0, 1.0, new FixedEffort(3));
        var scenario = TestCourts.Court([TestCourts.JudgeOnly("generic", 40)], [TestCourts.Intake("generic", 300, mediation: mediation)],
            [TestCourts.Teams("t", 2, ["generic"])], AssignmentSpec.Random, 365);

        var simulation = TestCourts.Simulate(scenario);
        var summary = Summarize(scenario, simulation);

        Assert.Equal(0, summary.Cases.Filed);
        Assert.Equal(0, summary.Cases.Closed);
        Assert.True(summary.Cases.Mediated > 220, $"mediated {summary.Cases.Mediated}");
        Assert.Equal(summary.Cases.Received, summary.Cases.Mediated + summary.Cases.InMediationEnd);
        Assert.Equal(simulation.CaseCount, summary.Cases.Received);
        Assert.All(simulation.Cases.ToArray(), c =>
        {
            Assert.Equal(-1, c.Team);
            Assert.True(double.IsNaN(c.Filed));
            if (c.Status == CaseStatus.Mediated)
            {
                Assert.Equal(c.Received + 3, c.Closed, 9);
            }
            else
            {
                Assert.Equal(CaseStatus.InMediation, c.Status);
                Assert.True(c.Received + 3 >= 365);
            }
        });
    }

    [Fact]
    public void Mediation_that_settles_nothing_files_every_dispute_when_its_mediation_ends()
    {
        var mediation = new MediationSpec(1.0, 0.0, new FixedEffort(5));
        var scenario = TestCourts.Court([TestCourts.JudgeOnly("generic", 40)], [TestCourts.Intake("generic", 300, mediation: mediation)],
            [TestCourts.Teams("t", 2, ["generic"])], AssignmentSpec.Random, 365);

        var simulation = TestCourts.Simulate(scenario);
        var summary = Summarize(scenario, simulation);

        Assert.Equal(0, summary.Cases.Mediated);
        Assert.True(summary.Cases.Filed > 220, $"filed {summary.Cases.Filed}");
        Assert.All(simulation.Cases.ToArray().Where(c => c.Status != CaseStatus.InMediation), c => Assert.Equal(c.Received + 5, c.Filed, 9));
    }

    [Fact]
    public void Mediation_settles_about_its_share_times_its_success_rate()
    {
        var mediation = new MediationSpec(0.6, 0.5, new FixedEffort(1));
        var scenario = TestCourts.Court([TestCourts.JudgeOnly("generic", 4)], [TestCourts.Intake("generic", 3650, mediation: mediation)],
            [TestCourts.Teams("t", 2, ["generic"])], AssignmentSpec.Random, 365);

        var summary = Summarize(scenario, TestCourts.Simulate(scenario));

        // 0.6 × 0.5 = 30 % of about 3,650 disputes; the binomial standard error is under 1 point.
        Assert.InRange(summary.Cases.Mediated / summary.Cases.Received, 0.26, 0.34);
    }

    [Fact]
    public void Backlog_cases_count_as_pending_at_the_start()
    {
        var backlog = new BacklogEntry("generic", 50, new ExponentialEffort(120));
        var scenario = TestCourts.Court([TestCourts.JudgeOnly("generic", 40)], [TestCourts.Intake("generic", 100)],
            [TestCourts.Teams("t", 4, ["generic"])], AssignmentSpec.Random, 365, backlog: [backlog]);

        var simulation = TestCourts.Simulate(scenario);
        var summary = Summarize(scenario, simulation);
        var records = simulation.Cases.ToArray();

        Assert.Equal(50, summary.Cases.PendingStart);
        Assert.Equal(records.Length - 50, summary.Cases.Filed);
        Assert.Equal(50, records.Count(c => (c.Flags & CaseFlags.Backlog) != 0));
        Assert.All(records.Where(c => (c.Flags & CaseFlags.Backlog) != 0), c =>
        {
            Assert.True(c.Filed < 0, $"a backlog case filed at {c.Filed}");
            Assert.Equal(c.Filed, c.Received);
        });
    }

    [Fact]
    public void Backlog_cases_of_age_zero_still_count_as_pending_at_the_start_not_as_filed()
    {
        // Ages are a distribution in days and a fixed age of 0 (or an empirical list holding 0) is valid: such a case
        // was filed at the very start, before the window opens on day 0, and is pending, not newly filed.
        var backlog = new BacklogEntry("generic", 20, new FixedEffort(0));
        var scenario = TestCourts.Court([TestCourts.JudgeOnly("generic", 40)], [TestCourts.Intake("generic", 100)],
            [TestCourts.Teams("t", 4, ["generic"])], AssignmentSpec.Random, 365, backlog: [backlog]);

        var simulation = TestCourts.Simulate(scenario);
        var summary = Summarize(scenario, simulation);

        Assert.Equal(20, summary.Cases.PendingStart);
        Assert.Equal(simulation.CaseCount - 20, summary.Cases.Filed);
    }

    [Fact]
    public void Backlog_cases_closed_during_the_warm_up_are_not_pending_at_the_start()
    {
        var backlog = new BacklogEntry("generic", 40, new FixedEffort(30));
        var scenario = TestCourts.Court([TestCourts.JudgeOnly("generic", 24)], [TestCourts.Intake("generic", 50)],
            [TestCourts.Teams("t", 4, ["generic"])], AssignmentSpec.Random, 730, warmup: 365, backlog: [backlog]);

        var simulation = TestCourts.Simulate(scenario);
        var summary = Summarize(scenario, simulation);

        // A light court clears its backlog in weeks; what is pending a year later was filed during the warm-up.
        Assert.All(simulation.Cases.ToArray().Where(c => (c.Flags & CaseFlags.Backlog) != 0), c => Assert.True(c.Closed < 365));
        var records = simulation.Cases.ToArray();
        Assert.Equal(records.Count(c => c.Filed < 365 && !(c.Closed < 365)), summary.Cases.PendingStart);
    }

    [Fact]
    public void A_month_with_seasonality_factor_zero_receives_no_filings()
    {
        double[] seasonality = [1, 1, 0, 1, 1, 1, 1, 1, 1, 2, 1, 1];
        // A calendar that names its start date: seasonality follows the calendar months the monthly rows are.
        var calendar = new WorkCalendar(7, 24, new DateOnly(2026, 1, 1), dated: true, [], []);
        var scenario = TestCourts.Court([TestCourts.JudgeOnly("generic", 4)], [TestCourts.Intake("generic", 3650, seasonality)],
            [TestCourts.Teams("t", 3, ["generic"])], AssignmentSpec.Random, 730, calendar: calendar);

        var simulation = TestCourts.Simulate(scenario);
        var summary = Summarize(scenario, simulation);
        var received = simulation.Cases.ToArray().Select(c => c.Received).ToList();

        Assert.DoesNotContain(received, day => calendar.MonthOfYear(day) == 2);
        Assert.Equal("2026-03-01", summary.Monthly[2].Start);
        Assert.Equal("2027-03-01", summary.Monthly[14].Start);
        Assert.Equal(0, summary.Monthly[2].Filed);
        Assert.Equal(0, summary.Monthly[14].Filed);
        // The factors are shares of the year: the total stays 3,650 a year (Poisson, standard error ≈ 85 over two years),
        // and October (factor 2) receives about twice a factor-1 month (standard error of the ratio ≈ 0.1).
        Assert.InRange(received.Count, 7300 - 430, 7300 + 430);
        var october = received.Count(d => calendar.MonthOfYear(d) == 9) / 31.0;
        var january = received.Count(d => calendar.MonthOfYear(d) == 0) / 31.0;
        Assert.InRange(october / january, 1.6, 2.5);
    }

    [Fact]
    public void The_absence_of_a_one_team_courts_judge_delays_its_cases_until_the_return()
    {
        var absent = TestCourts.Court([TestCourts.JudgeOnly("generic", 8)], [TestCourts.Intake("generic", 200)],
            [TestCourts.Teams("t", 1, ["generic"])], AssignmentSpec.Random, 365, absences: [new Absence("t-1", 100, 150, "leave")]);
        var present = absent with { Courts = [absent.Courts[0] with { Absences = [] }] };

        var simulation = TestCourts.Simulate(absent);
        var records = simulation.Cases.ToArray();

        // Nothing is assigned or closed while the judge is away; what arrived meanwhile is assigned on the return.
        Assert.DoesNotContain(records, c => c.Assigned > 100 && c.Assigned < 150);
        Assert.DoesNotContain(records, c => c.Closed > 100 && c.Closed < 150);
        var arrivedWhileAway = records.Where(c => c.Filed > 100 && c.Filed < 150).ToList();
        Assert.True(arrivedWhileAway.Count > 10);
        Assert.All(arrivedWhileAway, c => Assert.Equal(150, c.Assigned));
        // Work under way when the absence began resumes after it: a case open on day 100 closes after day 150.
        Assert.All(records.Where(c => c.Assigned < 100 && !(c.Closed < 100)), c => Assert.True(c.Closed >= 150));
        var meanWithAbsence = Summarize(absent, simulation).TimeToDispositionDays.Mean;
        var meanWithout = Summarize(present, TestCourts.Simulate(present)).TimeToDispositionDays.Mean;
        Assert.True(meanWithAbsence > meanWithout + 2, $"{meanWithAbsence} vs {meanWithout}");
    }

    [Fact]
    public void A_judge_busy_whenever_present_reads_fully_utilised_however_long_the_absence()
    {
        // Three times the work one judge can do: there is always a case to work on, except while the judge is away
        // (days 200 to 350 of the window from day 100 to day 465: 41 % of it). Utilisation is busy hours over the hours present.
        var scenario = TestCourts.Court([TestCourts.JudgeOnly("generic", 24)], [TestCourts.Intake("generic", 1100)],
            [TestCourts.Teams("t", 1, ["generic"])], AssignmentSpec.Random, 465, warmup: 100, absences: [new Absence("t-1", 200, 350, "leave")]);

        var simulation = TestCourts.Simulate(scenario);
        var team = CourtStatisticsCollector.Collect(simulation).Teams[0];

        Assert.InRange(team.Utilization, 0.97, 1.0);
        Assert.Equal(team.Utilization, team.Judges[0].Utilization);
        Assert.Equal(team.Utilization, CourtViews.Team(simulation, 0).Utilization);
        var hours = scenario.Calendar.WorkingHoursBefore(465) - scenario.Calendar.WorkingHoursBefore(100);
        Assert.Equal(hours * 215 / 365, simulation.PresentHours(0, 100, 465), 6);
    }

    [Theory]
    [InlineData(1ul)]
    [InlineData(2ul)]
    [InlineData(3ul)]
    public void On_a_working_week_a_task_under_way_when_the_judge_leaves_needs_its_remaining_hours_after_the_return(ulong seed)
    {
        // Five 8-hour days a week from day 0 (a Monday); the judge always has work (24-hour tasks, twice what one
        // judge can do) and is away from a Thursday to the Saturday, eight times. A task's hours are worked outside
        // the absences, so the judge is never busy longer than present. (Moving a task's end on by the absence's
        // calendar days instead, as the simulator once did, sent a task due on the Thursday to the Monday after: a
        // day's work for nothing, and seed 3 busy 1,968 of 1,960 hours present.)
        var week = new WorkCalendar(5, 8);
        CaseType type = new("generic", "generic", CaseTrack.Ordinary, 1.0, null, 0,
            [new EffortStage("judgment", RoleCatalog.Judge, new FixedEffort(24))], 0);
        var absences = Enumerable.Range(0, 8).Select(k => new Absence("t-1", (7 * (20 + (4 * k))) + 3, (7 * (20 + (4 * k))) + 5, "leave")).ToList();
        var scenario = TestCourts.Court([type], [TestCourts.Intake("generic", 180)], [TestCourts.Teams("t", 1, ["generic"])],
            AssignmentSpec.Random, 465, warmup: 100, seed: seed, absences: absences, calendar: week);

        var simulation = TestCourts.Simulate(scenario);
        var team = CourtStatisticsCollector.Collect(simulation).Teams[0];

        Assert.InRange(team.Utilization, 0.97, 1.0 + 1e-9);
        // Nothing is closed while the judge is away.
        Assert.DoesNotContain(simulation.Cases.ToArray(), c => absences.Any(a => c.Closed > a.FromDay && c.Closed < a.ToDay));
    }

    [Fact]
    public void An_absent_team_of_a_larger_court_receives_nothing_while_its_peers_carry_on()
    {
        var scenario = TestCourts.Court([TestCourts.JudgeOnly("generic", 16)], [TestCourts.Intake("generic", 400)],
            [TestCourts.Teams("t", 3, ["generic"])], new AssignmentSpec(AssignmentPolicyKind.RoundRobin), 365,
            absences: [new Absence("t-2", 50, 200, "leave")]);

        var records = TestCourts.Simulate(scenario).Cases.ToArray();

        Assert.DoesNotContain(records, c => c.Team == 1 && c.Assigned > 50 && c.Assigned < 200);
        Assert.Contains(records, c => c.Team == 0 && c.Assigned > 50 && c.Assigned < 200);
        Assert.Contains(records, c => c.Team == 1 && c.Assigned > 200);
    }

    /// <summary>Four one-judge teams at 70 % load; t-4 away from day 200 to 260. Per team: cases assigned from day 260 on, and cases assigned while t-4 was away.</summary>
    private static (double[] After, double[] During) AroundAnAbsence(AssignmentPolicyKind policy, ulong seed)
    {
        var scenario = TestCourts.Court([TestCourts.JudgeOnly("generic", 40)], [TestCourts.Intake("generic", 256)],
            [TestCourts.Teams("t", 4, ["generic"])], new AssignmentSpec(policy), 400, seed: seed,
            absences: [new Absence("t-4", 200, 260, "leave")]);
        var records = TestCourts.Simulate(scenario).Cases.ToArray();
        return ([.. Enumerable.Range(0, 4).Select(t => (double)records.Count(c => c.Team == t && c.Assigned >= 260))],
            [.. Enumerable.Range(0, 4).Select(t => (double)records.Count(c => c.Team == t && c.Assigned > 200 && c.Assigned < 260))]);
    }

    [Theory]
    [InlineData(1ul)]
    [InlineData(2ul)]
    [InlineData(3ul)]
    public void Round_robin_in_a_running_court_gives_a_returning_team_its_peers_share_case_for_case(ulong seed)
    {
        var (after, during) = AroundAnAbsence(AssignmentPolicyKind.RoundRobin, seed);

        Assert.Equal(0, during[3]);
        Assert.True(after.Max() - after.Min() <= 1, $"after the return: [{string.Join(", ", after)}]");
    }

    [Theory]
    [InlineData(1ul)]
    [InlineData(2ul)]
    [InlineData(3ul)]
    public void Least_loaded_in_a_running_court_gives_a_returning_team_its_peers_share_not_the_cases_it_missed(ulong seed)
    {
        // Idle teams tie at zero pending work; the tie goes to the fewest cases of the category, and a returning
        // team's count is raised to its peers' mean, so it does not catch up the cases it missed.
        var (after, during) = AroundAnAbsence(AssignmentPolicyKind.LeastLoaded, seed);
        var missed = during.Take(3).Average();
        var extra = after[3] - after.Take(3).Average();

        Assert.Equal(0, during[3]);
        Assert.True(missed >= 8);
        Assert.InRange(extra, -3, 3);
    }

    [Fact]
    public void Overlapping_absences_keep_the_team_away_until_the_last_one_ends()
    {
        // Leave from day 50 to 120 and an illness from day 100 to 200: the judge is away from day 50 to day 200.
        var scenario = TestCourts.Court([TestCourts.JudgeOnly("generic", 16)], [TestCourts.Intake("generic", 400)],
            [TestCourts.Teams("t", 3, ["generic"])], new AssignmentSpec(AssignmentPolicyKind.RoundRobin), 365,
            absences: [new Absence("t-2", 50, 120, "leave"), new Absence("t-2", 100, 200, "illness")]);

        var records = TestCourts.Simulate(scenario).Cases.ToArray();

        var assignedWhileAway = records.Where(c => c.Team == 1 && c.Assigned > 50 && c.Assigned < 200).Select(c => c.Assigned).ToList();
        Assert.True(assignedWhileAway.Count == 0, $"{assignedWhileAway.Count} cases assigned to t-2 while away, the first on day {assignedWhileAway.FirstOrDefault():F1}");
    }

    [Fact]
    public void Back_to_back_absences_keep_the_team_away_whatever_order_they_are_listed_in()
    {
        // Day 100 to 200, then 50 to 100, listed in that order: at day 100 one ends as the other begins.
        var scenario = TestCourts.Court([TestCourts.JudgeOnly("generic", 16)], [TestCourts.Intake("generic", 400)],
            [TestCourts.Teams("t", 3, ["generic"])], new AssignmentSpec(AssignmentPolicyKind.RoundRobin), 365,
            absences: [new Absence("t-2", 100, 200, "illness"), new Absence("t-2", 50, 100, "leave")]);

        var records = TestCourts.Simulate(scenario).Cases.ToArray();

        var assignedWhileAway = records.Where(c => c.Team == 1 && c.Assigned > 50 && c.Assigned < 200).Select(c => c.Assigned).ToList();
        Assert.True(assignedWhileAway.Count == 0, $"{assignedWhileAway.Count} cases assigned to t-2 while away, the first on day {assignedWhileAway.FirstOrDefault():F1}");
    }

    [Fact]
    public void A_team_away_from_day_zero_is_not_given_backlog_cases_at_the_start()
    {
        var scenario = TestCourts.Court([TestCourts.JudgeOnly("generic", 16)], [TestCourts.Intake("generic", 100)],
            [TestCourts.Teams("t", 2, ["generic"])], new AssignmentSpec(AssignmentPolicyKind.RoundRobin), 365,
            absences: [new Absence("t-1", 0, 60, "leave")], backlog: [new BacklogEntry("generic", 10, new ExponentialEffort(60))]);

        var records = TestCourts.Simulate(scenario).Cases.ToArray();

        var given = records.Count(c => c.Team == 0 && c.Assigned < 60);
        Assert.True(given == 0, $"t-1, away from day 0 to 60, was given {given} cases before day 60");
    }

    [Fact]
    public void A_shared_clerk_pool_does_the_clerk_stage_for_every_team()
    {
        var pool = new SharedPool("clerks", new Dictionary<string, int> { [RoleCatalog.Clerk] = 2 }, [RoleCatalog.Clerk], null);
        var scenario = TestCourts.Court([s_servedThenJudged], [TestCourts.Intake("civil", 300)],
            [TestCourts.Teams("a", 2, ["civil"], s_judgeAndClerk), TestCourts.Teams("b", 2, ["civil"])],
            AssignmentSpec.Random, 365, pools: [pool]);
        var (spec, id) = scenario.ExpandCourts().Single();
        var layout = new CourtLayout(scenario, spec, id, prefixTeamIds: false);

        for (var team = 0; team < 4; team++)
        {
            Assert.Equal("pool/clerks", layout.StationName(team, 0, 0));
            Assert.Equal($"{layout.Teams[team].Id}/judge-1", layout.StationName(team, 0, 1));
        }
        var simulation = TestCourts.Simulate(scenario);
        var poolStation = simulation.Stations.Single(s => s.Name == "pool/clerks");
        Assert.Equal(2, poolStation.Servers);
        Assert.True(poolStation.Tasks.Sum() > 250);
        // The teams' own clerks have nothing to do.
        Assert.All(simulation.Stations.Where(s => s.Name.EndsWith("/clerk", StringComparison.Ordinal)), s => Assert.Equal(0, s.Tasks.Sum()));
    }

    [Fact]
    public void A_pool_that_does_a_task_by_name_takes_that_task_only()
    {
        var pool = new SharedPool("centre", new Dictionary<string, int> { [RoleCatalog.Clerk] = 1 }, ["service"], null);
        var archived = s_servedThenJudged with
        {
            Stages = [.. s_servedThenJudged.Stages, new EffortStage("archiving", RoleCatalog.Clerk, new ExponentialEffort(2))],
        };
        var scenario = TestCourts.Court([archived], [TestCourts.Intake("civil", 100)],
            [TestCourts.Teams("a", 1, ["civil"], s_judgeAndClerk)], AssignmentSpec.Random, 365, pools: [pool]);
        var (spec, id) = scenario.ExpandCourts().Single();
        var layout = new CourtLayout(scenario, spec, id, prefixTeamIds: false);

        Assert.Equal("pool/centre", layout.StationName(0, 0, 0));
        Assert.Equal("a-1/judge-1", layout.StationName(0, 0, 1));
        Assert.Equal("a-1/clerk", layout.StationName(0, 0, 2));
    }

    [Fact]
    public void A_pool_serving_some_groups_leaves_the_others_to_their_own_staff()
    {
        var pool = new SharedPool("clerks", new Dictionary<string, int> { [RoleCatalog.Clerk] = 2 }, [RoleCatalog.Clerk], ["a"]);
        var scenario = TestCourts.Court([s_servedThenJudged], [TestCourts.Intake("civil", 300)],
            [TestCourts.Teams("a", 1, ["civil"]), TestCourts.Teams("b", 1, ["civil"], s_judgeAndClerk), TestCourts.Teams("c", 1, ["civil"])],
            AssignmentSpec.Random, 365, pools: [pool]);
        var (spec, id) = scenario.ExpandCourts().Single();
        var layout = new CourtLayout(scenario, spec, id, prefixTeamIds: false);

        Assert.Equal("pool/clerks", layout.StationName(0, 0, 0));
        Assert.Equal("b-1/clerk", layout.StationName(1, 0, 0));
        Assert.Equal("c-1/judge-1", layout.StationName(2, 0, 0));
    }

    [Fact]
    public void A_team_without_a_clerk_has_its_judge_do_the_clerk_stage()
    {
        var scenario = TestCourts.Court([s_servedThenJudged], [TestCourts.Intake("civil", 300)],
            [TestCourts.Teams("lean", 1, ["civil"]), TestCourts.Teams("full", 1, ["civil"], s_judgeAndClerk)],
            AssignmentSpec.Random, 365);
        var (spec, id) = scenario.ExpandCourts().Single();
        var layout = new CourtLayout(scenario, spec, id, prefixTeamIds: false);

        Assert.Equal("lean-1/judge-1", layout.StationName(0, 0, 0));
        Assert.Equal("lean-1/judge-1", layout.StationName(0, 0, 1));
        Assert.Equal("full-1/clerk", layout.StationName(1, 0, 0));
        Assert.Equal("full-1/judge-1", layout.StationName(1, 0, 1));
        // The lean team's judge does both stages of its cases (two tasks a case), the full team's judge one.
        var simulation = TestCourts.Simulate(scenario);
        var records = simulation.Cases.ToArray();
        long Assigned(int team) => records.Count(c => c.Team == team);
        long Closed(int team) => records.Count(c => c.Team == team && c.Status == CaseStatus.Closed);
        var lean = simulation.Stations.Single(s => s.Name == "lean-1/judge-1").Tasks.Sum();
        var full = simulation.Stations.Single(s => s.Name == "full-1/judge-1").Tasks.Sum();
        Assert.InRange(lean, 2 * Closed(0), 2 * Assigned(0));
        Assert.InRange(full, Closed(1), Assigned(1));
        Assert.True(Closed(0) > 100 && Closed(1) > 100);
    }

    [Fact]
    public void Cases_waiting_longer_than_escalate_after_days_are_escalated()
    {
        // Two teams with a cap of 2 and more work than they can do: the queue grows and cases wait for weeks.
        var scenario = TestCourts.Court([TestCourts.JudgeOnly("generic", 48)], [TestCourts.Intake("generic", 500)],
            [TestCourts.Teams("t", 2, ["generic"])], new AssignmentSpec(AssignmentPolicyKind.Pull, Cap: 2, EscalateAfterDays: 5), 365);

        var simulation = TestCourts.Simulate(scenario);
        var records = simulation.Cases.ToArray();
        var escalated = records.Where(c => (c.Flags & CaseFlags.Escalated) != 0).ToList();

        Assert.True(simulation.Escalations > 50, $"{simulation.Escalations} escalations");
        Assert.Equal(simulation.Escalations, escalated.Count);
        // Only cases that waited at least 5 days unassigned were escalated.
        Assert.All(escalated, c => Assert.True(double.IsNaN(c.Assigned) ? c.Filed + 5 <= 365 : c.Assigned - c.Filed >= 5 - 1e-9));
        Assert.Equal(simulation.Escalations, Summarize(scenario, simulation).Assignment.Escalated);
    }

    [Fact]
    public void A_backlog_case_waiting_since_longer_ago_than_escalate_after_days_escalates_at_day_zero_as_the_live_court_counts()
    {
        // Forty cases filed 30 days before day 0, two teams that take two each: the 36 left waiting have waited past the
        // 5 days already (counted from filing, as the live court's EscalatesAt counts), so they escalate at once.
        var scenario = TestCourts.Court([TestCourts.JudgeOnly("generic", 48)], [TestCourts.Intake("generic", 1)],
            [TestCourts.Teams("t", 2, ["generic"])], new AssignmentSpec(AssignmentPolicyKind.Pull, Cap: 2, EscalateAfterDays: 5), 2,
            backlog: [new BacklogEntry("generic", 40, new FixedEffort(30))]);

        var simulation = TestCourts.Simulate(scenario);
        var escalated = simulation.Cases.ToArray().Where(c => (c.Flags & CaseFlags.Escalated) != 0).ToList();

        Assert.Equal(36, simulation.Escalations);
        Assert.All(escalated, c => Assert.True((c.Flags & CaseFlags.Backlog) != 0 && c.Filed <= -30 + 1e-9));
    }

    [Fact]
    public void What_a_kinds_teams_attained_towards_their_quotas_is_counted_in_the_window_as_summary_json_counts_its_teams()
    {
        // Fengtai's court-year after a year's warm-up: the gauge's numerator by kind is the summary's teams' (those with
        // a quota) summed, closures before the window left out.
        var scenario = Scenarios.ScenarioTestSupport.LoadValid(File.ReadAllText(Path.Combine(Scenarios.ScenarioTestSupport.RepoRoot(), "scenarios", "fengtai-quotas.yaml")));
        Assert.True(scenario.WarmupDays > 0);
        var simulation = TestCourts.Simulate(scenario);
        var summary = Summarize(scenario, simulation);

        foreach (var kind in Enum.GetValues<TeamKind>())
        {
            var name = CourtStatisticsCollector.TeamKindName(kind);
            var teams = summary.Teams.Where(t => t.Kind == name && t.Quota > 0).ToList();
            var expected = teams.Sum(t => QuotaAttainment.Attained(t.QuotaUnit == "cases" ? QuotaUnit.Cases : QuotaUnit.WorkloadUnits, t.Closed, t.WorkloadUnits));
            Assert.Equal(expected, simulation.QuotaAttained(kind), 6);
        }
        Assert.Contains(summary.Teams, t => t.Quota > 0 && t.Closed > 0);
    }

    [Fact]
    public void Without_escalate_after_days_nothing_is_escalated()
    {
        var scenario = TestCourts.Court([TestCourts.JudgeOnly("generic", 48)], [TestCourts.Intake("generic", 500)],
            [TestCourts.Teams("t", 2, ["generic"])], new AssignmentSpec(AssignmentPolicyKind.Pull, Cap: 2), 365);

        var simulation = TestCourts.Simulate(scenario);

        Assert.Equal(0, simulation.Escalations);
        Assert.Contains(simulation.Cases.ToArray(), c => !double.IsNaN(c.Assigned) && c.Assigned - c.Filed > 5);
    }

    [Fact]
    public void An_escalated_case_is_taken_before_a_higher_priority_case_that_has_not_waited_as_long()
    {
        // Urgent cases (priority 2) jump the queue; a plain case that has waited past escalation jumps them back.
        var plain = TestCourts.JudgeOnly("plain", 48, category: "civil");
        var urgent = TestCourts.JudgeOnly("urgent", 48, category: "civil", priority: 2);
        var scenario = TestCourts.Court([plain, urgent], [TestCourts.Intake("plain", 300), TestCourts.Intake("urgent", 300)],
            [TestCourts.Teams("t", 2, ["plain", "urgent"])], new AssignmentSpec(AssignmentPolicyKind.Pull, Cap: 1, EscalateAfterDays: 10), 365);

        var records = TestCourts.Simulate(scenario).Cases.ToArray();

        // Whenever a team pulled a waiting urgent case that had not been escalated itself, no escalated plain case
        // (one filed 10+ days earlier and still unassigned) was waiting.
        var pulledUrgent = records.Where(c => c.Type == 1 && c.Assigned > c.Filed && (c.Flags & CaseFlags.Escalated) == 0).ToList();
        Assert.NotEmpty(pulledUrgent);
        Assert.All(pulledUrgent, u => Assert.DoesNotContain(records, p =>
            p.Type == 0 && p.Filed + 10 < u.Assigned && p.Assigned > u.Assigned));
        // And it happens: escalated plain cases were taken while fresher urgent cases waited.
        var waitingUrgent = records.Where(c => c.Type == 1 && c.Assigned > c.Filed).ToList();
        Assert.Contains(records, p => p.Type == 0 && (p.Flags & CaseFlags.Escalated) != 0
            && waitingUrgent.Any(u => u.Filed < p.Assigned && u.Assigned > p.Assigned && u.Filed + 10 > p.Assigned));
    }

    [Fact]
    public void Cases_filed_at_the_same_moment_are_pulled_in_filing_order_whatever_their_types()
    {
        // One team under a cap of 1 takes the first filing; the next two come at one moment, the second type first.
        // The live court's waiting line pulls the lower case number first, and so must the simulator.
        var first = new CaseType("first", "civil", CaseTrack.Ordinary, 1.0, null, 0,
            [new EffortStage("judgment", RoleCatalog.Judge, new FixedEffort(8))], 0);
        var second = first with { Id = "second" };
        var scenario = TestCourts.Court([first, second], [], [TestCourts.Teams("t", 1, ["first", "second"])],
            new AssignmentSpec(AssignmentPolicyKind.Pull, Cap: 1), 30);
        var (spec, id) = scenario.ExpandCourts().Single();
        var simulation = new CourtSimulation(new CourtLayout(scenario, spec, id, prefixTeamIds: false), 1,
            [new ExternalFiling(0.1, 0, false, RiskLevel.None), new ExternalFiling(0.2, 1, false, RiskLevel.None), new ExternalFiling(0.2, 0, false, RiskLevel.None)]);

        simulation.RunToEnd();

        var byNumber = simulation.Cases.ToArray().Where(c => c.Number > 0).OrderBy(c => c.Number).ToList();
        Assert.Equal([0, 1, 0], byNumber.Select(c => (int)c.Type));
        Assert.True(byNumber[1].Assigned > byNumber[1].Filed, "the second filing waited");
        Assert.True(byNumber[1].Assigned < byNumber[2].Assigned, $"case 2 taken at {byNumber[1].Assigned}, case 3 at {byNumber[2].Assigned}");
    }

    [Fact]
    public void Flagged_cases_are_designated_to_leader_led_teams()
    {
        var leadership = new Dictionary<string, int> { [RoleCatalog.DivisionHead] = 1, [RoleCatalog.Judge] = 1 };
        var scenario = TestCourts.Court([TestCourts.JudgeOnly("generic", 24, flaggedShare: 0.2)], [TestCourts.Intake("generic", 400)],
            [TestCourts.Teams("lead", 2, ["generic"], leadership), TestCourts.Teams("t", 4, ["generic"])],
            AssignmentSpec.Random, 365);

        var simulation = TestCourts.Simulate(scenario);
        var records = simulation.Cases.ToArray();
        var designated = records.Where(c => (c.Flags & CaseFlags.Designated) != 0).ToList();

        Assert.True(simulation.Designations > 40, $"{simulation.Designations} designations");
        Assert.Equal(simulation.Designations, designated.Count);
        Assert.All(designated, c =>
        {
            Assert.True((c.Flags & CaseFlags.Flagged) != 0);
            Assert.True(simulation.Layout.Teams[c.Team].Leader);
        });
        Assert.DoesNotContain(records, c => (c.Flags & CaseFlags.Flagged) == 0 && (c.Flags & CaseFlags.Designated) != 0);
        // About a fifth of cases are flagged (binomial over ≈ 400: a standard error of 2 points).
        Assert.InRange(records.Count(c => (c.Flags & CaseFlags.Flagged) != 0) / (double)records.Length, 0.12, 0.28);
    }

    [Fact]
    public void A_leadership_group_with_its_own_pool_receives_only_designated_cases()
    {
        // The type's pool is the first accepting group's (t); the leaders' pool is second, so it is reached only by designation.
        var leadership = new Dictionary<string, int> { [RoleCatalog.President] = 1, [RoleCatalog.Judge] = 1 };
        var scenario = TestCourts.Court([TestCourts.JudgeOnly("generic", 24, flaggedShare: 0.2)], [TestCourts.Intake("generic", 400)],
            [TestCourts.Teams("t", 4, ["generic"]), TestCourts.Teams("lead", 1, ["generic"], leadership, assignment: new AssignmentSpec(AssignmentPolicyKind.RoundRobin))],
            AssignmentSpec.Random, 365);

        var simulation = TestCourts.Simulate(scenario);
        var toLeaders = simulation.Cases.ToArray().Where(c => c.Team == 4).ToList();

        Assert.NotEqual(simulation.Layout.TypePool[0], simulation.Layout.Teams[4].Pool);
        Assert.True(toLeaders.Count > 20, $"{toLeaders.Count} cases to the leaders");
        Assert.All(toLeaders, c => Assert.True((c.Flags & CaseFlags.Designated) != 0));
    }

    [Fact]
    public void Flagged_cases_go_through_the_pools_policy_when_designation_is_off()
    {
        var leadership = new Dictionary<string, int> { [RoleCatalog.DivisionHead] = 1, [RoleCatalog.Judge] = 1 };
        var scenario = TestCourts.Court([TestCourts.JudgeOnly("generic", 24, flaggedShare: 0.2)], [TestCourts.Intake("generic", 400)],
            [TestCourts.Teams("lead", 2, ["generic"], leadership), TestCourts.Teams("t", 4, ["generic"])],
            new AssignmentSpec(AssignmentPolicyKind.Random, Designated: DesignationTarget.None), 365);

        var simulation = TestCourts.Simulate(scenario);

        Assert.Equal(0, simulation.Designations);
        Assert.Contains(simulation.Cases.ToArray(), c => (c.Flags & CaseFlags.Flagged) != 0 && !simulation.Layout.Teams[c.Team].Leader);
    }

    [Fact]
    public void A_flagged_case_no_leader_can_take_is_drawn_by_the_pool_instead()
    {
        var leadership = new Dictionary<string, int> { [RoleCatalog.DivisionHead] = 1, [RoleCatalog.Judge] = 1 };
        var scenario = TestCourts.Court([TestCourts.JudgeOnly("generic", 24, flaggedShare: 0.5)], [TestCourts.Intake("generic", 400)],
            [TestCourts.Teams("lead", 1, ["generic"], leadership), TestCourts.Teams("t", 3, ["generic"])],
            new AssignmentSpec(AssignmentPolicyKind.Random), 365, absences: [new Absence("lead-1", 0.5, 365, "leave")]);

        var simulation = TestCourts.Simulate(scenario);
        var flagged = simulation.Cases.ToArray().Where(c => (c.Flags & CaseFlags.Flagged) != 0 && c.Filed > 1).ToList();

        Assert.NotEmpty(flagged);
        Assert.All(flagged, c => Assert.NotEqual(0, c.Team));
        Assert.All(flagged, c => Assert.True((c.Flags & CaseFlags.Designated) == 0));
    }
}
