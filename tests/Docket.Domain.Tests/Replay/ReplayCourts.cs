using Docket.Domain.Courts;
using Docket.Domain.Scenarios;

namespace Docket.Domain.Tests.Replay;

/// <summary>
/// A small court for replays: civil and criminal teams, two leader-led teams taking both, caps of 3 (a pull policy's
/// own cap is lower). With <c>judges</c> 2 the leader-led and criminal teams have two judges each, so the judge in
/// charge is a decision. Both types have statutory limits of a few days; civil is fast-track, extendable once, has a
/// hearing that stands the limit still, closes after its judgment and is archived after, so every balance indicator
/// but the file transfer time (one court: no appeals) has something to count, and an open civil case can have work done.
/// </summary>
internal static class ReplayCourts
{
    public static Court Of(string assignment, int judges = 1)
    {
        // A division head hears cases too: with judges 2 the leader-led team is a division head and a judge.
        var lead = judges == 1 ? "division_head: 1, assistant: 1" : "division_head: 1, judge: 1, assistant: 1";
        var yaml = $$"""
            name: replay
            seed: 3
            days: 365
            warmup_days: 0
            case_types:
              - id: civil
                category: civil
                track: fast_track
                time_limit_days: 2
                extension: { share: 0.2, days: 1, max: 1 }
                closes_after: judgment
                effort:
                  hearing: { dist: fixed, hours: 1, suspends_limit: true }
                  judgment: { dist: fixed, hours: 1 }
                  archiving: { dist: fixed, hours: 1 }
              - { id: criminal, category: criminal, priority: 1, time_limit_days: 3, effort: { judgment: { dist: fixed, hours: 2 } } }
            intake:
              - { type: civil, per_year: 100 }
            teams:
              - { id: civil, count: 4, template: "1+1", accepts: [civil], cap: 3 }
              - { id: lead, count: 2, members: { {{lead}} }, accepts: [civil, criminal], cap: 3 }
              - { id: criminal, count: 3, members: { judge: {{judges}} }, accepts: [criminal], cap: 3 }
            assignment: {{assignment}}
            supervision: { meeting: { papers_days: 0 } }
            """;
        var loaded = ScenarioLoader.Load(yaml, "replay.yaml");
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
        return new Organization(loaded.Scenario!, "replay.yaml").Court("replay")!;
    }
}
