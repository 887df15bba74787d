using Docket.Domain.Simulation;
using Docket.Domain.Tests.Scenarios;

namespace Docket.Domain.Tests.Simulation;

/// <summary>Two layouts of one court, whatever their scenarios are called, draw the same cases (docket compare's pairing).</summary>
public sealed class CommonRandomNumbersTests
{
    private static CourtSimulation Run(string name, int teams, ulong seed = 3)
    {
        var scenario = ScenarioTestSupport.LoadValid(ScenarioTestSupport.Minimal
            .Replace("name: minimal", $"name: {name}").Replace("days: 3650", "days: 730").Replace("count: 10", $"count: {teams}"));
        var (spec, id) = scenario.ExpandCourts().Single();
        var simulation = new CourtSimulation(new CourtLayout(scenario, spec, id, prefixTeamIds: false), seed);
        simulation.RunToEnd();
        return simulation;
    }

    [Fact]
    public void Scenarios_of_one_court_with_different_names_and_staffing_file_the_same_cases_at_the_same_times()
    {
        var ten = Run("ten-teams", 10);
        var twelve = Run("twelve-teams", 12);
        Assert.True(ten.CaseCount > 100);
        Assert.Equal(ten.CaseCount, twelve.CaseCount);
        for (var i = 0; i < ten.CaseCount; i++)
        {
            Assert.Equal(ten.Case(i).Filed, twelve.Case(i).Filed);
            Assert.Equal(ten.Case(i).Key, twelve.Case(i).Key);
        }
        // Staffing changes when they close, not what was filed.
        Assert.NotEqual(ten.Cases.ToArray().Select(c => c.Closed), twelve.Cases.ToArray().Select(c => c.Closed));
    }

    [Fact]
    public void Another_seed_files_other_cases()
    {
        var a = Run("court", 10, seed: 3);
        var b = Run("court", 10, seed: 4);
        Assert.NotEqual(a.Case(0).Filed, b.Case(0).Filed);
    }
}
