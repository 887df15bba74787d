using Docket.Domain.Reports;
using Docket.Domain.Scenarios;
using Docket.Domain.Simulation;
using Docket.Domain.Statistics;
using Docket.Domain.Tests.Scenarios;

namespace Docket.Domain.Tests.Reports;

/// <summary>The simulator's reports on their cadence: each day's check is the list the live rule gives at that day's end, and the monthly counts add up.</summary>
public sealed class SimulatedReportsTests
{
    private static (CourtSimulation Simulation, ReportStatistics Reports, Summary Summary) Yancheng()
    {
        var text = File.ReadAllText(Path.Combine(ScenarioTestSupport.RepoRoot(), "scenarios", "yancheng-nodes.yaml"))
            .Replace("days: 730", "days: 500", StringComparison.Ordinal);
        var scenario = ScenarioTestSupport.LoadValid(text);
        var (spec, id) = scenario.ExpandCourts().Single();
        var simulation = new CourtSimulation(new CourtLayout(scenario, spec, id, prefixTeamIds: false), scenario.Seed);
        simulation.RunToEnd();
        var statistics = CourtStatisticsCollector.Collect(simulation);
        return (simulation, statistics.Reports, SummaryBuilder.Replication(scenario, scenario.Seed, [statistics]));
    }

    [Fact]
    public void Each_days_count_is_the_number_of_cases_the_check_lists_at_that_days_end()
    {
        var (simulation, reports, _) = Yancheng();
        var scenario = simulation.Layout.Scenario;
        var nodes = scenario.CaseTypes.Select(CheckNodes.Of).ToArray();
        var warn = simulation.Layout.Spec.Supervision.LimitWarnDays;
        var cases = simulation.Cases.ToArray().Where(c => c.Number > 0)
            .Select(c => new CheckedCase(c.Number, c.Type, c.Team, c.Judge, c.Filed, c.Closed, c.Served, c.Heard, c.Limit)).ToList();
        Assert.Equal(scenario.Days - scenario.WarmupDays, reports.NotServed.Length);
        foreach (var k in new[] { 0, 1, 17, 60, 134 })
        {
            var end = scenario.WarmupDays + k + 1;
            long Listed(CaseCheck check) => cases.Count(c => CheckRules.IsOn(check, c, nodes[c.Type], warn, end));
            Assert.Equal(Listed(CaseCheck.NotServed), reports.NotServed[k]);
            Assert.Equal(Listed(CaseCheck.NoHearing), reports.NoHearing[k]);
            Assert.Equal(Listed(CaseCheck.NearLimit), reports.NearLimit[k]);
        }
        Assert.Contains(reports.NoHearing, n => n > 0);
    }

    [Fact]
    public void The_monthly_counts_cover_the_windows_whole_months_and_every_draw_is_expected_once()
    {
        var (simulation, reports, summary) = Yancheng();
        // Window [2027-01-01, 2027-05-16) (days 365 to 500): January to April whole; whole ISO weeks from Monday 2027-01-04 to W18 (W19 ends on the 16th).
        Assert.Equal(4, reports.Months);
        Assert.Equal("2027-04", reports.LastMonth);
        Assert.Equal("2027-04", summary.Reports.Assignments.LastPeriod);
        Assert.Equal(1, summary.Reports.Rankings.Quarterly.Produced);
        Assert.Equal(0, summary.Reports.Rankings.Yearly.Produced);
        Assert.Equal(reports.PastLimit.Length, (int)summary.Reports.PastLimit.Produced);
        Assert.Equal("2027-W18", reports.LastWeek);
        foreach (var month in simulation.Draws.Periods())
        {
            Assert.Equal(month.Draws, month.Teams.Sum(t => t.Observed));
            Assert.Equal(month.Draws, month.Teams.Sum(t => t.Expected), 6);
        }
        Assert.True(reports.Drawn > 0 && reports.Drawn <= reports.Assigned);
        var divisions = summary.Reports.Caseload.Divisions;
        Assert.Equal(["fast", "civil", "lead", "enforcement", "unassigned"], divisions.Select(d => d.Division));
        Assert.All(divisions, d => Assert.Equal(d.PendingStart + d.Filed, d.Closed + d.PendingEnd));
    }

    [Fact]
    public void A_scenario_without_service_or_hearing_nodes_reports_those_checks_without_counts()
    {
        var scenario = ScenarioTestSupport.LoadValid(ScenarioTestSupport.Minimal.Replace("days: 3650", "days: 500"));
        var (spec, id) = scenario.ExpandCourts().Single();
        var simulation = new CourtSimulation(new CourtLayout(scenario, spec, id, prefixTeamIds: false), scenario.Seed);
        simulation.RunToEnd();
        var summary = SummaryBuilder.Replication(scenario, scenario.Seed, [CourtStatisticsCollector.Collect(simulation)]);
        var check = summary.Reports.DailyCheck;
        Assert.Equal(scenario.Days - scenario.WarmupDays, check.Produced);
        Assert.Equal(0, check.NotServed.Types);
        Assert.Null(check.NotServed.Mean);
        Assert.Null(check.NoHearing.Last);
        Assert.Null(check.NearLimit.Max);
    }
}
