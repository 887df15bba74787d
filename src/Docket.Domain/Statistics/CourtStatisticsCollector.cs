using Docket.Domain.Simulation;

namespace Docket.Domain.Statistics;

/// <summary>Reads a finished court run's case records and stations into <see cref="CourtStatistics"/>.</summary>
public static class CourtStatisticsCollector
{
    public static CourtStatistics Collect(CourtSimulation simulation)
    {
        var layout = simulation.Layout;
        var scenario = layout.Scenario;
        double w0 = scenario.WarmupDays, w1 = scenario.Days;
        var monthLength = SimulationYear.MonthDays;
        var months = Math.Max(1, (int)Math.Ceiling(((w1 - w0) / monthLength) - 1e-9));
        var filedByMonth = new long[months];
        var closedByMonth = new long[months];
        var pendingDiff = new long[months + 2];
        var types = scenario.CaseTypes.Select(t => new TypeStatistics { Type = t.Id }).ToArray();
        var teamAssigned = new long[layout.Teams.Count];
        var teamClosed = new long[layout.Teams.Count];
        var teamPending = new long[layout.Teams.Count];
        var teamUnits = new double[layout.Teams.Count];
        var ttd = new List<double>();
        var ages = new List<double>();
        var stats = new CourtStatistics
        {
            CourtId = layout.CourtId,
            Events = simulation.EventsProcessed,
            SimulatedCases = simulation.CaseCount,
        };

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
            }
            var closed = c.Status == CaseStatus.Closed;
            if (c.Filed >= w0)
            {
                stats.Filed++;
                filedByMonth[Math.Min(months - 1, (int)((c.Filed - w0) / monthLength))]++;
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
                closedByMonth[Math.Min(months - 1, (int)((c.Closed - w0) / monthLength))]++;
                types[c.Type].Closed++;
                types[c.Type].DispositionDaysSum += days;
                teamClosed[c.Team]++;
                teamUnits[c.Team] += layout.TypeWeight[c.Type];
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
                if (c.Team >= 0)
                {
                    teamPending[c.Team]++;
                }
                else
                {
                    stats.WaitingEnd++;
                }
            }
            // Pending at month boundary k (time w0 + k·month, the last one w1) for k in [first, last].
            var first = c.Filed < w0 ? 0 : (int)((c.Filed - w0) / monthLength) + 1;
            var last = !closed ? months : (c.Closed < w0 ? -1 : Math.Min(months, (int)((c.Closed - w0) / monthLength)));
            if (first <= last && first <= months)
            {
                pendingDiff[first]++;
                pendingDiff[last + 1]--;
            }
        }

        var pendingAt = new long[months + 1];
        var running = 0L;
        for (var k = 0; k <= months; k++)
        {
            running += pendingDiff[k];
            pendingAt[k] = running;
        }
        stats.Months = [.. Enumerable.Range(0, months).Select(m => new MonthStatistics
        {
            Month = m + 1,
            Filed = filedByMonth[m],
            Closed = closedByMonth[m],
            PendingStart = pendingAt[m],
            PendingEnd = pendingAt[m + 1],
        })];
        stats.TimeToDisposition = [.. ttd];
        stats.PendingAges = [.. ages];
        stats.Types = types;

        var calendar = scenario.Calendar;
        var windowHours = calendar.WorkingHoursBefore(w1) - calendar.WorkingHoursBefore(w0);
        var windowYears = (w1 - w0) / SimulationYear.Days;
        stats.Teams = new TeamStatistics[layout.Teams.Count];
        for (var t = 0; t < layout.Teams.Count; t++)
        {
            var team = layout.Teams[t];
            var station = simulation.Stations[layout.JudgeStation[t]];
            var judges = new JudgeStatistics[station.Servers];
            var busy = 0.0;
            for (var s = 0; s < station.Servers; s++)
            {
                busy += station.BusyHours[s];
                judges[s] = new JudgeStatistics
                {
                    Id = $"{team.Id}/j{s + 1}",
                    Tasks = station.Tasks[s],
                    BusyHours = station.BusyHours[s],
                    Utilization = windowHours > 0 ? station.BusyHours[s] / windowHours : 0.0,
                };
            }
            stats.Teams[t] = new TeamStatistics
            {
                Id = team.Id,
                Kind = TeamKindName(team.Kind),
                Members = team.Members.Where(m => m.Value > 0).ToDictionary(m => m.Key, m => m.Value),
                Coefficient = team.Coefficient,
                Quota = team.Quota,
                Assigned = teamAssigned[t],
                Closed = teamClosed[t],
                PendingEnd = teamPending[t],
                WorkloadUnits = teamUnits[t],
                QuotaAttainment = team.Quota > 0 && windowYears > 0 ? teamUnits[t] / (team.Quota * windowYears) : 0.0,
                Utilization = windowHours > 0 ? busy / (station.Servers * windowHours) : 0.0,
                Judges = judges,
            };
        }
        return stats;
    }

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
