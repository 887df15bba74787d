using Docket.Domain.Assignment;
using Docket.Domain.Balance;
using Docket.Domain.Cases;
using Docket.Domain.Scenarios;
using Docket.Domain.Simulation;
using Docket.Domain.Staffing;
using Docket.Domain.Statistics;
using Docket.Domain.Tests.Support;

namespace Docket.Domain.Tests.Simulation;

/// <summary>What the simulation's team, judge and case grains answer: a court's teams, judges and cases read at its current time.</summary>
public sealed class CourtViewsTests
{
    private static readonly Dictionary<string, int> s_twoJudges = new() { [RoleCatalog.Judge] = 2, [RoleCatalog.Clerk] = 1 };

    private static Scenario Court() => TestCourts.Court(
        [TestCourts.JudgeOnly("civil", 120, weight: 1.5), TestCourts.JudgeOnly("simple", 6, weight: 0.3)],
        [TestCourts.Intake("civil", 300), TestCourts.Intake("simple", 600)],
        [TestCourts.Teams("c", 3, ["civil", "simple"], s_twoJudges)], AssignmentSpec.Random, 400, warmup: 60, seed: 11);

    [Fact]
    public void Mid_run_each_judges_open_docket_is_the_judge_in_charge_rules_count_and_the_judges_dockets_make_up_the_teams()
    {
        var simulation = TestCourts.Prepare(Court());
        simulation.AdvanceTo(150);
        var layout = simulation.Layout;
        for (var t = 0; t < layout.Teams.Count; t++)
        {
            var team = CourtViews.Team(simulation, t);
            Assert.Equal(150, team.Day);
            Assert.True(team.Open > 0);
            Assert.Equal(team.Open, team.OpenCases.Length);
            Assert.Equal(team.OpenCases.Sum(c => c.Type == "civil" ? 1.5 : 0.3), team.PendingWork, 9);
            var judges = Enumerable.Range(0, 2).Select(k => CourtViews.Judge(simulation, t, k)).ToArray();
            for (var k = 0; k < 2; k++)
            {
                // JudgeInCharge keeps its own count of each judge's open cases, updated as cases are assigned and closed.
                Assert.Equal(simulation.Judges.OpenCases(t, k), judges[k].Open);
                Assert.Equal(team.Judges[k], judges[k].Id);
            }
            Assert.Equal(team.OpenCases.Select(c => c.Case), judges.SelectMany(j => j.OpenCases).Select(c => c.Case).Order());
            Assert.Equal(team.Closed, judges.Sum(j => j.Closed));
        }
    }

    [Fact]
    public void At_the_end_a_teams_and_a_judges_figures_so_far_are_summary_jsons()
    {
        var simulation = TestCourts.Prepare(Court());
        simulation.AdvanceTo(200);
        var midRun = CourtViews.Team(simulation, 0);
        simulation.RunToEnd();
        var statistics = CourtStatisticsCollector.Collect(simulation);
        for (var t = 0; t < statistics.Teams.Length; t++)
        {
            var row = statistics.Teams[t];
            var team = CourtViews.Team(simulation, t);
            Assert.Equal((row.Id, row.Kind, row.Assigned, row.Closed, row.PendingEnd), (team.Id, CourtStatisticsCollector.TeamKindName(team.Kind), team.Assigned, team.Closed, team.Open));
            Assert.Equal((row.WorkloadUnits, row.QuotaAttainment, row.Utilization), (team.WorkloadUnits, team.QuotaAttainment, team.Utilization));
            Assert.Equal(row.BalanceIndex, team.Balance.Index);
            for (var k = 0; k < row.Judges.Length; k++)
            {
                var judge = CourtViews.Judge(simulation, t, k);
                Assert.Equal((row.Judges[k].Id, row.Judges[k].Tasks, row.Judges[k].Closures), (judge.Id, judge.Tasks, judge.Closed));
                Assert.Equal((row.Judges[k].BusyHours, row.Judges[k].Utilization), (judge.BusyHours, judge.Utilization));
                Assert.Equal(row.Quota / row.Judges.Length, judge.Quota);
            }
        }
        Assert.True(CourtViews.Team(simulation, 0).Closed > midRun.Closed);
        Assert.True(midRun.Utilization > 0);
    }

    [Fact]
    public void A_case_reads_as_its_record_and_a_case_not_yet_received_reads_as_none()
    {
        var simulation = TestCourts.Prepare(Court());
        simulation.AdvanceTo(100);
        var layout = simulation.Layout;
        var index = Enumerable.Range(0, simulation.CaseCount).First(i => simulation.Case(i).Team >= 0);
        var record = simulation.Case(index);
        var snapshot = CourtViews.Case(simulation, index)!;
        Assert.Equal($"{layout.CourtId}/{index}", snapshot.Id);
        Assert.Equal((record.Number, record.Status, record.Filed, record.Assigned), (snapshot.Number, snapshot.Status, snapshot.Filed, snapshot.Assigned));
        Assert.Equal(layout.Teams[record.Team].Id, snapshot.Team);
        Assert.Equal(CourtViews.JudgeId(layout.Teams[record.Team].Id, record.Judge), snapshot.Judge);
        Assert.Null(CourtViews.Case(simulation, simulation.CaseCount));
        Assert.Equal(-1, CourtViews.TeamIndex(layout, "no-such-team"));
        Assert.Equal(0, CourtViews.TeamIndex(layout, layout.Teams[0].Id));
    }

    [Fact]
    public void A_teams_balance_adds_its_judges_cases_and_measures_how_unevenly_its_judges_hold_open_work()
    {
        var simulation = TestCourts.Prepare(Court());
        simulation.AdvanceTo(250);
        var layout = simulation.Layout;
        for (var t = 0; t < layout.Teams.Count; t++)
        {
            var team = CourtViews.Team(simulation, t);
            var judges = Enumerable.Range(0, 2).Select(k => CourtViews.Judge(simulation, t, k)).ToArray();
            var work = judges.Select(j => j.OpenCases.Sum(c => c.Type == "civil" ? 1.5 : 0.3)).ToArray();
            Assert.Equal(Gini.Of(work), team.Balance.CaseloadGini, 12);
            Assert.All(judges, j => Assert.Equal(0.0, j.Balance.CaseloadGini));
            Assert.True(team.Balance.CaseloadGini > 0);
            Assert.InRange(team.Balance.LongPendingShare, 0, 1);
        }
    }
}
