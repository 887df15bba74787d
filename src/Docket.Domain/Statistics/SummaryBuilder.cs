using Docket.Domain.Balance;
using Docket.Domain.Scenarios;
using Docket.Domain.Simulation;
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
                Coins = t.Coins,
                Score = t.Score,
                BalanceIndex = t.BalanceIndex,
                MeetingParticipations = t.MeetingParticipations,
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
                BalanceIndex = c.Balance.Indicators().Index(scenario.Balance.Weights),
            })],
            Deadlines = Deadlines(courts),
            Locks = new LockFigures
            {
                First = courts.Sum(c => c.Deadlines.LocksFirst),
                Second = courts.Sum(c => c.Deadlines.LocksSecond),
                Unlocked = courts.Sum(c => c.Deadlines.Unlocked),
                MeanLockedDays = Ratio(courts.Sum(c => c.Deadlines.LockedDays), courts.Sum(c => c.Deadlines.Unlocked)),
            },
            Supervision = new SupervisionFigures
            {
                FourType = Sum(c => c.FourType),
                RiskOrdinary = Sum(c => c.RiskOrdinary),
                RiskLarger = Sum(c => c.RiskLarger),
                RiskMajor = Sum(c => c.RiskMajor),
                Meetings = courts.Sum(c => c.Deadlines.Meetings),
                MeetingsRefused = courts.Sum(c => c.Deadlines.MeetingsRefused),
                SupervisorHours = courts.Sum(c => c.SupervisorHours),
            },
            Balance = BalanceOf(scenario, courts, closed, pendingStart + filed),
            Scores = Scores(courts),
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
                Coins = Avg(r => r.Teams[i].Coins),
                Score = Avg(r => r.Teams[i].Score),
                BalanceIndex = Avg(r => r.Teams[i].BalanceIndex),
                MeetingParticipations = Avg(r => r.Teams[i].MeetingParticipations),
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
                BalanceIndex = Avg(r => r.Courts[i].BalanceIndex),
            })],
            Deadlines = new DeadlineFigures
            {
                Warned = Avg(r => r.Deadlines.Warned),
                EscalatedDivisionHead = Avg(r => r.Deadlines.EscalatedDivisionHead),
                EscalatedPresident = Avg(r => r.Deadlines.EscalatedPresident),
                ReferredDiscipline = Avg(r => r.Deadlines.ReferredDiscipline),
                Overdue = Avg(r => r.Deadlines.Overdue),
                ClosedAfterLimit = Avg(r => r.Deadlines.ClosedAfterLimit),
                Extensions = Avg(r => r.Deadlines.Extensions),
                TimeLimitChangeRate = Avg(r => r.Deadlines.TimeLimitChangeRate),
                YellowCards = Avg(r => r.Deadlines.YellowCards),
                RedCards = Avg(r => r.Deadlines.RedCards),
            },
            Locks = new LockFigures
            {
                First = Avg(r => r.Locks.First),
                Second = Avg(r => r.Locks.Second),
                Unlocked = Avg(r => r.Locks.Unlocked),
                MeanLockedDays = Avg(r => r.Locks.MeanLockedDays),
            },
            Supervision = new SupervisionFigures
            {
                FourType = Avg(r => r.Supervision.FourType),
                RiskOrdinary = Avg(r => r.Supervision.RiskOrdinary),
                RiskLarger = Avg(r => r.Supervision.RiskLarger),
                RiskMajor = Avg(r => r.Supervision.RiskMajor),
                Meetings = Avg(r => r.Supervision.Meetings),
                MeetingsRefused = Avg(r => r.Supervision.MeetingsRefused),
                SupervisorHours = Avg(r => r.Supervision.SupervisorHours),
            },
            Balance = new BalanceFigures
            {
                Index = Avg(r => r.Balance.Index),
                MonthsBelowBaseline = Avg(r => r.Balance.MonthsBelowBaseline),
                BelowAnnualBaseline = Avg(r => r.Balance.BelowAnnualBaseline),
                ClosuresGiniTeams = Avg(r => r.Balance.ClosuresGiniTeams),
                ClosuresGiniJudges = Avg(r => r.Balance.ClosuresGiniJudges),
                TimeLimitChangeRate = Avg(r => r.Balance.TimeLimitChangeRate),
                TrialTimeIndex = Avg(r => r.Balance.TrialTimeIndex),
                MediationAndSimpleShare = Avg(r => r.Balance.MediationAndSimpleShare),
                FileTransferDays = Avg(r => r.Balance.FileTransferDays),
                LongPendingShare = Avg(r => r.Balance.LongPendingShare),
            },
            Scores = new ScoreFigures
            {
                CoinsMax = Avg(r => r.Scores.CoinsMax),
                CoinsMin = Avg(r => r.Scores.CoinsMin),
                Spread = Avg(r => r.Scores.Spread),
                ScoreMax = Avg(r => r.Scores.ScoreMax),
                ScoreMin = Avg(r => r.Scores.ScoreMin),
            },
            ReplicationsDetail = [.. runs.Select(r => r with { Engine = new EngineFigures { SimulatedCases = r.Engine.SimulatedCases, Events = r.Engine.Events } })],
            Engine = engine,
        };
    }

    private static DeadlineFigures Deadlines(IReadOnlyList<CourtStatistics> courts)
    {
        var extensions = courts.Sum(c => c.Deadlines.Extensions);
        var closedAfterLimit = courts.Sum(c => c.ClosedAfterLimit);
        var referred = courts.Sum(c => c.Deadlines.ReferredDiscipline);
        return new DeadlineFigures
        {
            Warned = courts.Sum(c => c.Deadlines.Warned),
            EscalatedDivisionHead = courts.Sum(c => c.Deadlines.EscalatedDivisionHead),
            EscalatedPresident = courts.Sum(c => c.Deadlines.EscalatedPresident),
            ReferredDiscipline = referred,
            Overdue = courts.Sum(c => c.Deadlines.Overdue),
            ClosedAfterLimit = closedAfterLimit,
            Extensions = extensions,
            TimeLimitChangeRate = Ratio(extensions, courts.Sum(c => c.Filed)),
            // Case 159's cards: a yellow card for each case closed past its limit, a red one for each referral.
            YellowCards = closedAfterLimit,
            RedCards = referred,
        };
    }

    private static BalanceFigures BalanceOf(Scenario scenario, IReadOnlyList<CourtStatistics> courts, long closed, long accepted)
    {
        var inputs = new BalanceInputs();
        foreach (var court in courts)
        {
            inputs.Add(court.Balance);
        }
        var indicators = inputs.Indicators();
        var months = courts.Max(c => c.Months.Length);
        var below = 0;
        for (var m = 0; m < months; m++)
        {
            var rows = courts.Where(c => m < c.Months.Length).Select(c => c.Months[m]).ToList();
            var rate = Ratio(rows.Sum(r => r.Closed), rows.Sum(r => r.PendingStart) + rows.Sum(r => r.Filed));
            var monthOfYear = (int)((scenario.WarmupDays + ((m + 0.5) * SimulationYear.MonthDays)) % SimulationYear.Days / SimulationYear.MonthDays);
            var baseline = scenario.Balance.MonthlyBaseline;
            if (baseline.Count > 0 && rate < baseline[Math.Min(baseline.Count - 1, monthOfYear)])
            {
                below++;
            }
        }
        return new BalanceFigures
        {
            Index = indicators.Index(scenario.Balance.Weights),
            MonthsBelowBaseline = below,
            BelowAnnualBaseline = Ratio(closed, accepted) < scenario.Balance.AnnualBaseline ? 1 : 0,
            ClosuresGiniTeams = Gini.Of(courts.SelectMany(c => c.Teams).Select(t => (double)t.Closed)),
            ClosuresGiniJudges = Gini.Of(courts.SelectMany(c => c.JudgeClosures)),
            TimeLimitChangeRate = indicators.TimeLimitChangeRate,
            TrialTimeIndex = indicators.TrialTimeIndex,
            MediationAndSimpleShare = indicators.MediationAndSimpleShare,
            FileTransferDays = indicators.FileTransferDays,
            LongPendingShare = indicators.LongPendingShare,
        };
    }

    private static ScoreFigures Scores(IReadOnlyList<CourtStatistics> courts)
    {
        var teams = courts.SelectMany(c => c.Teams).ToList();
        if (teams.Count == 0)
        {
            return new ScoreFigures();
        }
        var coinsMax = teams.Max(t => t.Coins);
        var coinsMin = teams.Min(t => t.Coins);
        var scored = teams.Where(t => t.Quota > 0).ToList();
        return new ScoreFigures
        {
            CoinsMax = coinsMax,
            CoinsMin = coinsMin,
            Spread = Ratio(coinsMax, coinsMin),
            ScoreMax = scored.Count == 0 ? 0 : scored.Max(t => t.Score),
            ScoreMin = scored.Count == 0 ? 0 : scored.Min(t => t.Score),
        };
    }

    private static double Ratio(double a, double b) => b > 0 ? a / b : 0.0;

    private static double Quantile(double[] sorted, double tau) =>
        sorted.Length == 0 ? 0.0 : SortedArrayStatistics.Quantile(sorted, tau);
}
