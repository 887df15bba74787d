using Docket.Domain.Balance;
using Docket.Domain.Simulation;
using Docket.Domain.Staffing;

namespace Docket.Domain.Statistics;

/// <summary>Completes a court run's figures (<see cref="CaseFold"/>: its cases, done and open) with its stations into <see cref="CourtStatistics"/>.</summary>
public static class CourtStatisticsCollector
{
    public static CourtStatistics Collect(CourtSimulation simulation)
    {
        var layout = simulation.Layout;
        var scenario = layout.Scenario;
        double w0 = scenario.WarmupDays, w1 = scenario.Days;
        var calendarMonths = scenario.Calendar.Months(w0, w1);
        var months = calendarMonths.Count;
        // The cases done so far are in the court's fold; those still open are added to a copy as they stand.
        var fold = simulation.FoldWithOpenCases();
        ref readonly var n = ref fold.Totals;
        var kinds = fold.Kinds;
        var unassigned = kinds.Length;
        var judgeOffset = fold.JudgeOffset;
        var judgeClosures = fold.JudgeClosures;
        var teamAssigned = fold.TeamAssigned;
        var teamClosed = fold.TeamClosed;
        var teamPending = fold.TeamPending;
        var teamUnits = fold.TeamUnits.ToArray();
        var teamBalance = fold.TeamBalance;
        var courtBalance = fold.CourtBalance;
        var coins = simulation.Coins.TeamCoins.ToArray();
        var stats = new CourtStatistics
        {
            CourtId = layout.CourtId,
            Events = simulation.EventsProcessed,
            SimulatedCases = simulation.CaseCount,
            Deadlines = simulation.Deadlines,
            CoinRounds = simulation.Coins.Rounds(w1),
            Reports = fold.Reports.Complete(simulation),
            Quality = simulation.Quality,
            MeetingReferrals = simulation.Referrals,
            ReceivedInWindow = n.ReceivedInWindow,
            InMediationStart = n.InMediationStart,
            InMediationEnd = n.InMediationEnd,
            Mediated = n.Mediated,
            Flagged = n.Flagged,
            FourType = n.Flagged,
            Designated = n.Designated,
            Escalated = n.Escalated,
            RiskOrdinary = n.RiskOrdinary,
            RiskLarger = n.RiskLarger,
            RiskMajor = n.RiskMajor,
            Filed = n.Filed,
            PendingStart = n.PendingStart,
            Closed = n.Closed,
            ClosedAfterLimit = n.ClosedAfterLimit,
            PendingEnd = n.PendingEnd,
            WaitingEnd = n.WaitingEnd,
            PendingCaseDays = n.PendingCaseDays,
        };
        if (stats.Quality is { } quality)
        {
            quality.WaitingAtEnd = n.ReviewWaiting;
        }
        var filedByMonth = fold.FiledByMonth;
        var closedByMonth = fold.ClosedByMonth;
        var pendingAt = fold.PendingAt();
        var kindAt = fold.PendingByKindAt();
        var deadlines = simulation.Deadlines;
        stats.Months = [.. Enumerable.Range(0, months).Select(m => new MonthStatistics
        {
            Month = m + 1,
            Start = calendarMonths.FirstDate(m).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Days = calendarMonths.Length(m),
            Filed = filedByMonth[m],
            Closed = closedByMonth[m],
            PendingStart = pendingAt[m],
            PendingEnd = pendingAt[m + 1],
            PendingEndByKind = Enumerable.Range(0, kinds.Length + 1).ToDictionary(
                k => k == unassigned ? UnassignedKind : TeamKindName(kinds[k]), k => kindAt[k, m + 1]),
            Locks = m < deadlines.LocksByMonth.Length ? deadlines.LocksByMonth[m] : 0,
            Escalations = m < deadlines.EscalationsByMonth.Length ? deadlines.EscalationsByMonth[m] : 0,
        })];
        stats.TimeToDisposition = [.. fold.TimeToDisposition];
        stats.PendingAges = [.. fold.PendingAges];
        stats.Types = fold.Types();

        stats.Appeals = simulation.Appeals?.Collect(simulation, courtBalance);
        stats.Balance = courtBalance;
        stats.JudgeClosures = judgeClosures;
        stats.SupervisorHours = layout.SupervisorStations.Values.Sum(st => simulation.Stations[st].BusyHours.Sum());
        var calendar = scenario.Calendar;
        var windowHours = calendar.WorkingHoursBefore(w1) - calendar.WorkingHoursBefore(w0);
        var windowYears = QuotaAttainment.YearsBetween(w0, w1);
        stats.Pools = [.. layout.Spec.Pools.Select((pool, p) =>
        {
            var station = simulation.Stations[layout.PoolStations[p]];
            var busy = station.BusyHours.Sum();
            return new PoolStatistics
            {
                Id = layout.PoolIds[p],
                Members = pool.Members.Where(m => m.Value > 0).ToDictionary(m => m.Key, m => m.Value),
                Servers = station.Servers,
                Tasks = station.Tasks.Sum(),
                BusyHours = busy,
                Utilization = windowHours > 0 ? busy / (station.Servers * windowHours) : 0.0,
                WaitingEnd = station.Waiting,
            };
        })];
        // Case 165: every participations_per_case seats in professional judges' meetings count as one case.
        var perCase = layout.Spec.Supervision.Meeting.ParticipationsPerCase;
        for (var t = 0; t < layout.Teams.Count; t++)
        {
            teamUnits[t] += QuotaAttainment.MeetingUnits(simulation.MeetingSeats[t], perCase);
        }
        stats.Teams = new TeamStatistics[layout.Teams.Count];
        for (var t = 0; t < layout.Teams.Count; t++)
        {
            var team = layout.Teams[t];
            // One station per judge (the judge in charge does the case's hearing work), one server each.
            var judgeCount = layout.JudgesPerTeam[t];
            var judges = new JudgeStatistics[judgeCount];
            var busy = 0.0;
            var presentHours = simulation.PresentHours(t, w0, w1);
            for (var s = 0; s < judgeCount; s++)
            {
                var station = simulation.Stations[layout.JudgeStation[t] + s];
                busy += station.BusyHours[0];
                judges[s] = new JudgeStatistics
                {
                    Id = CourtViews.JudgeId(team.Id, s),
                    Tasks = station.Tasks[0],
                    BusyHours = station.BusyHours[0],
                    Utilization = Utilization.Of(station.BusyHours[0], 1, presentHours),
                    Closures = (long)judgeClosures[judgeOffset[t] + s],
                };
            }
            stats.Teams[t] = new TeamStatistics
            {
                Id = team.Id,
                Kind = TeamKindName(team.Kind),
                Members = team.Members.Where(m => m.Value > 0).ToDictionary(m => m.Key, m => m.Value),
                Coefficient = team.Coefficient,
                Quota = team.Quota,
                QuotaUnit = QuotaAttainment.Name(team.QuotaUnit),
                Assigned = teamAssigned[t],
                Closed = teamClosed[t],
                PendingEnd = teamPending[t],
                WorkloadUnits = teamUnits[t],
                QuotaAttainment = QuotaAttainment.Of(team.QuotaUnit, teamClosed[t], teamUnits[t], team.Quota, windowYears),
                Utilization = Utilization.Of(busy, judgeCount, presentHours),
                Judges = judges,
                Coins = coins[t],
                BalanceIndex = teamBalance[t].Indicators().Index(scenario.Balance.Weights),
                MeetingParticipations = simulation.MeetingSeats[t],
            };
            var attainment = stats.Teams[t].QuotaAttainment;
            stats.Teams[t].Score = team.Quota > 0 ? FengtaiScore.Of(attainment) : 0.0;
        }
        return stats;
    }

    /// <summary>The key of <see cref="MonthStatistics.PendingEndByKind"/> for filed cases no team holds yet.</summary>
    public const string UnassignedKind = "unassigned";

    public static string TeamKindName(Staffing.TeamKind kind) => kind switch
    {
        Staffing.TeamKind.FastTrack => "fast_track",
        Staffing.TeamKind.Specialized => "specialized",
        Staffing.TeamKind.Enforcement => "enforcement",
        Staffing.TeamKind.Leadership => "leadership",
        Staffing.TeamKind.PreLitigation => "pre_litigation",
        _ => "general",
    };
}
