using Docket.Domain.Courts;
using Docket.Domain.Tests.Replay;

namespace Docket.Domain.Tests.Courts;

/// <summary>The waiting queue as the live court shows it: places in pull order, and when each case escalates.</summary>
public sealed class WaitingQueueViewTests
{
    private const string Yaml = """
        name: queue
        seed: 3
        days: 365
        case_types:
          - id: civil
            effort: { judgment: { dist: fixed, hours: 1 } }
            closes_after: judgment
          - id: urgent
            priority: 3
            effort: { judgment: { dist: fixed, hours: 1 } }
            closes_after: judgment
        intake:
          - { mix: { civil: 0.8, urgent: 0.2 }, per_year: 100 }
        teams:
          - { id: a, count: 1, members: { judge: 1 }, accepts: [civil, urgent], cap: 1, assignment: { policy: pull, escalate_after_days: 30 } }
        """;

    [Fact]
    public void A_waiting_case_shows_when_it_escalates_unless_its_type_waits_in_the_top_lane_already()
    {
        var ledger = new ScenarioLedger(Yaml, "queue");
        var at = LiveLedger.Start.AddHours(1);
        ledger.FileAt("civil", at);
        var civil = ledger.FileAt("civil", at.AddHours(1));
        // The cap is per category: each type's first case is taken, its second waits.
        ledger.FileAt("urgent", at.AddHours(2));
        var urgent = ledger.FileAt("urgent", at.AddHours(3));

        var queue = ledger.State.QueuedCases(at.AddDays(2));

        Assert.Equal([urgent.Id, civil.Id], queue.Select(q => q.Case));
        Assert.Equal([1, 2], queue.Select(q => q.Place));
        Assert.Null(queue[0].EscalatesAt);
        Assert.Equal(civil.FiledAt.AddDays(30), queue[1].EscalatesAt);
        Assert.Equal(2 - 1.0 / 24, queue[1].WaitingDays, 9);
        Assert.False(ledger.State.Escalates(urgent, at.AddDays(90)));
        Assert.True(ledger.State.Escalates(civil, civil.FiledAt.AddDays(30)));
        Assert.False(ledger.State.Escalates(civil, civil.FiledAt.AddDays(30).AddTicks(-1)));
    }
}
