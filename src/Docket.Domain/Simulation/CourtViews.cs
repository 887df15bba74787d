using Docket.Domain.Balance;
using Docket.Domain.Courts;
using Docket.Domain.Staffing;
using Docket.Domain.Statistics;

namespace Docket.Domain.Simulation;

/// <summary>
/// What a simulated court's teams, judges and cases look like at the court's current time, read on demand from the
/// figures of its cases done so far (<see cref="CourtSimulation.Folded"/>), the records of the others and its
/// stations: asking costs one pass over the court's case records and never slows the run. Figures over the statistics window follow <see cref="CourtStatisticsCollector"/>'s
/// definitions with the window cut at <see cref="CourtSimulation.Now"/>, so at the run's end they are summary.json's.
/// </summary>
public static class CourtViews
{
    /// <summary>
    /// summary.json's id of judge <paramref name="judge"/> (0-based) of a team: the judge's one name, the live court's and
    /// the simulator's station's (<see cref="Assignment.JudgeInCharge.Name"/>, <c>{team}/judge-{judge + 1}</c>).
    /// </summary>
    public static string JudgeId(string teamId, int judge) => Assignment.JudgeInCharge.Name(teamId, judge);

    /// <summary>The index of the team whose id (or, in a court of a scenario of several, whose id after <c>{court}/</c>) is <paramref name="teamId"/>; -1 when none.</summary>
    public static int TeamIndex(CourtLayout layout, string teamId)
    {
        var prefixed = $"{layout.CourtId}/{teamId}";
        for (var t = 0; t < layout.Teams.Count; t++)
        {
            if (layout.Teams[t].Id == teamId || layout.Teams[t].Id == prefixed)
            {
                return t;
            }
        }
        return -1;
    }

    public static TeamSnapshot Team(CourtSimulation simulation, int team)
    {
        var layout = simulation.Layout;
        var scenario = layout.Scenario;
        var (w0, now) = (scenario.WarmupDays, simulation.Now);
        // The cases done so far are in the court's fold; the others are read as they stand.
        var done = simulation.Folded;
        long assigned = done.TeamAssigned[team], closed = done.TeamClosed[team];
        var units = done.TeamUnits[team];
        var pendingWork = 0.0;
        var open = new List<OpenCase>();
        var balance = CaseFold.Copy(done.TeamBalance[team]);
        var judgeWork = new double[layout.JudgesPerTeam[team]];
        foreach (var slot in simulation.OpenSlots())
        {
            ref readonly var c = ref simulation.Case(slot);
            if (c.Team != team)
            {
                continue;
            }
            CaseFold.AddToBalance(balance, in c, scenario.CaseTypes[c.Type], w0, now, scenario.Balance.LongPendingDays);
            if (c.Assigned >= w0)
            {
                assigned++;
            }
            if (c.Status == CaseStatus.Closed)
            {
                if (c.Closed >= w0)
                {
                    closed++;
                    units += layout.TypeWeight[c.Type];
                }
            }
            else
            {
                pendingWork += layout.TypeWeight[c.Type];
                judgeWork[c.Judge] += layout.TypeWeight[c.Type];
                open.Add(Open(layout, c));
            }
        }
        var spec = layout.Teams[team];
        units += Staffing.QuotaAttainment.MeetingUnits(simulation.MeetingSeats[team], layout.Spec.Supervision.Meeting.ParticipationsPerCase);
        var years = QuotaAttainment.YearsBetween(w0, now);
        var judges = layout.JudgesPerTeam[team];
        var busy = 0.0;
        for (var k = 0; k < judges; k++)
        {
            busy += simulation.Stations[layout.JudgeStation[team] + k].BusyHours[0];
        }
        var hours = PresentHours(simulation, team);
        return new TeamSnapshot
        {
            Id = spec.Id,
            Court = layout.CourtId,
            Kind = spec.Kind,
            Day = now,
            Assigned = assigned,
            Closed = closed,
            Open = open.Count,
            PendingWork = pendingWork,
            WorkloadUnits = units,
            Quota = spec.Quota,
            QuotaAttainment = QuotaAttainment.Of(spec.QuotaUnit, closed, units, spec.Quota, years),
            Utilization = Utilization.Of(busy, judges, hours),
            Judges = [.. Enumerable.Range(0, judges).Select(k => JudgeId(spec.Id, k))],
            OpenCases = [.. open],
            Balance = BalanceKpi.Of(balance.Indicators(), scenario.Balance.Weights, Gini.Of(judgeWork)),
        };
    }

    public static JudgeSnapshot Judge(CourtSimulation simulation, int team, int judge)
    {
        var layout = simulation.Layout;
        var scenario = layout.Scenario;
        var (w0, now) = (scenario.WarmupDays, simulation.Now);
        var done = simulation.Folded;
        var place = done.JudgeOffset[team] + judge;
        var closed = (long)done.JudgeClosures[place];
        var units = done.JudgeUnits[place];
        var balance = CaseFold.Copy(done.JudgeBalance[place]);
        var open = new List<OpenCase>();
        foreach (var slot in simulation.OpenSlots())
        {
            ref readonly var c = ref simulation.Case(slot);
            if (c.Team != team || c.Judge != judge)
            {
                continue;
            }
            CaseFold.AddToBalance(balance, in c, scenario.CaseTypes[c.Type], w0, now, scenario.Balance.LongPendingDays);
            if (c.Status != CaseStatus.Closed)
            {
                open.Add(Open(layout, c));
            }
            else if (c.Closed >= w0)
            {
                closed++;
                units += layout.TypeWeight[c.Type];
            }
        }
        var spec = layout.Teams[team];
        var quota = QuotaAttainment.JudgeShare(spec.Quota, layout.JudgesPerTeam[team]);
        var years = QuotaAttainment.YearsBetween(w0, now);
        var teamId = spec.Id;
        var station = simulation.Stations[layout.JudgeStation[team] + judge];
        var hours = PresentHours(simulation, team);
        return new JudgeSnapshot
        {
            Id = JudgeId(teamId, judge),
            Team = teamId,
            Day = simulation.Now,
            Open = open.Count,
            Closed = closed,
            Tasks = station.Tasks[0],
            BusyHours = station.BusyHours[0],
            Utilization = Utilization.Of(station.BusyHours[0], 1, hours),
            OpenCases = [.. open],
            Quota = quota,
            QuotaAttainment = QuotaAttainment.Of(spec.QuotaUnit, closed, units, quota, years),
            Balance = BalanceKpi.Of(balance.Indicators(), scenario.Balance.Weights, 0.0),
        };
    }

    /// <summary>The case at place <paramref name="caseIndex"/> of the court, or null when the court has no such case yet.</summary>
    public static CaseSnapshot? Case(CourtSimulation simulation, int caseIndex)
    {
        if (caseIndex < 0 || caseIndex >= simulation.CaseCount)
        {
            return null;
        }
        var slot = caseIndex;
        if (simulation.ReusesClosedSlots)
        {
            // A slot may hold a later case: find the case by its place in the court's order, if it is still held.
            var cases = simulation.Cases;
            slot = -1;
            for (var i = 0; i < cases.Length && slot < 0; i++)
            {
                slot = cases[i].Ordinal == caseIndex && (cases[i].Flags & CaseFlags.Folded) == 0 ? i : -1;
            }
            if (slot < 0)
            {
                return null;
            }
        }
        var layout = simulation.Layout;
        ref readonly var c = ref simulation.Case(slot);
        var team = c.Team >= 0 ? layout.Teams[c.Team].Id : null;
        return new CaseSnapshot
        {
            Id = $"{layout.CourtId}/{caseIndex}",
            Number = c.Number,
            Type = layout.Scenario.CaseTypes[c.Type].Id,
            Status = c.Status,
            Day = simulation.Now,
            Received = c.Received,
            Filed = c.Filed,
            Assigned = c.Assigned,
            Closed = c.Closed,
            Team = team,
            Judge = team is null ? null : JudgeId(team, c.Judge),
            Flagged = (c.Flags & CaseFlags.Flagged) != 0,
            Designated = (c.Flags & CaseFlags.Designated) != 0,
            Escalated = (c.Flags & CaseFlags.Escalated) != 0,
            Locked = (c.Flags & CaseFlags.Locked) != 0,
            Risk = c.Risk,
        };
    }

    private static OpenCase Open(CourtLayout layout, in CaseRecord c) => new(
        c.Ordinal, c.Number, layout.Scenario.CaseTypes[c.Type].Id, JudgeId(layout.Teams[c.Team].Id, c.Judge), c.Filed, c.Assigned,
        (c.Flags & CaseFlags.Locked) != 0);

    /// <summary>Working hours from the window's start to now (to its end once the run is over).</summary>
    /// <summary>The team's judges' working hours in the window so far, its absences taken out (summary.json's utilisation divides by the same).</summary>
    private static double PresentHours(CourtSimulation simulation, int team)
    {
        var scenario = simulation.Layout.Scenario;
        return simulation.PresentHours(team, scenario.WarmupDays, Math.Min(simulation.Now, scenario.Days));
    }
}
