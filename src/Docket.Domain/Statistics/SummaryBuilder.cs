using Docket.Domain.Scenarios;
using MathNet.Numerics.Statistics;

namespace Docket.Domain.Statistics;

/// <summary>
/// Builds summary.json: merges the courts of one replication in a fixed order, then averages replications.
/// Definitions are CONTRACTS.md's: closure_rate = closed ÷ (pending_start + filed); clearance_ratio = closed ÷ filed;
/// pending_time_average = ∫ pending dt ÷ window length; received = mediated + in_mediation_end + filed.
/// </summary>
public static class SummaryBuilder
{
    public static Summary Replication(Scenario scenario, ulong seed, IReadOnlyList<CourtStatistics> courts)
    {
        var window = (double)(scenario.Days - scenario.WarmupDays);
        long Sum(Func<CourtStatistics, long> f) => courts.Sum(f);
        var filed = Sum(c => c.Filed);
        var closed = Sum(c => c.Closed);
        var pendingStart = Sum(c => c.PendingStart);
        var ttd = courts.SelectMany(c => c.TimeToDisposition).ToArray();
        var ages = courts.SelectMany(c => c.PendingAges).ToArray();
        Array.Sort(ttd);
        Array.Sort(ages);
        var months = courts.Max(c => c.Months.Length);
        var types = scenario.CaseTypes.Select((t, i) => (t.Id, i)).ToList();

        return new Summary
        {
            Scenario = scenario.Name,
            Seed = seed,
            Days = scenario.Days,
            WarmupDays = scenario.WarmupDays,
            Replications = 1,
            Cases = new CaseCounts
            {
                Mediated = Sum(c => c.Mediated),
                InMediationEnd = Sum(c => c.InMediationEnd),
                Filed = filed,
                Received = Sum(c => c.Mediated) + Sum(c => c.InMediationEnd) + filed,
                PendingStart = pendingStart,
                Closed = closed,
                PendingEnd = Sum(c => c.PendingEnd),
            },
            ClosureRate = Ratio(closed, pendingStart + filed),
            ClearanceRatio = Ratio(closed, filed),
            TimeToDispositionDays = new DispositionTimes
            {
                Mean = ttd.Length == 0 ? 0 : ttd.Average(),
                P50 = Quantile(ttd, 0.5),
                P90 = Quantile(ttd, 0.9),
                P99 = Quantile(ttd, 0.99),
                Max = ttd.Length == 0 ? 0 : ttd[^1],
            },
            PendingTimeAverage = window > 0 ? courts.Sum(c => c.PendingCaseDays) / window : 0,
            PendingAgeDays = new PendingAges
            {
                Mean = ages.Length == 0 ? 0 : ages.Average(),
                P50 = Quantile(ages, 0.5),
                P90 = Quantile(ages, 0.9),
                Max = ages.Length == 0 ? 0 : ages[^1],
            },
            LongPending = new LongPending
            {
                Over365 = ages.Count(a => a > 365),
                Over548 = ages.Count(a => a > 548),
                Over1095 = ages.Count(a => a > 1095),
            },
            Monthly = [.. Enumerable.Range(0, months).Select(m =>
            {
                var rows = courts.Where(c => m < c.Months.Length).Select(c => c.Months[m]).ToList();
                var f = rows.Sum(r => r.Filed);
                var cl = rows.Sum(r => r.Closed);
                return new MonthRow
                {
                    Month = m + 1,
                    Filed = f,
                    Closed = cl,
                    ClosureRate = Ratio(cl, rows.Sum(r => r.PendingStart) + f),
                    PendingEnd = rows.Sum(r => r.PendingEnd),
                };
            })],
            ByType = [.. types.Select(t =>
            {
                var f = courts.Sum(c => c.Types[t.i].Filed);
                var cl = courts.Sum(c => c.Types[t.i].Closed);
                return new TypeRow
                {
                    Type = t.Id,
                    Filed = f,
                    Closed = cl,
                    MeanTtdDays = cl == 0 ? 0 : courts.Sum(c => c.Types[t.i].DispositionDaysSum) / cl,
                };
            })],
            Teams = [.. courts.SelectMany(c => c.Teams).Select(t => new TeamRow
            {
                Id = t.Id,
                Kind = t.Kind,
                Members = t.Members,
                Coefficient = t.Coefficient,
                Quota = t.Quota,
                Assigned = t.Assigned,
                Closed = t.Closed,
                PendingEnd = t.PendingEnd,
                WorkloadUnits = t.WorkloadUnits,
                QuotaAttainment = t.QuotaAttainment,
                Utilization = t.Utilization,
            })],
            Assignment = new AssignmentCounts
            {
                Flagged = Sum(c => c.Flagged),
                Designated = Sum(c => c.Designated),
                Escalated = Sum(c => c.Escalated),
                WaitingEnd = Sum(c => c.WaitingEnd),
            },
            Courts = [.. courts.Select(c => new CourtRow
            {
                Id = c.CourtId,
                Filed = c.Filed,
                Closed = c.Closed,
                PendingEnd = c.PendingEnd,
                ClosureRate = Ratio(c.Closed, c.PendingStart + c.Filed),
                MeanTtdDays = c.TimeToDisposition.Length == 0 ? 0 : c.TimeToDisposition.Average(),
            })],
            Engine = new EngineFigures
            {
                SimulatedCases = Sum(c => c.SimulatedCases),
                Events = Sum(c => c.Events),
            },
        };
    }

    /// <summary>The mean over replications of every number; with more than one, each replication's own summary too.</summary>
    public static Summary Combine(IReadOnlyList<Summary> runs, EngineFigures engine)
    {
        if (runs.Count == 1)
        {
            return runs[0] with { Engine = engine };
        }
        double Avg(Func<Summary, double> f) => runs.Average(f);
        var first = runs[0];
        return first with
        {
            Replications = runs.Count,
            Cases = new CaseCounts
            {
                Received = Avg(r => r.Cases.Received),
                Mediated = Avg(r => r.Cases.Mediated),
                InMediationEnd = Avg(r => r.Cases.InMediationEnd),
                Filed = Avg(r => r.Cases.Filed),
                PendingStart = Avg(r => r.Cases.PendingStart),
                Closed = Avg(r => r.Cases.Closed),
                PendingEnd = Avg(r => r.Cases.PendingEnd),
            },
            ClosureRate = Avg(r => r.ClosureRate),
            ClearanceRatio = Avg(r => r.ClearanceRatio),
            TimeToDispositionDays = new DispositionTimes
            {
                Mean = Avg(r => r.TimeToDispositionDays.Mean),
                P50 = Avg(r => r.TimeToDispositionDays.P50),
                P90 = Avg(r => r.TimeToDispositionDays.P90),
                P99 = Avg(r => r.TimeToDispositionDays.P99),
                Max = Avg(r => r.TimeToDispositionDays.Max),
            },
            PendingTimeAverage = Avg(r => r.PendingTimeAverage),
            PendingAgeDays = new PendingAges
            {
                Mean = Avg(r => r.PendingAgeDays.Mean),
                P50 = Avg(r => r.PendingAgeDays.P50),
                P90 = Avg(r => r.PendingAgeDays.P90),
                Max = Avg(r => r.PendingAgeDays.Max),
            },
            LongPending = new LongPending
            {
                Over365 = Avg(r => r.LongPending.Over365),
                Over548 = Avg(r => r.LongPending.Over548),
                Over1095 = Avg(r => r.LongPending.Over1095),
            },
            Monthly = [.. first.Monthly.Select((m, i) => new MonthRow
            {
                Month = m.Month,
                Filed = Avg(r => r.Monthly[i].Filed),
                Closed = Avg(r => r.Monthly[i].Closed),
                ClosureRate = Avg(r => r.Monthly[i].ClosureRate),
                PendingEnd = Avg(r => r.Monthly[i].PendingEnd),
            })],
            ByType = [.. first.ByType.Select((t, i) => t with
            {
                Filed = Avg(r => r.ByType[i].Filed),
                Closed = Avg(r => r.ByType[i].Closed),
                MeanTtdDays = Avg(r => r.ByType[i].MeanTtdDays),
            })],
            Teams = [.. first.Teams.Select((t, i) => t with
            {
                Assigned = Avg(r => r.Teams[i].Assigned),
                Closed = Avg(r => r.Teams[i].Closed),
                PendingEnd = Avg(r => r.Teams[i].PendingEnd),
                WorkloadUnits = Avg(r => r.Teams[i].WorkloadUnits),
                QuotaAttainment = Avg(r => r.Teams[i].QuotaAttainment),
                Utilization = Avg(r => r.Teams[i].Utilization),
            })],
            Assignment = new AssignmentCounts
            {
                Flagged = Avg(r => r.Assignment.Flagged),
                Designated = Avg(r => r.Assignment.Designated),
                Escalated = Avg(r => r.Assignment.Escalated),
                WaitingEnd = Avg(r => r.Assignment.WaitingEnd),
            },
            Courts = [.. first.Courts.Select((c, i) => c with
            {
                Filed = Avg(r => r.Courts[i].Filed),
                Closed = Avg(r => r.Courts[i].Closed),
                PendingEnd = Avg(r => r.Courts[i].PendingEnd),
                ClosureRate = Avg(r => r.Courts[i].ClosureRate),
                MeanTtdDays = Avg(r => r.Courts[i].MeanTtdDays),
            })],
            ReplicationsDetail = [.. runs.Select(r => r with { Engine = new EngineFigures { SimulatedCases = r.Engine.SimulatedCases, Events = r.Engine.Events } })],
            Engine = engine,
        };
    }

    private static double Ratio(double a, double b) => b > 0 ? a / b : 0.0;

    private static double Quantile(double[] sorted, double tau) =>
        sorted.Length == 0 ? 0.0 : SortedArrayStatistics.Quantile(sorted, tau);
}
