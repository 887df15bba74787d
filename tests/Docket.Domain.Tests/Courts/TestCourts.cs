using Docket.Domain.Courts;
using Docket.Domain.Scenarios;

namespace Docket.Domain.Tests.Courts;

/// <summary>A small court for the court's state machine: civil and criminal teams, two leader-led teams, caps of 3.</summary>
internal static class TestCourts
{
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
            """;
        var loaded = ScenarioLoader.Load(yaml, "replay.yaml");
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
        return new Organization(loaded.Scenario!, "replay.yaml").Court("replay")!;
    }
}
