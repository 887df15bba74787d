using System.Text.Json;
using System.Text.Json.Nodes;
using Docket.Domain.Balance;
using Docket.Domain.Scenarios;
using Docket.Domain.Simulation;
using MathNet.Numerics.Statistics;

namespace Docket.Domain.Statistics;

/// <summary>
/// Builds summary.json: merges the courts of one replication in a fixed order, then averages replications.
/// Definitions (docs/summary.md, docs/domain.md): closure_rate = closed ÷ (pending_start + filed); clearance_ratio = closed ÷ filed;
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
        var ttd = Concatenated(courts, c => c.TimeToDisposition);
        var ages = Concatenated(courts, c => c.PendingAges);
        DaySort.Sort(ttd);
        DaySort.Sort(ages);
        var months = courts.Max(c => c.Months.Length);
        var types = scenario.CaseTypes.Select((t, i) => (t.Id, i)).ToList();
        var windowMonths = WindowMonths(courts);
        var shares = ClosureBaselines.MonthShares(windowMonths);

        var summary = new Summary
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
            ClosureRate = CourtFigures.ClosureRate(closed, pendingStart, filed),
            ClearanceRatio = CourtFigures.ClearanceRatio(closed, filed),
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
                Over365 = CourtFigures.CountOver(ages, CourtFigures.LongPendingDays[0]),
                Over548 = CourtFigures.CountOver(ages, CourtFigures.LongPendingDays[1]),
                Over730 = CourtFigures.CountOver(ages, CourtFigures.LongPendingDays[2]),
                Over1095 = CourtFigures.CountOver(ages, CourtFigures.LongPendingDays[3]),
            },
            Monthly = [.. Enumerable.Range(0, months).Select(m =>
            {
                var rows = courts.Where(c => m < c.Months.Length).Select(c => c.Months[m]).ToList();
                var f = rows.Sum(r => r.Filed);
                var cl = rows.Sum(r => r.Closed);
                return new MonthRow
                {
                    Month = m + 1,
                    Start = rows[0].Start,
                    Days = rows[0].Days,
                    Filed = f,
                    Closed = cl,
                    ClosureRate = CourtFigures.ClosureRate(cl, rows.Sum(r => r.PendingStart), f),
                    PendingEnd = rows.Sum(r => r.PendingEnd),
                    ClosureRateBaseline = MonthlyBaseline(scenario, m),
                    ClosureShare = shares[m],
                    PendingEndByKind = PendingByKind(courts, rows),
                    Locks = rows.Sum(r => r.Locks),
                    Escalations = rows.Sum(r => r.Escalations),
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
                QuotaUnit = t.QuotaUnit,
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
                ClosureRate = CourtFigures.ClosureRate(c.Closed, c.PendingStart, c.Filed),
                MeanTtdDays = c.TimeToDisposition.Length == 0 ? 0 : c.TimeToDisposition.Average(),
                BalanceIndex = c.Balance.Indicators().Index(scenario.Balance.Weights),
                AppealsOut = c.Appeals is { Sends: true } sent ? sent.OutByType.Sum() : null,
                AppealsIn = c.Appeals is { Hears: true } heard ? heard.InByType.Sum() : null,
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
            Balance = BalanceOf(scenario, courts, windowMonths, shares, ages),
            Scores = Scores(scenario, courts),
            Reports = ReportsOf(courts),
            TimeToDispositionHistogram = DayBins.Histogram(ttd),
            PendingAgeHistogram = DayBins.Histogram(ages),
            Engine = new EngineFigures
            {
                SimulatedCases = Sum(c => c.SimulatedCases),
                Events = Sum(c => c.Events),
            },
            Pools = [.. courts.SelectMany(c => c.Pools).Select(p => new PoolRow
            {
                Id = p.Id,
                Members = p.Members,
                Servers = p.Servers,
                Tasks = p.Tasks,
                BusyHours = p.BusyHours,
                Utilization = p.Utilization,
                WaitingEnd = p.WaitingEnd,
            })],
            Appeals = AppealsOf(scenario, courts),
            LimitApprovals = LimitApprovalsOf(scenario, courts),
            QualityReview = QualityReviewOf(courts),
            MeetingReferrals = MeetingReferralFigures.Of(courts),
        };
        var steady = SteadyState.Test(summary.Monthly);
        return summary with
        {
            SteadyState = steady,
            Warnings = SteadyState.Warnings(summary.WarmupDays, summary.Cases.PendingStart, steady),
        };
    }

    /// <summary>
    /// The mean over replications of every number of the summary (every field, at every depth, rows matched by
    /// position); with more than one replication, each replication's own summary too, each with its own seed. The
    /// mean carries the first replication's seed: the one asked for.
    /// </summary>
    public static Summary Combine(IReadOnlyList<Summary> runs, EngineFigures engine)
    {
        if (runs.Count == 1)
        {
            return runs[0] with { Engine = engine };
        }
        var details = runs.Select(r => r with { Engine = new EngineFigures { SimulatedCases = r.Engine.SimulatedCases, Events = r.Engine.Events } }).ToList();
        var trees = details.Select(r => JsonSerializer.SerializeToNode(r with { Seed = runs[0].Seed, ReplicationsDetail = null, Engine = engine, Warnings = [] }, SummaryJson.Options)!).ToList();
        var mean = SummaryJson.Deserialize<Summary>(Average(trees).ToJsonString(SummaryJson.Options));
        var tests = runs.Select(r => r.SteadyState).ToList();
        var steady = SteadyState.Combine(tests);
        // Every replication's warning appears: the window's start is the same in each, and a series trending in any
        // replication is named with its mean figures and the number of replications it trends in.
        var warnings = SteadyState.Warnings(mean.WarmupDays, mean.Cases.PendingStart, steady, tests)
            .Concat(runs.SelectMany(r => r.Warnings).Where(w => !s_steadyCodes.Contains(w.Code)))
            .Distinct().ToList();
        return mean with
        {
            Seed = runs[0].Seed,
            Replications = runs.Count,
            ReplicationsDetail = details,
            Engine = engine,
            SteadyState = steady,
            Warnings = warnings,
        };
    }

    private static readonly HashSet<string> s_steadyCodes =
        [SteadyState.StartsEmptyCode, SteadyState.GrowingCode, SteadyState.DrainingCode, SteadyState.UntestedCode];

    private static JsonNode Average(IReadOnlyList<JsonNode> nodes) => nodes[0] switch
    {
        JsonObject first => new JsonObject(first.Select(p => KeyValuePair.Create(p.Key,
            p.Value is null ? null : (JsonNode?)Average([.. nodes.Select(n => n[p.Key]!)])))),
        JsonArray first => new JsonArray([.. first.Select((_, i) => Average([.. nodes.Select(n => n[i]!)]))]),
        JsonValue value when value.TryGetValue<double>(out _) && nodes.Any(n => n.ToJsonString() != value.ToJsonString()) =>
            JsonValue.Create(nodes.Average(n => n.GetValue<double>())),
        var other => other.DeepClone(),
    };

    /// <summary>The courts' published lists merged: daily and weekly counts added day by day, monthly rows side by side (divisions prefixed <c>court/</c> when there are several courts).</summary>
    private static ReportFigures ReportsOf(IReadOnlyList<CourtStatistics> courts)
    {
        var r = courts.Select(c => c.Reports).ToList();
        long[] Added(Func<Reports.ReportStatistics, long[]> series) =>
            [.. Enumerable.Range(0, r.Max(x => series(x).Length)).Select(k => r.Sum(x => k < series(x).Length ? series(x)[k] : 0))];
        CheckFigures Check(Func<Reports.ReportStatistics, long[]> series, Func<Reports.ReportStatistics, int> types)
        {
            var counts = Added(series);
            var checkedTypes = r.Max(types);
            return checkedTypes == 0 || counts.Length == 0 ? new CheckFigures { Types = checkedTypes }
                : new CheckFigures { Types = checkedTypes, Mean = counts.Average(), Max = counts.Max(), Last = counts[^1] };
        }
        RankingFigures Ranking(Func<Reports.ReportStatistics, Reports.RankingStatistics> of)
        {
            var produced = r.Select(of).Where(x => x.Teams > 0).ToList();
            return new RankingFigures
            {
                Produced = r.Max(x => of(x).Produced),
                LastPeriod = r.Select(of).FirstOrDefault(x => x.LastPeriod is not null)?.LastPeriod,
                Teams = produced.Sum(x => x.Teams),
                TopUnits = produced.Count == 0 ? 0 : produced.Max(x => x.TopUnits),
                BottomUnits = produced.Count == 0 ? 0 : produced.Min(x => x.BottomUnits),
            };
        }
        var pastLimit = Added(x => x.PastLimit);
        var several = courts.Count > 1;
        return new ReportFigures
        {
            DailyCheck = new DailyCheckFigures
            {
                Produced = r.Max(x => x.NotServed.Length),
                NotServed = Check(x => x.NotServed, x => x.ServiceTypes),
                NoHearing = Check(x => x.NoHearing, x => x.HearingTypes),
                NearLimit = Check(x => x.NearLimit, x => x.LimitTypes),
            },
            PastLimit = new PastLimitFigures
            {
                Produced = pastLimit.Length,
                LastPeriod = r[0].LastWeek,
                Mean = pastLimit.Length == 0 ? 0 : pastLimit.Average(),
                Max = pastLimit.Length == 0 ? 0 : pastLimit.Max(),
                Last = pastLimit.Length == 0 ? 0 : pastLimit[^1],
            },
            Assignments = new AssignmentReportFigures
            {
                Produced = r.Max(x => x.Months),
                LastPeriod = r[0].LastMonth,
                Judges = r.Sum(x => x.Judges),
                Assigned = r.Sum(x => x.Assigned),
                Drawn = r.Sum(x => x.Drawn),
                MaxAbsDeviation = r.Max(x => x.MaxAbsDeviation),
                MaxAbsResidual = r.Max(x => x.MaxAbsResidual),
                Departing = r.Sum(x => x.Departing),
                LastJudges = [.. r.SelectMany(x => x.LastJudgeCounts).Select(j => new JudgeCountRow
                {
                    Team = j.Team,
                    Judge = j.Judge,
                    Assigned = j.Assigned,
                    Drawn = j.Drawn,
                    Expected = j.Expected,
                    Deviation = j.Deviation,
                    TeamResidual = j.TeamResidual,
                })],
            },
            Caseload = new CaseloadReportFigures
            {
                Produced = r.Max(x => x.Months),
                LastPeriod = r[0].LastMonth,
                Divisions = [.. courts.SelectMany(c => c.Reports.LastCaseload.Select(d => new DivisionCaseloadRow
                {
                    Division = several ? $"{c.CourtId}/{d.Division}" : d.Division,
                    PendingStart = d.PendingStart,
                    Filed = d.Filed,
                    Closed = d.Closed,
                    PendingEnd = d.PendingEnd,
                }))],
            },
            Rankings = new RankingReportFigures { Quarterly = Ranking(x => x.Quarterly), Yearly = Ranking(x => x.Yearly) },
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
            // One definition, the balance indicator's: extensions granted to the cases filed in the window ÷ those cases.
            TimeLimitChangeRate = Merged(courts).Indicators().TimeLimitChangeRate,
            // Case 159's cards are the findings of quality review, not deadline outcomes (those are closed_after_limit
            // and referred_discipline): none where no court has a quality review.
            YellowCards = courts.Sum(c => c.Quality?.YellowCards ?? 0),
            RedCards = courts.Sum(c => c.Quality?.RedCards ?? 0),
        };
    }

    private static BalanceInputs Merged(IReadOnlyList<CourtStatistics> courts)
    {
        var inputs = new BalanceInputs();
        foreach (var court in courts)
        {
            inputs.Add(court.Balance);
        }
        return inputs;
    }

    /// <summary>The window's months summed over the courts: pending at each month's start, filed and closed in it.</summary>
    private static ClosureBaselines.Month[] WindowMonths(IReadOnlyList<CourtStatistics> courts)
    {
        var months = courts.Max(c => c.Months.Length);
        return [.. Enumerable.Range(0, months).Select(m =>
        {
            var rows = courts.Where(c => m < c.Months.Length).Select(c => c.Months[m]).ToList();
            return new ClosureBaselines.Month(rows.Sum(r => r.PendingStart), rows.Sum(r => r.Filed), rows.Sum(r => r.Closed));
        })];
    }

    private static BalanceFigures BalanceOf(Scenario scenario, IReadOnlyList<CourtStatistics> courts,
        IReadOnlyList<ClosureBaselines.Month> months, double[] shares, double[] ages)
    {
        var merged = Merged(courts);
        var indicators = merged.Indicators();
        var below = 0;
        if (scenario.Balance.MonthlyBaseline.Count > 0)
        {
            for (var m = 0; m < shares.Length; m++)
            {
                below += shares[m] < MonthlyBaseline(scenario, m) ? 1 : 0;
            }
        }
        return new BalanceFigures
        {
            Index = indicators.Index(scenario.Balance.Weights),
            MonthsBelowBaseline = below,
            BelowAnnualBaseline = ClosureBaselines.YearRates(months).Count(r => r < scenario.Balance.AnnualBaseline),
            ClosuresGiniTeams = Gini.Of(courts.SelectMany(c => c.Teams).Select(t => (double)t.Closed)),
            ClosuresGiniJudges = Gini.Of(courts.SelectMany(c => c.JudgeClosures)),
            TimeLimitChangeRate = indicators.TimeLimitChangeRate,
            TrialTimeIndex = indicators.TrialTimeIndex,
            MediationAndSimpleShare = indicators.MediationAndSimpleShare,
            FileTransferDays = indicators.FileTransferDays,
            FileTransferNote = indicators.FileTransferDays is null ? NoAppealsNote : null,
            ClosureToArchiveDays = indicators.ClosureToArchiveDays,
            LongPendingShare = indicators.LongPendingShare,
            LongPendingDays = scenario.Balance.LongPendingDays,
            LongPending = merged.LongPending,
            PendingOver3Years = ages.Count(a => a > LongPendingBaselineDays),
        };
    }

    /// <summary>Conversions and capped extensions summed over the courts; null when no case type has a conversion or an extension cap.</summary>
    private static LimitApprovalFigures? LimitApprovalsOf(Scenario scenario, IReadOnlyList<CourtStatistics> courts)
    {
        if (!scenario.CaseTypes.Any(t => t.Conversion is not null || t.Extension?.Max is not null))
        {
            return null;
        }
        double Sum(Func<Simulation.DeadlineCounters, double> of) => courts.Sum(c => of(c.Deadlines));
        var decided = Sum(d => d.ConversionsApproved + d.ConversionsRefused);
        var byHigherCourt = Sum(d => d.ExtensionsByHigherCourt);
        return new LimitApprovalFigures
        {
            ConversionsRequested = Sum(d => d.ConversionsRequested),
            ConversionsApproved = Sum(d => d.ConversionsApproved),
            ConversionsRefused = Sum(d => d.ConversionsRefused),
            ConversionMeanWaitDays = decided > 0 ? Sum(d => d.ConversionWaitDays) / decided : 0,
            ExtensionsWithinCap = Sum(d => d.ExtensionsWithinCap),
            ExtensionsToHigherCourt = Sum(d => d.ExtensionsToHigherCourt),
            ExtensionsByHigherCourt = byHigherCourt,
            HigherCourtMeanWaitDays = byHigherCourt > 0 ? Sum(d => d.HigherCourtWaitDays) / byHigherCourt : 0,
            ExtensionsRefusedAtCap = Sum(d => d.ExtensionsRefusedAtCap),
        };
    }

    /// <summary>Quality review summed over the courts that have one; null when none has.</summary>
    private static QualityReviewFigures? QualityReviewOf(IReadOnlyList<CourtStatistics> courts)
    {
        var reviewing = courts.Select(c => c.Quality).OfType<Simulation.QualityCounters>().ToList();
        if (reviewing.Count == 0)
        {
            return null;
        }
        double Sum(Func<Simulation.QualityCounters, double> of) => reviewing.Sum(of);
        var archived = Sum(q => q.ArchivedAfterReview);
        return new QualityReviewFigures
        {
            Sessions = Sum(q => q.Sessions),
            CasesReviewed = Sum(q => q.Reviewed),
            ByCategory = Sum(q => q.ByCategory),
            BySample = Sum(q => q.BySample),
            ByJudge = Sum(q => q.ByJudge),
            Passed = Sum(q => q.Passed),
            YellowCards = Sum(q => q.YellowCards),
            RedCards = Sum(q => q.RedCards),
            RedForRepeat = Sum(q => q.RedForRepeat),
            JudgeYears = Sum(q => q.JudgesClosing),
            JudgeYearsReviewed = Sum(q => q.JudgesReviewed),
            JudgeYearsMissed = Sum(q => q.JudgesClosing - q.JudgesReviewed),
            WaitingForReview = Sum(q => q.WaitingAtEnd),
            MeanDaysClosureToArchive = archived > 0 ? Sum(q => q.ReviewedArchiveDays) / archived : 0,
            ReviewerHours = Sum(q => q.ReviewerHours),
            JudgeFixHours = Sum(q => q.JudgeFixHours),
        };
    }

    /// <summary>Appeals summed over the courts; null when no court of the scenario appeals.</summary>
    private static AppealFigures? AppealsOf(Scenario scenario, IReadOnlyList<CourtStatistics> courts)
    {
        var appeals = courts.Select(c => c.Appeals).OfType<Appeals.AppealStatistics>().ToList();
        if (!appeals.Any(a => a.Sends))
        {
            return null;
        }
        var routes = scenario.Courts.Select(c => c.Appeals).OfType<Appeals.AppealSpec>().SelectMany(a => a.Routes).ToList();
        Dictionary<string, double> ByType(IEnumerable<string> named, Func<Appeals.AppealStatistics, long[]> counts) =>
            scenario.CaseTypes.Select((t, i) => (t.Id, i)).Where(t => named.Contains(t.Id))
                .ToDictionary(t => t.Id, t => (double)appeals.Sum(a => counts(a)[t.i]));
        return new AppealFigures
        {
            Out = appeals.Sum(a => a.OutByType.Sum()),
            In = appeals.Sum(a => a.InByType.Sum()),
            InTransitStart = appeals.Sum(a => a.InTransitStart),
            InTransitEnd = appeals.Sum(a => a.InTransitEnd),
            Returned = appeals.Sum(a => a.Returned),
            ReturningEnd = appeals.Sum(a => a.ReturningEnd),
            OutByType = ByType(routes.Select(r => r.Type), a => a.OutByType),
            InByType = ByType(routes.Select(r => r.AppealType), a => a.InByType),
        };
    }

    /// <summary>Why the file transfer time between court levels is absent.</summary>
    public const string NoAppealsNote =
        "no case was appealed to a court above in the window: the transfer time between court levels is undefined, and the index leaves it out";

    /// <summary>Anhui's long-pending baseline (case 160): no case pending over 3 years (1,095 days).</summary>
    public const double LongPendingBaselineDays = 1095;

    /// <summary>The monthly closure-rate baseline for window month <paramref name="m"/> (by its calendar month: January the first), 0 when none is set.</summary>
    public static double MonthlyBaseline(Scenario scenario, int m)
    {
        var baseline = scenario.Balance.MonthlyBaseline;
        if (baseline.Count == 0)
        {
            return 0;
        }
        var monthOfYear = scenario.Calendar.Months(scenario.WarmupDays, scenario.Days).FirstDate(m).Month - 1;
        return baseline[Math.Min(baseline.Count - 1, monthOfYear)];
    }

    /// <summary>Every court's kinds (in the order first met, courts in order), each summed over the courts.</summary>
    private static Dictionary<string, double> PendingByKind(IReadOnlyList<CourtStatistics> courts, IReadOnlyList<MonthStatistics> rows)
    {
        var kinds = courts.Where(c => c.Months.Length > 0).SelectMany(c => c.Months[0].PendingEndByKind.Keys).Distinct()
            .OrderBy(k => k == CourtStatisticsCollector.UnassignedKind ? 1 : 0).ToList();
        return kinds.ToDictionary(k => k, k => (double)rows.Sum(r => r.PendingEndByKind.GetValueOrDefault(k)));
    }

    private static ScoreFigures Scores(Scenario scenario, IReadOnlyList<CourtStatistics> courts)
    {
        var teams = courts.SelectMany(c => c.Teams).ToList();
        if (teams.Count == 0)
        {
            return new ScoreFigures();
        }
        var coinsMax = teams.Max(t => t.Coins);
        var coinsMin = teams.Min(t => t.Coins);
        var scored = teams.Where(t => t.Quota > 0).ToList();
        var rounds = CoinRoundRows(scenario, courts);
        return new ScoreFigures
        {
            Rounds = rounds,
            Moves = rounds.Sum(r => r.Moves),
            PersonMoves = rounds.Sum(r => r.PersonMoves),
            CoinsMax = coinsMax,
            CoinsMin = coinsMin,
            Spread = Ratio(coinsMax, coinsMin),
            ScoreMax = scored.Count == 0 ? 0 : scored.Max(t => t.Score),
            ScoreMin = scored.Count == 0 ? 0 : scored.Min(t => t.Score),
        };
    }

    /// <summary>Every court's coin rounds, courts in order (docs/summary.md, <c>scores.rounds</c>).</summary>
    private static List<CoinRoundRow> CoinRoundRows(Scenario scenario, IReadOnlyList<CourtStatistics> courts)
    {
        var categories = scenario.CaseTypes.Select(t => t.Category).Distinct().ToList();
        var rows = new List<CoinRoundRow>();
        foreach (var court in courts)
        {
            foreach (var round in court.CoinRounds)
            {
                var months = (round.ToDay - round.FromDay) / (SimulationYear.Days / 12);
                var sorted = round.JudgeMonthlyCoins.Order().ToArray();
                rows.Add(new CoinRoundRow
                {
                    Court = court.CourtId,
                    Round = round.Index,
                    FromDay = round.FromDay,
                    ToDay = round.ToDay,
                    Coins = scenario.CaseTypes.Select((t, i) => (t.Id, i)).ToDictionary(t => t.Id, t => round.TypeCoins[t.i]),
                    Judges = categories.Select((c, i) => (c, i)).ToDictionary(c => c.c, c => round.CategoryJudges[c.i]),
                    MonthlyCoinsBySpecialty = categories.Select((c, i) => (c, i)).ToDictionary(c => c.c,
                        c => months > 0 ? CoinMarket.Pay(round.CategoryCoins[c.i], round.CategoryJudges[c.i]) / months : 0.0),
                    MonthlyCoinsMin = sorted.Length == 0 ? 0 : sorted[0],
                    MonthlyCoinsP10 = sorted.Length == 0 ? 0 : CoinMarket.NearestRank(sorted, 0.1),
                    MonthlyCoinsP90 = sorted.Length == 0 ? 0 : CoinMarket.NearestRank(sorted, 0.9),
                    MonthlyCoinsMax = sorted.Length == 0 ? 0 : sorted[^1],
                    Spread = CoinMarket.Spread(sorted),
                    Moves = round.Moves.Count,
                    PersonMoves = round.Moves.Sum(m => m.People),
                });
            }
        }
        return rows;
    }

    /// <summary>The courts' arrays end to end, in court order (copied, not enumerated: a court's year has ~10⁶ entries).</summary>
    private static double[] Concatenated(IReadOnlyList<CourtStatistics> courts, Func<CourtStatistics, double[]> of)
    {
        var all = new double[courts.Sum(c => (long)of(c).Length)];
        var at = 0;
        foreach (var court in courts)
        {
            of(court).CopyTo(all, at);
            at += of(court).Length;
        }
        return all;
    }

    private static double Ratio(double a, double b) => b > 0 ? a / b : 0.0;

    private static double Quantile(double[] sorted, double tau) => CourtFigures.Quantile(sorted, tau);
}
