using Docket.Domain.Metrics;
using Docket.Domain.Tests.Scenarios;

namespace Docket.Domain.Tests.Metrics;

/// <summary>Each of Docket's instruments has room for every series a scenario's courts can make, and small scenarios keep the exporter's default.</summary>
public sealed class MetricSeriesTests
{
    private static Domain.Scenarios.Scenario Sample(string file) =>
        ScenarioTestSupport.LoadValid(File.ReadAllText(Path.Combine(ScenarioTestSupport.RepoRoot(), "scenarios", file)));

    [Fact]
    public void The_national_scenario_gets_a_series_for_each_of_its_teams_and_each_courts_kinds_and_types()
    {
        var national = Sample("national.yaml");
        var courts = national.Courts.Sum(c => (long)c.Count);
        var teams = national.Courts.Sum(c => (long)c.Count * c.Teams.Sum(g => g.Count));
        Assert.True(teams > 100_000, $"{teams} teams");

        Assert.InRange(MetricSeries.LimitFor("docket.team.pending_work", national)!.Value, teams, teams + 100);
        Assert.True(MetricSeries.LimitFor("docket.cases.assigned", national) >= courts * national.CaseTypes.Count * (Enum.GetValues<Domain.Staffing.TeamKind>().Length + 1));
        Assert.True(MetricSeries.LimitFor("docket.cases.filed", national) >= courts * national.CaseTypes.Count);
        Assert.True(MetricSeries.LimitFor("docket.deadline.warnings", national) >= courts * 8);
    }

    [Fact]
    public void A_one_court_scenario_keeps_the_exporters_default_for_every_instrument()
    {
        var pooled = Sample("xicheng-pooled.yaml");
        foreach (var name in new[] { "docket.team.pending_work", "docket.cases.assigned", "docket.cases.filed", "docket.deadline.warnings", "docket.balance.index" })
        {
            Assert.Null(MetricSeries.LimitFor(name, pooled));
        }
    }
}
