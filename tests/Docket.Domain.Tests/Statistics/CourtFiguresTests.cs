using Docket.Domain.Courts;
using Docket.Domain.Statistics;
using Docket.Domain.Tests.Courts;
using Docket.Domain.Tests.Replay;

namespace Docket.Domain.Tests.Statistics;

/// <summary>The figures summary.json, the live KPIs and the dockets' figures share, each defined once.</summary>
public sealed class CourtFiguresTests
{
    private const string Yaml = """
        name: figures
        seed: 3
        days: 365
        case_types:
          - id: civil
            effort: { judgment: { dist: fixed, hours: 1 } }
            closes_after: judgment
        intake:
          - { mix: { civil: 1 }, per_year: 100 }
        teams:
          - { id: a, count: 2, members: { judge: 1 }, accepts: [civil] }
        assignment: { policy: random }
        """;

    [Fact]
    public void A_case_is_long_pending_only_strictly_past_each_threshold()
    {
        double[] ages = [365, 365.5, 548, 549, 730.1, 1095, 1096];
        Assert.Equal([6, 4, 3, 1], CourtFigures.LongPendingDays.Select(d => CourtFigures.CountOver(ages, d)));
        Assert.Equal(0.5, CourtFigures.ClosureRate(closed: 5, pendingStart: 4, filed: 6));
        Assert.Equal(0, CourtFigures.ClosureRate(0, 0, 0));
        Assert.Equal(0, CourtFigures.ClearanceRatio(3, 0));
    }

    [Fact]
    public void The_live_court_counts_long_pending_cases_at_summary_json_s_four_thresholds()
    {
        var ledger = new ScenarioLedger(Yaml, "figures");
        var now = LiveLedger.Start.AddDays(1200);
        // Ages at `now`: 1,150, 1,000, 600, 400 and 100 days.
        foreach (var age in new[] { 1150, 1000, 600, 400, 100 })
        {
            ledger.FileAt("civil", now.AddDays(-age));
        }

        var kpis = CourtIndicators.Compute(ledger.State, new FinishedCaseTable(), null, now);

        Assert.Equal(new Docket.Domain.Courts.LongPending(Over365: 4, Over548: 3, Over1095: 1, Over730: 2), kpis.LongPending);
        Assert.Equal(CourtFigures.ClosureRate(kpis.Closed, kpis.PendingStart, kpis.Filed), kpis.ClosureRate);
    }
}
