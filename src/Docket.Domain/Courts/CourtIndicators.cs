using Docket.Domain.Access;
using Docket.Domain.Balance;
using Docket.Domain.Cases;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using MathNet.Numerics.Statistics;

namespace Docket.Domain.Courts;

/// <summary>
/// A live court's indicators over a window, with summary.json's definitions and the domain's balance index
/// (<see cref="BalanceIndicators"/>, <see cref="Gini"/>). The time-limit change rate is the extensions granted in the
/// window ÷ the cases filed in it, as the simulator's; the live service runs no pre-litigation mediation, so the
/// mediation share counts fast-track closures.
/// </summary>
public static class CourtIndicators
{
    public static CourtKpis Compute(CourtState state, DateTimeOffset? since, DateTimeOffset now)
    {
        var court = state.Court;
        var from = since ?? (state.Cases.Any() ? state.Cases.Min(c => c.FiledAt) : now);
        long pendingStart = 0, filed = 0, closed = 0, waiting = 0, lockedNow = 0, overdue = 0;
        long over365 = 0, over548 = 0, over1095 = 0;
        var ages = new List<double>();
        var waitingAges = new List<double>();
        double ttdSum = 0, limitSum = 0, transferSum = 0;
        long ttdCount = 0, limitCount = 0, simpleClosed = 0, transferCount = 0;
        foreach (var c in state.Cases)
        {
            var type = court.CaseTypes[court.TypeIndex(c.Type)];
            var closedAt = c.ClosedAt;
            if (c.FiledAt < from)
            {
                if (closedAt is null || closedAt >= from)
                {
                    pendingStart++;
                }
            }
            else
            {
                filed++;
            }
            if (closedAt is { } at && at >= from)
            {
                closed++;
                var ttd = (at - c.FiledAt).TotalDays;
                ttdSum += ttd;
                ttdCount++;
                if (type.TimeLimitDays is { } limit)
                {
                    limitSum += limit;
                    limitCount++;
                }
                if (type.Track == CaseTrack.FastTrack)
                {
                    simpleClosed++;
                }
                if (c.StagesDone == type.Stages.Count && c.Stages.Length > 0)
                {
                    transferSum += Math.Max(0, (c.Stages[^1].At - at).TotalDays);
                    transferCount++;
                }
            }
            if (c.Status != CourtCase.Closed)
            {
                var age = (now - c.FiledAt).TotalDays;
                ages.Add(age);
                over365 += age > 365 ? 1 : 0;
                over548 += age > 548 ? 1 : 0;
                over1095 += age > 1095 ? 1 : 0;
                if (c.Status == CourtCase.Waiting)
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
        var sorted = ages.Order().ToArray();
        var waitingSorted = waitingAges.Order().ToArray();
        var pending = sorted.LongLength;
        var meanTtd = ttdCount == 0 ? 0 : ttdSum / ttdCount;
        var meanLimit = limitCount == 0 ? 0 : limitSum / limitCount;
        var indicators = new BalanceIndicators(
            TimeLimitChangeRate: filed == 0 ? 0 : (double)state.ExtensionTimes.Count(t => t >= from) / filed,
            TrialTimeIndex: meanLimit > 0 ? meanTtd / meanLimit : 0,
            MediationAndSimpleShare: closed == 0 ? 0 : (double)simpleClosed / closed,
            FileTransferDays: transferCount == 0 ? 0 : transferSum / transferCount,
            LongPendingShare: pending == 0 ? 0 : (double)over365 / pending);
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

    public static TeamCaseload Caseload(CourtState state, int team, DateTimeOffset now)
    {
        var court = state.Court;
        var entries = state.OpenCases(team).Order().Select(n => state.Case(n)!).Select(c => new CaseloadEntry(
            c.Id, c.Type, c.Judge, c.FiledAt, (now - c.FiledAt).TotalDays, CaseClock.IsLocked(court, c, now), CaseProgress.NextStage(court, c)));
        var list = entries.ToArray();
        return new TeamCaseload(court.Layout.Teams[team].Id, court.Id, court.DivisionOf(team), state.AssignedTo(team), list.Length,
            state.ClosedBy(team), state.PendingWork(team), list);
    }

    private static PendingAges Ages(double[] sorted) =>
        sorted.Length == 0 ? new PendingAges(0, 0, 0, 0) : new PendingAges(sorted.Average(), Quantile(sorted, 0.5), Quantile(sorted, 0.9), sorted[^1]);

    private static double Quantile(double[] sorted, double tau) => sorted.Length == 0 ? 0.0 : SortedArrayStatistics.Quantile(sorted, tau);
}
