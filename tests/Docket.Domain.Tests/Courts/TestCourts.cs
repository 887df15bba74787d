using Docket.Domain.Courts;
using Docket.Domain.Scenarios;

namespace Docket.Domain.Tests.Courts;

/// <summary>Courts for the court's state machine.</summary>
internal static class TestCourts
{
    /// <summary>A small court: civil and criminal teams, two leader-led teams, caps of 3; a meeting's papers go out the day it sits.</summary>
    public static Court Replay(string assignment)
    {
        var yaml = $$"""
            name: replay
            seed: 3
            days: 365
            warmup_days: 0
            case_types:
              - { id: civil, category: civil, effort: { hearing: { dist: fixed, hours: 1 }, judgment: { dist: fixed, hours: 1 } } }
              - { id: criminal, category: criminal, effort: { judgment: { dist: fixed, hours: 2 } } }
            intake:
              - { type: civil, per_year: 100 }
            teams:
              - { id: civil, count: 4, template: "1+1", accepts: [civil], cap: 3 }
              - { id: lead, count: 2, template: "1+1+1+1", accepts: [civil, criminal], cap: 3 }
              - { id: criminal, count: 3, members: { judge: 2 }, accepts: [criminal], cap: 3 }
            assignment: {{assignment}}
            supervision: { meeting: { papers_days: 0 } }
            """;
        var loaded = ScenarioLoader.Load(yaml, "replay.yaml");
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
        return new Organization(loaded.Scenario!, "replay.yaml").Court("replay")!;
    }

    /// <summary>The court of scenarios/yancheng-nodes.yaml: case types with process nodes, important ones locking when overdue, and time limits.</summary>
    public static Court Yancheng()
    {
        var loaded = ScenarioLoader.LoadFile(Path.Combine(Tests.Scenarios.ScenarioTestSupport.RepoRoot(), "scenarios", "yancheng-nodes.yaml"));
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
        var organization = new Organization(loaded.Scenario!, "yancheng-nodes.yaml");
        return organization.Court(organization.CourtIds[0])!;
    }
}
