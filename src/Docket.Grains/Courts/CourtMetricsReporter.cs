using Docket.Domain.Deadlines;
using Docket.Domain.Metrics;
using Docket.Domain.Simulation;
using Docket.Domain.Staffing;
using Docket.Domain.Statistics;

namespace Docket.Grains;

/// <summary>
/// Publishes a simulated court's progress on Docket's meter after each step: the differences of its running totals
/// since the last step (a handful of instrument calls per step, nothing per case), the simulated day, and quota
/// attainment by team kind; the balance index and long-pending count when the run ends.
/// </summary>
internal sealed class CourtMetricsReporter(DocketMetrics metrics, CourtLayout layout)
{
    private readonly SimulationTally _last = new(layout.Scenario.CaseTypes.Count);
    private long _lastCases;

    public void Report(CourtSimulation simulation)
    {
        var tally = simulation.Tally;
        var court = layout.CourtId;
        var types = layout.Scenario.CaseTypes;
        for (var t = 0; t < types.Count; t++)
        {
            Add(metrics.CasesFiled, tally.FiledByType, _last.FiledByType, t, new("court", court), new("case_type", types[t].Id));
            for (var k = 0; k < SimulationTally.Kinds; k++)
            {
                var kind = CourtStatisticsCollector.TeamKindName((Docket.Domain.Staffing.TeamKind)k);
                var i = (k * types.Count) + t;
                Add(metrics.CasesAssigned, tally.AssignedByKindAndType, _last.AssignedByKindAndType, i, new("court", court), new("team_kind", kind), new("case_type", types[t].Id));
                Add(metrics.CasesClosed, tally.ClosedByKindAndType, _last.ClosedByKindAndType, i, new("court", court), new("team_kind", kind), new("case_type", types[t].Id));
            }
        }
        for (var k = 0; k <= SimulationTally.Kinds; k++)
        {
            var kind = k == SimulationTally.Unassigned ? DocketMetrics.UnassignedTeamKind : CourtStatisticsCollector.TeamKindName((Docket.Domain.Staffing.TeamKind)k);
            var delta = tally.PendingByKind[k] - _last.PendingByKind[k];
            if (delta != 0)
            {
                metrics.CasesPending.Add(delta, new("court", court), new("team_kind", kind));
                _last.PendingByKind[k] = tally.PendingByKind[k];
            }
        }
        if (tally.Locks != _last.Locks)
        {
            metrics.Locks.Add(tally.Locks - _last.Locks, new KeyValuePair<string, object?>("court", court));
            _last.Locks = tally.Locks;
        }
        if (tally.Unlocks != _last.Unlocks)
        {
            metrics.Unlocks.Add(tally.Unlocks - _last.Unlocks, new KeyValuePair<string, object?>("court", court));
            _last.Unlocks = tally.Unlocks;
        }
        for (var l = 0; l < tally.WarningsByLevel.Length; l++)
        {
            Add(metrics.Warnings, tally.WarningsByLevel, _last.WarningsByLevel, l, new("court", court), new("level", WarningLevels.NameOf((EscalationLevel)l)));
        }
        metrics.SimulatedCases.Add(simulation.CaseCount - _lastCases, new KeyValuePair<string, object?>("scenario", layout.Scenario.Name));
        _lastCases = simulation.CaseCount;
        metrics.SimulatedDay.Record(simulation.Now, new KeyValuePair<string, object?>("scenario", layout.Scenario.Name));
        ReportQuotaAttainment(simulation);
    }

    public void ReportEnd(CourtStatistics statistics)
    {
        var court = new KeyValuePair<string, object?>("court", layout.CourtId);
        metrics.BalanceIndex.Record(statistics.Balance.Indicators().Index(layout.Scenario.Balance.Weights), court);
        metrics.CasesLongPending.Record(CourtFigures.CountOver(statistics.PendingAges, CourtFigures.OneYear), court);
    }

    private void ReportQuotaAttainment(CourtSimulation simulation)
    {
        // Over the statistics window so far, as summary.json counts its teams: nothing during the warm-up.
        var years = QuotaAttainment.YearsBetween(simulation.WindowStart, simulation.Now);
        if (years <= 0)
        {
            return;
        }
        foreach (var (kind, attainment) in QuotaAttainment.ByKind(layout.Teams.Select(t => (t.Kind, t.Quota)), simulation.QuotaAttained, years))
        {
            metrics.QuotaAttainment.Record(attainment, new("court", layout.CourtId), new("team_kind", CourtStatisticsCollector.TeamKindName(kind)));
        }
    }

    private static void Add(System.Diagnostics.Metrics.Counter<long> counter, long[] now, long[] last, int i, params ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var delta = now[i] - last[i];
        if (delta != 0)
        {
            counter.Add(delta, tags);
            last[i] = now[i];
        }
    }
}
