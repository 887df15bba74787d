using Docket.Domain.Assignment;
using Docket.Domain.Calendar;
using Docket.Domain.Cases;
using Docket.Domain.Intake;
using Docket.Domain.Scenarios;
using Docket.Domain.Simulation;
using Docket.Domain.Staffing;
using Docket.Domain.Statistics;

namespace Docket.Domain.Tests.Support;

/// <summary>Scenarios built in code for the simulator's tests.</summary>
internal static class TestCourts
{
    /// <summary>The minimal court (docs/domain.md): one-judge teams, Poisson intake, exponential 240 h of judge time, continuous time.</summary>
    public static Scenario Minimal(AssignmentSpec policy, int days = 3650, int warmup = 365, int teams = 10, double perYear = 292, ulong seed = 7)
    {
        var type = new CaseType("generic", "generic", CaseTrack.Ordinary, 1.0, null, 0,
            [new EffortStage("judge", RoleCatalog.Judge, new ExponentialEffort(240))], 0);
        var court = new CourtSpec("minimal", 1,
            [new IntakeStream([new TypeShare("generic", 1)], perYear, null, null)],
            [new TeamGroup("t", TeamKind.General, teams, new Dictionary<string, int> { [RoleCatalog.Judge] = 1 }, ["generic"], null, null, null)],
            [], policy, [], [], null);
        return new Scenario("minimal", seed, days, warmup, 1, WorkCalendar.Continuous, RoleCatalog.Default, [type], [court]);
    }

    public static (CourtSimulation Simulation, Summary Summary) Run(Scenario scenario)
    {
        var (spec, id) = scenario.ExpandCourts().Single();
        var simulation = new CourtSimulation(new CourtLayout(scenario, spec, id, prefixTeamIds: false), scenario.Seed);
        simulation.RunToEnd();
        return (simulation, SummaryBuilder.Replication(scenario, scenario.Seed, [CourtStatisticsCollector.Collect(simulation)]));
    }

    /// <summary>A one-court scenario from its parts: no pools, absences or backlog unless given; continuous time unless a calendar is given.</summary>
    public static Scenario Court(
        IReadOnlyList<CaseType> types,
        IReadOnlyList<IntakeStream> intake,
        IReadOnlyList<TeamGroup> teams,
        AssignmentSpec assignment,
        int days,
        int warmup = 0,
        ulong seed = 7,
        IReadOnlyList<SharedPool>? pools = null,
        IReadOnlyList<Absence>? absences = null,
        IReadOnlyList<BacklogEntry>? backlog = null,
        WorkCalendar? calendar = null)
    {
        var court = new CourtSpec("court", 1, intake, teams, pools ?? [], assignment, absences ?? [], backlog ?? [], null);
        return new Scenario("court", seed, days, warmup, 1, calendar ?? WorkCalendar.Continuous, RoleCatalog.Default, types, [court]);
    }

    /// <summary>A case type needing only its judge: exponentially distributed <paramref name="judgeHours"/>.</summary>
    public static CaseType JudgeOnly(string id, double judgeHours, string? category = null, double weight = 1.0, double flaggedShare = 0, int priority = 0) =>
        new(id, category ?? id, CaseTrack.Ordinary, weight, null, priority,
            [new EffortStage("judgment", RoleCatalog.Judge, new ExponentialEffort(judgeHours))], flaggedShare);

    /// <summary><paramref name="count"/> alike teams of the given members (one judge by default).</summary>
    public static TeamGroup Teams(string id, int count, IReadOnlyList<string> accepts, IReadOnlyDictionary<string, int>? members = null, int? cap = null, AssignmentSpec? assignment = null) =>
        new(id, TeamKind.General, count, members ?? new Dictionary<string, int> { [RoleCatalog.Judge] = 1 }, accepts, null, cap, assignment);

    /// <summary>Poisson intake of one type, without seasonality or mediation unless given.</summary>
    public static IntakeStream Intake(string type, double perYear, IReadOnlyList<double>? seasonality = null, MediationSpec? mediation = null) =>
        new([new TypeShare(type, 1)], perYear, seasonality, mediation);

    /// <summary>Runs the scenario's single court to its end with <paramref name="seed"/> (the scenario's seed by default).</summary>
    public static CourtSimulation Simulate(Scenario scenario, ulong? seed = null)
    {
        var (spec, id) = scenario.ExpandCourts().Single();
        var simulation = new CourtSimulation(new CourtLayout(scenario, spec, id, prefixTeamIds: false), seed ?? scenario.Seed);
        simulation.RunToEnd();
        return simulation;
    }

    /// <summary>The scenario with its single court's supervision (supervisors, warnings, meetings) replaced.</summary>
    public static Scenario WithSupervision(Scenario scenario, global::Docket.Domain.Supervision.SupervisionSpec supervision) =>
        scenario with { Courts = [scenario.Courts[0] with { Supervision = supervision }] };

    /// <summary><paramref name="count"/> cases of <paramref name="type"/> pending when the run starts, filed just before day 0.</summary>
    public static BacklogEntry FiledAtStart(string type, int count = 1) => new(type, count, new FixedEffort(0));

    /// <summary>The scenario's single court, ready to run (or to step with <see cref="CourtSimulation.AdvanceTo"/>).</summary>
    public static CourtSimulation Prepare(Scenario scenario, ulong? seed = null)
    {
        var (spec, id) = scenario.ExpandCourts().Single();
        return new CourtSimulation(new CourtLayout(scenario, spec, id, prefixTeamIds: false), seed ?? scenario.Seed);
    }

    /// <summary>The summary of one court's run, as summary.json would give it.</summary>
    public static Summary Summarize(CourtSimulation simulation) =>
        SummaryBuilder.Replication(simulation.Layout.Scenario, simulation.Layout.Scenario.Seed, [CourtStatisticsCollector.Collect(simulation)]);
}
