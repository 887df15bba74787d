using Docket.Domain.Assignment;
using Docket.Domain.Cases;
using Docket.Domain.Simulation;
using Docket.Domain.Staffing;
using Docket.Domain.Statistics;
using Docket.Domain.Tests.Support;

namespace Docket.Domain.Tests.Simulation;

/// <summary>In the simulator a case's judge in charge is named at assignment and does all its judges' work.</summary>
public sealed class JudgeInChargeSimulationTests
{
    private static readonly Dictionary<string, int> s_twoJudges = new() { [RoleCatalog.Judge] = 2, [RoleCatalog.Clerk] = 2 };

    /// <summary>Yinzhou's complex "1+1+2" teams (two judges, two clerks): two judge stages and a clerk's stage a case.</summary>
    private static CourtSimulation Run(ulong seed = 7)
    {
        var type = new CaseType("complex", "complex", CaseTrack.Ordinary, 1.0, null, 0,
            [
                new EffortStage("hearing", RoleCatalog.Judge, new ExponentialEffort(20)),
                new EffortStage("service", RoleCatalog.Clerk, new ExponentialEffort(4)),
                new EffortStage("judgment", RoleCatalog.Judge, new ExponentialEffort(20)),
            ], 0);
        var scenario = TestCourts.Court([type], [TestCourts.Intake("complex", 250)],
            [TestCourts.Teams("c", 3, ["complex"], s_twoJudges)], AssignmentSpec.Random, 730, warmup: 0, seed: seed);
        return TestCourts.Simulate(scenario);
    }

    [Fact]
    public void A_two_judge_teams_cases_stay_with_the_judge_put_in_charge_at_assignment()
    {
        var simulation = Run();
        var layout = simulation.Layout;
        var cases = simulation.Cases.ToArray();
        Assert.True(cases.Count(c => c.Status == CaseStatus.Closed) > 300);

        for (var team = 0; team < layout.Teams.Count; team++)
        {
            Assert.Equal(2, layout.JudgesPerTeam[team]);
            for (var judge = 0; judge < 2; judge++)
            {
                // Both judge stages of every case in the judge's charge, and nobody else's: two tasks a closed case,
                // at most two an open one (the window is the whole run).
                var mine = cases.Where(c => c.Team == team && c.Judge == judge).ToList();
                var name = JudgeInCharge.Name(layout.Teams[team].Id, judge);
                Assert.Equal(name, layout.StationName(team, 0, 0, judge));
                Assert.Equal(name, layout.StationName(team, 0, 2, judge));
                var tasks = simulation.Stations.Single(s => s.Name == name).Tasks.Sum();
                var closed = mine.Count(c => c.Status == CaseStatus.Closed);
                Assert.InRange(tasks, 2 * closed, 2 * mine.Count);
                Assert.True(closed > 30, $"{name} closed {closed}");
                Assert.Equal(mine.Count - closed, simulation.Judges.OpenCases(team, judge));
            }
            Assert.Equal($"{layout.Teams[team].Id}/clerk", layout.StationName(team, 0, 1, 1));
        }
    }

    [Fact]
    public void Each_new_case_goes_to_the_judge_of_the_team_with_the_fewest_open_cases()
    {
        var simulation = Run();
        var cases = simulation.Cases.ToArray();

        // Re-play assignments and closures in time order (closures first at a tie) and check the rule at every assignment.
        var events = cases.Where(c => c.Team >= 0)
            .SelectMany(c => double.IsNaN(c.Closed)
                ? new[] { (At: c.Assigned, Close: false, Case: c) }
                : [(At: c.Assigned, Close: false, Case: c), (At: c.Closed, Close: true, Case: c)])
            .OrderBy(e => e.At).ThenBy(e => e.Close ? 0 : 1).ThenBy(e => e.Case.Number);
        var open = new int[simulation.Layout.Teams.Count, 2];
        foreach (var (_, close, c) in events)
        {
            if (close)
            {
                open[c.Team, c.Judge]--;
                continue;
            }
            var expected = open[c.Team, 1] < open[c.Team, 0] ? 1 : 0;
            Assert.True(expected == c.Judge, $"case {c.Number}: judge {c.Judge}, open {open[c.Team, 0]}/{open[c.Team, 1]}");
            open[c.Team, c.Judge]++;
        }
    }

    [Fact]
    public void A_teams_utilisation_and_busy_hours_are_its_judges_added_up()
    {
        var simulation = Run();
        var statistics = CourtStatisticsCollector.Collect(simulation);
        var layout = simulation.Layout;

        foreach (var team in statistics.Teams)
        {
            Assert.Equal(2, team.Judges.Length);
            Assert.Equal(team.Judges.Average(j => j.Utilization), team.Utilization, 12);
            Assert.Equal(team.Closed, team.Judges.Sum(j => j.Closures));
        }
        var judgeStations = simulation.Stations.Where(s => s.HearsCases).ToList();
        Assert.Equal(6, judgeStations.Count);
        Assert.Equal(judgeStations.Sum(s => s.BusyHours.Sum()), statistics.Teams.Sum(t => t.Judges.Sum(j => j.BusyHours)), 6);
        Assert.Equal(judgeStations.Sum(s => s.Tasks.Sum()), statistics.Teams.Sum(t => t.Judges.Sum(j => j.Tasks)));
        Assert.Equal(layout.Teams.Count * 2, layout.JudgesPerTeam.Sum());
    }

    [Fact]
    public void The_same_seed_gives_the_same_judges_and_the_same_summary()
    {
        var first = Run(seed: 3);
        var second = Run(seed: 3);

        Assert.Equal(first.Cases.ToArray().Select(c => (c.Number, c.Team, c.Judge, c.Closed)), second.Cases.ToArray().Select(c => (c.Number, c.Team, c.Judge, c.Closed)));
        Assert.Equal(
            SummaryJson.Serialize(TestCourts.Summarize(first)),
            SummaryJson.Serialize(TestCourts.Summarize(second)));
    }
}
