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
    /// <summary>CONTRACTS.md's minimal court: one-judge teams, Poisson intake, exponential 240 h of judge time, continuous time.</summary>
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
}
