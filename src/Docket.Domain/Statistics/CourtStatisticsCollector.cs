using Docket.Domain.Balance;
using Docket.Domain.Cases;
using Docket.Domain.Simulation;
using Docket.Domain.Staffing;
using Docket.Domain.Supervision;

namespace Docket.Domain.Statistics;

/// <summary>Reads a finished court run's case records and stations into <see cref="CourtStatistics"/>.</summary>
public static class CourtStatisticsCollector
{
    public static CourtStatistics Collect(CourtSimulation simulation)
    {
        var layout = simulation.Layout;
        var scenario = layout.Scenario;
        double w0 = scenario.WarmupDays, w1 = scenario.Days;
        // Calendar months of the scenario's calendar (the first and last may be part-months).
        var calendarMonths = scenario.Calendar.Months(w0, w1);
        var months = calendarMonths.Count;
        var filedByMonth = new long[months];
        var closedByMonth = new long[months];
        var pendingDiff = new long[months + 2];
        // Pending at month ends by the kind of the team holding the case; the last slot is for cases no team holds yet.
        var kinds = layout.Teams.Select(t => t.Kind).Distinct().Order().ToArray();
        var kindSlot = layout.Teams.Select(t => Array.IndexOf(kinds, t.Kind)).ToArray();
        var unassigned = kinds.Length;
        var kindDiff = new long[kinds.Length + 1, months + 2];
        var types = scenario.CaseTypes.Select(t => new TypeStatistics { Type = t.Id }).ToArray();
        var teamAssigned = new long[layout.Teams.Count];
        var teamClosed = new long[layout.Teams.Count];
        var teamPending = new long[layout.Teams.Count];
        var teamUnits = new double[layout.Teams.Count];
        var teamBalance = layout.Teams.Select(_ => new BalanceInputs()).ToArray();
        var judgeOffset = new int[layout.Teams.Count + 1];
        for (var t = 0; t < layout.Teams.Count; t++)
        {
            judgeOffset[t + 1] = judgeOffset[t] + layout.JudgesPerTeam[t];
        }
        var judgeClosures = new double[judgeOffset[^1]];
        var coins = simulation.Coins.TeamCoins.ToArray();
        var courtBalance = new BalanceInputs();
        var ttd = new List<double>(simulation.CaseCount);
        var ages = new List<double>();
        var stats = new CourtStatistics
        {
            CourtId = layout.CourtId,
            Events = simulation.EventsProcessed,
            SimulatedCases = simulation.CaseCount,
            Deadlines = simulation.Deadlines,
            CoinRounds = simulation.Coins.Rounds(w1),
            Reports = Reports.SimulatedReports.Collect(simulation),
            Quality = simulation.Quality,
            MeetingReferrals = simulation.Referrals,
        };

        long reviewWaiting = 0;
        foreach (ref readonly var c in simulation.Cases)
        {
            var mediation = (c.Flags & CaseFlags.Mediation) != 0;
            if (c.Received >= w0 && c.Received < w1)
            {
                stats.ReceivedInWindow++;
            }
            if (mediation)
            {
                var mediationEnd = c.Status switch
                {
                    CaseStatus.InMediation => double.PositiveInfinity,
                    CaseStatus.Mediated => c.Closed,
                    _ => c.Filed,
                };
                if (c.Received < w0 && mediationEnd >= w0)
                {
                    stats.InMediationStart++;
                }
                if (c.Status == CaseStatus.InMediation)
                {
                    stats.InMediationEnd++;
                }
                if (c.Status == CaseStatus.Mediated)
                {
                    if (c.Closed >= w0)
                    {
                        stats.Mediated++;
                        courtBalance.Mediated++;
                    }
                    continue;
                }
            }
            if (double.IsNaN(c.Filed))
            {
                continue;
            }
            if (c.Filed >= w0)
            {
                // Counted for the cases filed in the window, whenever the flag, designation or escalation came.
                stats.Flagged += (c.Flags & CaseFlags.Flagged) != 0 ? 1 : 0;
                stats.Designated += (c.Flags & CaseFlags.Designated) != 0 ? 1 : 0;
                stats.Escalated += (c.Flags & CaseFlags.Escalated) != 0 ? 1 : 0;
                stats.FourType += (c.Flags & CaseFlags.Flagged) != 0 ? 1 : 0;
                stats.RiskOrdinary += c.Risk == RiskLevel.Ordinary ? 1 : 0;
                stats.RiskLarger += c.Risk == RiskLevel.Larger ? 1 : 0;
                stats.RiskMajor += c.Risk == RiskLevel.Major ? 1 : 0;
                courtBalance.File(c.Extensions);
                if (c.Team >= 0)
                {
                    teamBalance[c.Team].File(c.Extensions);
                }
            }
            var closed = c.Status == CaseStatus.Closed;
            if (c.Filed >= w0)
            {
                stats.Filed++;
                filedByMonth[calendarMonths.IndexOf(c.Filed)]++;
                types[c.Type].Filed++;
            }
            else if (!(closed && c.Closed < w0))
            {
                stats.PendingStart++;
            }
            if (c.Team >= 0 && c.Assigned >= w0)
            {
                teamAssigned[c.Team]++;
            }
            if (closed && c.Closed >= w0)
            {
                var days = c.Closed - c.Filed;
                stats.Closed++;
                ttd.Add(days);
                closedByMonth[calendarMonths.IndexOf(c.Closed)]++;
                types[c.Type].Closed++;
                types[c.Type].DispositionDaysSum += days;
                teamClosed[c.Team]++;
                teamUnits[c.Team] += layout.TypeWeight[c.Type];
                judgeClosures[judgeOffset[c.Team] + c.Judge]++;
                if (c.Closed > c.Limit)
                {
                    stats.ClosedAfterLimit++;
                }
                var type = scenario.CaseTypes[c.Type];
                courtBalance.Close(type, days, c.SuspendedDays);
                teamBalance[c.Team].Close(type, days, c.SuspendedDays);
            }
            if (closed && c.Archived >= w0)
            {
                courtBalance.Archive(c.Archived - c.Closed);
                teamBalance[c.Team].Archive(c.Archived - c.Closed);
            }
            if ((c.Flags & CaseFlags.ReviewHeld) != 0 && double.IsNaN(c.Archived))
            {
                reviewWaiting++;
            }
            var until = closed ? c.Closed : w1;
            if (until > w0)
            {
                stats.PendingCaseDays += until - Math.Max(c.Filed, w0);
            }
            if (!closed)
            {
                stats.PendingEnd++;
                ages.Add(w1 - c.Filed);
                courtBalance.Pending(w1 - c.Filed, scenario.Balance.LongPendingDays);
                if (c.Team >= 0)
                {
                    teamBalance[c.Team].Pending(w1 - c.Filed, scenario.Balance.LongPendingDays);
                }
                if (c.Team >= 0)
                {
                    teamPending[c.Team]++;
                }
                else
                {
                    stats.WaitingEnd++;
                }
            }
            // Pending at month boundary k (the start of month k, the last one w1) for k in [first, last].
            var first = calendarMonths.FirstBoundaryAfter(c.Filed);
            var last = !closed ? months : Math.Min(months, calendarMonths.FirstBoundaryAfter(c.Closed) - 1);
            if (first <= last && first <= months)
            {
                pendingDiff[first]++;
                pendingDiff[last + 1]--;
                // Split at assignment: waiting for a team up to it, held by the team's kind after it.
                var lastWaiting = !(c.Assigned >= w0) ? (double.IsNaN(c.Assigned) ? last : -1)
                    : Math.Min(last, calendarMonths.FirstBoundaryAfter(c.Assigned) - 1);
                if (first <= lastWaiting)
                {
                    kindDiff[unassigned, first]++;
                    kindDiff[unassigned, lastWaiting + 1]--;
                }
                var firstHeld = Math.Max(first, lastWaiting + 1);
                if (c.Team >= 0 && firstHeld <= last)
                {
                    kindDiff[kindSlot[c.Team], firstHeld]++;
                    kindDiff[kindSlot[c.Team], last + 1]--;
                }
            }
        }

        if (stats.Quality is { } quality)
        {
            quality.WaitingAtEnd = reviewWaiting;
        }

        var pendingAt = new long[months + 1];
        var running = 0L;
        for (var k = 0; k <= months; k++)
        {
            running += pendingDiff[k];
            pendingAt[k] = running;
        }
        var kindAt = new long[kinds.Length + 1, months + 1];
        for (var k = 0; k <= kinds.Length; k++)
        {
            var held = 0L;
            for (var m = 0; m <= months; m++)
            {
                held += kindDiff[k, m];
                kindAt[k, m] = held;
            }
        }
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
        stats.TimeToDisposition = [.. ttd];
        stats.PendingAges = [.. ages];
        stats.Types = types;

        stats.Appeals = simulation.Appeals?.Collect(simulation, courtBalance);
        stats.Balance = courtBalance;
        stats.JudgeClosures = judgeClosures;
        stats.SupervisorHours = layout.SupervisorStations.Values.Sum(st => simulation.Stations[st].BusyHours.Sum());
        var calendar = scenario.Calendar;
        var windowHours = calendar.WorkingHoursBefore(w1) - calendar.WorkingHoursBefore(w0);
        var windowYears = (w1 - w0) / SimulationYear.Days;
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
            teamUnits[t] += (double)simulation.MeetingSeats[t] / perCase;
        }
        stats.Teams = new TeamStatistics[layout.Teams.Count];
        for (var t = 0; t < layout.Teams.Count; t++)
        {
            var team = layout.Teams[t];
            // One station per judge (the judge in charge does the case's hearing work), one server each.
            var judgeCount = layout.JudgesPerTeam[t];
            var judges = new JudgeStatistics[judgeCount];
            var busy = 0.0;
            for (var s = 0; s < judgeCount; s++)
            {
                var station = simulation.Stations[layout.JudgeStation[t] + s];
                busy += station.BusyHours[0];
                judges[s] = new JudgeStatistics
                {
                    Id = CourtViews.JudgeId(team.Id, s),
                    Tasks = station.Tasks[0],
                    BusyHours = station.BusyHours[0],
                    Utilization = windowHours > 0 ? station.BusyHours[0] / windowHours : 0.0,
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
                Utilization = windowHours > 0 ? busy / (judgeCount * windowHours) : 0.0,
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
