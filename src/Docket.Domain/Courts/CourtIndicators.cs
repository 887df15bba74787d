using Docket.Domain.Access;
using Docket.Domain.Balance;
using Docket.Domain.Cases;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using MathNet.Numerics.Statistics;

namespace Docket.Domain.Courts;

/// <summary>
/// A live court's indicators over a window, with summary.json's definitions: the five balance indicators from the
/// one calculator the simulator's statistics use (<see cref="BalanceInputs"/>, fed case by case), the caseload spread
/// by <see cref="Gini"/>. The live service runs no pre-litigation mediation, so the mediation share counts fast-track
/// closures.
/// </summary>
public static class CourtIndicators
{
    public static CourtKpis Compute(CourtState state, DateTimeOffset? since, DateTimeOffset now)
    {
        var court = state.Court;
        var digests = state.Digests;
        // Case numbers follow the ledger, whose times never go backwards: case 1 was filed first.
        var from = since ?? (digests.Count > 0 ? digests[0].FiledAt : now);
        long pendingStart = 0, filed = 0, closed = 0, waiting = 0, lockedNow = 0, overdue = 0;
        long over365 = 0, over548 = 0, over1095 = 0;
        var ages = new List<double>();
        var inputs = new BalanceInputs();
        var waitingAges = new List<double>();
        for (var i = 0; i < digests.Count; i++)
        {
            var d = digests[i];
            if (d.Finished)
            {
                // Finished: closed with every stage done, so neither pending nor locked now.
                var finishedType = court.CaseTypes[d.Type];
                Count(d.FiledAt, d.ClosedAt, d.Extensions, finishedType, d.SuspendedDays);
                if (d.LastStageAt >= from)
                {
                    inputs.Archive(Math.Max(0, (d.LastStageAt - d.ClosedAt).TotalDays));
                }
                continue;
            }
            var c = state.Case(i + 1)!;
            var type = court.CaseTypes[court.TypeIndex(c.Type)];
            var closedAt = c.ClosedAt;
            Count(c.FiledAt, closedAt, c.Extensions, type, CaseClock.Suspension(type, c).Days);
            if (closedAt is { } closure && c.StagesDone == type.Stages.Count && c.Stages.Length > 0 && c.Stages[^1].At >= from)
            {
                inputs.Archive(Math.Max(0, (c.Stages[^1].At - closure).TotalDays));
            }
            if (c.Status != CourtCaseStatus.Closed)
            {
                var age = (now - c.FiledAt).TotalDays;
                ages.Add(age);
                inputs.Pending(age, court.Scenario.Balance.LongPendingDays);
                over365 += age > 365 ? 1 : 0;
                over548 += age > 548 ? 1 : 0;
                over1095 += age > 1095 ? 1 : 0;
                if (c.Status == CourtCaseStatus.Waiting)
                {
                    waiting++;
                    waitingAges.Add(age);
                }
            }
            if (c.StagesDone < type.Stages.Count && type.Nodes.Count > 0)
            {
                var (lockedSince, deadlines) = CaseClock.Evaluate(court, c, now);
                lockedNow += lockedSince is not null ? 1 : 0;
                overdue += deadlines.Any(d => d.ReachedAt is null && d.Due <= now) ? 1 : 0;
            }
        }

        void Count(DateTimeOffset filedAt, DateTimeOffset? closedAt, int extensions, CaseType type, double suspendedDays)
        {
            if (filedAt < from)
            {
                if (closedAt is null || closedAt >= from)
                {
                    pendingStart++;
                }
            }
            else
            {
                filed++;
                inputs.File(extensions);
            }
            if (closedAt is { } at && at >= from)
            {
                closed++;
                inputs.Close(type, (at - filedAt).TotalDays, suspendedDays);
            }
        }
        var sorted = ages.Order().ToArray();
        var waitingSorted = waitingAges.Order().ToArray();
        var pending = sorted.LongLength;
        var indicators = inputs.Indicators();
        var teamsWithJudges = Enumerable.Range(0, court.Layout.Teams.Count).Where(t => court.Layout.Teams[t].Judges > 0);
        var gini = Gini.Of(teamsWithJudges.Select(state.PendingWork));
        return new CourtKpis(
            court.Id, from, now, pendingStart, filed, closed, pending, waiting,
            ClosureRate: pendingStart + filed == 0 ? 0 : (double)closed / (pendingStart + filed),
            ClearanceRatio: filed == 0 ? 0 : (double)closed / filed,
            Ages(sorted),
            new LongPending(over365, over548, over1095),
            new LockCounts(lockedNow, overdue, state.Unlocks),
            new BalanceKpi(indicators.Index(court.Scenario.Balance.Weights), indicators.TimeLimitChangeRate, indicators.TrialTimeIndex,
                indicators.MediationAndSimpleShare, indicators.FileTransferDays, indicators.LongPendingShare, gini),
            Ages(waitingSorted));
    }

    private static PendingAges Ages(double[] sorted) =>
        sorted.Length == 0 ? new PendingAges(0, 0, 0, 0) : new PendingAges(sorted.Average(), Quantile(sorted, 0.5), Quantile(sorted, 0.9), sorted[^1]);

    private static double Quantile(double[] sorted, double tau) => sorted.Length == 0 ? 0.0 : SortedArrayStatistics.Quantile(sorted, tau);
}
