using Docket.Domain.Assignment;
using Docket.Domain.Cases;
using Docket.Domain.Deadlines;
using Docket.Domain.Scenarios;
using Docket.Domain.Simulation;
using Docket.Domain.Staffing;
using Docket.Domain.Supervision;
using Docket.Domain.Tests.Support;

namespace Docket.Domain.Tests.Simulation;

/// <summary>
/// Conversions of simple procedure to ordinary (cases 157, 159) and the cap on extensions (case 160) in the
/// simulator: one case with a 60-day limit that takes 100 days (warned on day 30), so every event falls on a day the
/// test can name; and a court's year for the counts' shares.
/// </summary>
public sealed class LimitApprovalSimulationTests
{
    private static readonly Dictionary<string, int> s_judge = new() { [RoleCatalog.Judge] = 1 };

    private static CaseType Simple(double days = 100, ProcedureConversion? conversion = null, TimeLimitExtension? extension = null) =>
        new CaseType("simple", "civil", CaseTrack.FastTrack, 0.3, 60, 0,
            [new("wait_trial", "", new FixedEffort(days - 1)), new("judgment", RoleCatalog.Judge, new FixedEffort(24))], 0)
        { Conversion = conversion, Extension = extension };

    private static Scenario OneCase(CaseType type, int days = 300, SupervisionSpec? supervision = null) =>
        TestCourts.WithSupervision(
            TestCourts.Court([type], [], [TestCourts.Teams("t", 1, [type.Id], s_judge)], AssignmentSpec.Random, days, 0,
                backlog: [TestCourts.FiledAtStart(type.Id)]),
            supervision ?? SupervisionSpec.Default);

    private static double SupervisorHours(CourtSimulation simulation, string role) =>
        simulation.Layout.SupervisorStations.TryGetValue(role, out var station) ? simulation.Stations[station].BusyHours.Sum() : 0.0;

    [Fact]
    public void An_approved_conversion_re_sets_the_limit_to_the_ordinary_one_from_filing_and_takes_the_approvers_hours()
    {
        // Warned on day 30; the judge asks, the division head decides (8 h: a working day) and approves: the limit
        // becomes 180 days from filing, so the case closed on day 100 is within it.
        var supervision = SupervisionSpec.Default with { ConversionApprovalHours = new FixedEffort(8) };
        var (simulation, summary) = TestCourts.Run(OneCase(Simple(conversion: new ProcedureConversion(1, 1, RoleCatalog.DivisionHead, 180)), supervision: supervision));

        var c = simulation.Case(0);
        Assert.True((c.Flags & CaseFlags.Converted) != 0);
        Assert.Equal(180.0, c.Limit, 6);
        Assert.Equal(0, summary.Deadlines.ClosedAfterLimit);
        Assert.Equal(8.0, SupervisorHours(simulation, RoleCatalog.DivisionHead), 9);
        Assert.Equal(0.0, SupervisorHours(simulation, RoleCatalog.President));
        var approvals = summary.LimitApprovals!;
        Assert.Equal(1, approvals.ConversionsRequested);
        Assert.Equal(1, approvals.ConversionsApproved);
        Assert.Equal(0, approvals.ConversionsRefused);
        Assert.True(approvals.ConversionMeanWaitDays > 0, "the decision waits for the approver's working hours");
    }

    [Fact]
    public void A_refused_conversion_keeps_the_original_limit_and_the_case_closes_after_it()
    {
        var (simulation, summary) = TestCourts.Run(OneCase(Simple(conversion: new ProcedureConversion(1, 0, RoleCatalog.President, 180))));

        var c = simulation.Case(0);
        Assert.False((c.Flags & CaseFlags.Converted) != 0);
        Assert.Equal(60.0, c.Limit, 6);
        Assert.Equal(1, summary.Deadlines.ClosedAfterLimit);
        Assert.Equal(0.5, SupervisorHours(simulation, RoleCatalog.President), 9);
        Assert.Equal(1, summary.LimitApprovals!.ConversionsRefused);
        Assert.Equal(0, summary.LimitApprovals.ConversionsApproved);
    }

    [Fact]
    public void A_conversion_is_asked_for_once_even_when_the_new_limit_is_warned_again()
    {
        // Approved on day 30: limit 180, warned again on day 150; closed on day 250, after it. No second request.
        var (simulation, summary) = TestCourts.Run(OneCase(Simple(days: 250, conversion: new ProcedureConversion(1, 1, RoleCatalog.DivisionHead, 180))));

        Assert.Equal(1, summary.LimitApprovals!.ConversionsRequested);
        Assert.Equal(2, summary.Deadlines.Warned);
        Assert.Equal(180.0, simulation.Case(0).Limit, 6);
        Assert.Equal(1, summary.Deadlines.ClosedAfterLimit);
    }

    [Fact]
    public void Beyond_the_cap_the_higher_court_extends_after_its_wait_with_the_clock_running()
    {
        // Limit 60, warned day 30: the president extends to 90 (cap 1). Warned day 60: beyond the cap, the higher
        // court takes 40 days; the limit passes on day 90 while it waits (overdue), and on day 100 it extends to 120.
        // That limit's warning is due at once: a second referral, still waiting when the case closes on day 110.
        var extension = new TimeLimitExtension(1, 30) { Max = 1, HigherCourtDays = 40 };
        var (simulation, summary) = TestCourts.Run(OneCase(Simple(days: 110, extension: extension)));

        var c = simulation.Case(0);
        Assert.Equal(2, c.Extensions);
        Assert.Equal(120.0, c.Limit, 6);
        // Overdue of the limit at day 90, not of the one the higher court moved it to (day 120, after the closure).
        Assert.True((c.Flags & CaseFlags.LimitOverdue) == 0);
        var approvals = summary.LimitApprovals!;
        Assert.Equal(1, approvals.ExtensionsWithinCap);
        Assert.Equal(2, approvals.ExtensionsToHigherCourt);
        Assert.Equal(1, approvals.ExtensionsByHigherCourt);
        Assert.Equal(40.0, approvals.HigherCourtMeanWaitDays, 6);
        Assert.Equal(2, summary.Deadlines.Extensions);
        Assert.Equal(1, summary.Deadlines.Overdue);
    }

    [Fact]
    public void A_limit_extended_after_it_passed_falls_due_again()
    {
        // As above, and the case goes on to day 130: the limit at day 90 passes while the higher court waits, and the
        // one it extends to (day 120) passes too. Each limit is overdue on its own, as the live watch issues them.
        var extension = new TimeLimitExtension(1, 30) { Max = 1, HigherCourtDays = 40 };
        var (simulation, summary) = TestCourts.Run(OneCase(Simple(days: 130, extension: extension)));

        var c = simulation.Case(0);
        Assert.Equal(120.0, c.Limit, 6);
        Assert.True((c.Flags & CaseFlags.LimitOverdue) != 0);
        Assert.Equal(2, summary.Deadlines.Overdue);
        Assert.Equal(1, summary.Deadlines.ClosedAfterLimit);
    }

    [Fact]
    public void A_limit_a_suspending_stage_moves_on_is_warned_again_without_drawing_its_extension_again()
    {
        // Limit 60: warned on day 30, the president extends it by a day (cap 1); the limit at day 61 is warned on day
        // 31, its extension drawn beyond the cap and refused. An appraisal stands the limit still from day 35 to day
        // 55, so the limit moves on to day 81, whose warning is due at once: a warning of a new due, as the live
        // watch issues it, with no second extension drawn for it. The case closes on day 56, within the limit.
        var type = new CaseType("simple", "civil", CaseTrack.FastTrack, 0.3, 60, 0,
            [
                new("wait_trial", "", new FixedEffort(35)),
                new("wait_appraisal", "", new FixedEffort(20)) { SuspendsLimit = true },
                new("judgment", RoleCatalog.Judge, new FixedEffort(24)),
            ], 0)
        { Extension = new TimeLimitExtension(1, 1) { Max = 1 } };
        var (simulation, summary) = TestCourts.Run(OneCase(type));

        var c = simulation.Case(0);
        Assert.Equal(81.0, c.Limit, 6);
        Assert.Equal(3, summary.Deadlines.Warned);
        Assert.Equal(1, summary.Deadlines.Extensions);
        Assert.Equal(1, summary.LimitApprovals!.ExtensionsRefusedAtCap);
        Assert.Equal(0, summary.Deadlines.Overdue);
        Assert.Equal(0, summary.Deadlines.ClosedAfterLimit);
    }

    [Fact]
    public void Beyond_the_cap_without_a_higher_court_nothing_more_is_extended()
    {
        var extension = new TimeLimitExtension(1, 30) { Max = 1 };
        var (simulation, summary) = TestCourts.Run(OneCase(Simple(days: 110, extension: extension)));

        Assert.Equal(1, simulation.Case(0).Extensions);
        Assert.Equal(90.0, simulation.Case(0).Limit, 6);
        Assert.Equal(1, summary.LimitApprovals!.ExtensionsRefusedAtCap);
        Assert.Equal(1, summary.Deadlines.ClosedAfterLimit);
    }

    [Fact]
    public void A_scenario_without_conversions_or_a_cap_reports_no_limit_approvals()
    {
        var (_, summary) = TestCourts.Run(OneCase(Simple(extension: new TimeLimitExtension(1, 30))));

        Assert.Null(summary.LimitApprovals);
    }

    [Fact]
    public void Over_a_year_the_counts_follow_the_shares_and_the_same_seed_gives_the_same_counts()
    {
        const string Yaml = """
            name: conversions
            days: 365
            case_types:
              - id: simple
                track: fast_track
                time_limit_days: 90
                effort:
                  wait_trial: { dist: exponential, mean_days: 120 }
                  judgment: { dist: fixed, hours: 1 }
                conversion: { share: 0.5, approval_share: 0.6, approver: division_head, limit_days: 180 }
            intake:
              - { type: simple, per_year: 4000 }
            teams:
              - { id: fast, count: 10, template: "1+1+1", accepts: [simple] }
            assignment: { policy: random }
            """;
        var loaded = ScenarioLoader.Load(Yaml, "conversions.yaml");
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
        var scenario = loaded.Scenario!;

        var first = TestCourts.Run(scenario).Summary.LimitApprovals!;
        var again = TestCourts.Run(scenario).Summary.LimitApprovals!;

        Assert.Equal(first, again);
        Assert.True(first.ConversionsRequested > 500, $"{first.ConversionsRequested} requests");
        var decided = first.ConversionsApproved + first.ConversionsRefused;
        Assert.InRange(decided, first.ConversionsRequested - 20, first.ConversionsRequested);
        Assert.InRange(first.ConversionsApproved / decided, 0.55, 0.65);
    }
}
