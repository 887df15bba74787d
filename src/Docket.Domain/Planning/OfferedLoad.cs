using Docket.Domain.Assignment;
using Docket.Domain.Scenarios;
using Docket.Domain.Simulation;
using Docket.Domain.Statistics;

namespace Docket.Domain.Planning;

/// <summary>
/// The work a scenario offers each kind of staff against their working hours, by the scenario's own means, before
/// running it: each case type's yearly filings (<see cref="WeightedCaseload.FiledPerYear"/>) are shared among the
/// teams of its assignment pool that accept it — in proportion to the draw's weights under <c>weighted_random</c>,
/// equally otherwise — and each stage's mean hours go to whoever does it for that team (its judges, its own staff
/// of the stage's role, or a shared pool: the simulator's stations). Capacity is the staff's count × the calendar's
/// working hours in a year, before absences. Utilization over 1 means that staff cannot keep up: their pending grows.
/// </summary>
public static class OfferedLoad
{
    /// <summary>The staff whose name a team's judges go by.</summary>
    public const string Judges = "judges";

    /// <summary>One kind of staff of a team group (all its teams together) or one shared pool of a court, over a year.</summary>
    /// <param name="Court">The court's id in the scenario (alike courts of a <c>count</c> entry share it).</param>
    /// <param name="Group">The team group's id, or the shared pool's.</param>
    /// <param name="Kind">The team group's kind, or <c>pool</c>.</param>
    /// <param name="Staff"><see cref="Judges"/> or a role of the team group; the pool's roles for a pool.</param>
    public sealed record StaffLoad(string Court, string Group, string Kind, string Staff, int Servers, double OfferedHours, double CapacityHours)
    {
        public double Utilization => CapacityHours > 0 ? OfferedHours / CapacityHours : double.PositiveInfinity;
    }

    /// <summary>Every team group's staff and every shared pool of every court entry, in the scenario's order.</summary>
    public static IReadOnlyList<StaffLoad> Of(Scenario scenario)
    {
        var yearHours = scenario.Calendar.WorkingHoursBefore(SimulationYear.Days);
        var result = new List<StaffLoad>();
        foreach (var court in scenario.Courts)
        {
            var layout = new CourtLayout(scenario, court, court.Id, prefixTeamIds: false);
            var filed = WeightedCaseload.FiledPerYear(scenario, court);
            var offered = new double[layout.Stations.Count];
            for (var type = 0; type < filed.Length; type++)
            {
                var pool = layout.TypePool[type];
                if (filed[type] <= 0 || pool < 0)
                {
                    continue;
                }
                var spec = layout.PoolSpecs[pool];
                var teams = layout.PoolTeams[pool].Where(t => layout.Teams[t].Accepts.Contains(type)).ToList();
                var weights = teams.Select(t => spec.Policy == AssignmentPolicyKind.WeightedRandom
                    ? WeightedRandomAssignment.WeightOf(spec.WeightBy, spec.LeaderShare, layout.Teams[t].Coefficient, layout.Teams[t].Leader)
                    : 1.0).ToList();
                var total = weights.Sum();
                var stages = scenario.CaseTypes[type].Stages;
                for (var i = 0; i < teams.Count; i++)
                {
                    var cases = total > 0 ? filed[type] * weights[i] / total : 0;
                    for (var s = 0; s < stages.Count; s++)
                    {
                        if (!stages[s].IsWait)
                        {
                            offered[layout.StationFor(teams[i], type, s, 0)] += cases * stages[s].Effort.MeanHours;
                        }
                    }
                }
            }
            for (var g = 0; g < court.Teams.Count; g++)
            {
                var members = Enumerable.Range(0, layout.Teams.Count).Where(t => layout.Teams[t].Group == g).ToList();
                if (members.Count == 0)
                {
                    continue;
                }
                var kind = CourtStatisticsCollector.TeamKindName(layout.Teams[members[0]].Kind);
                // The team's judges (one station each) first, then each other role's station, by name.
                var judgeStations = members.SelectMany(t => Enumerable.Range(layout.JudgeStation[t], layout.JudgesPerTeam[t])).ToList();
                result.Add(Load(court.Id, court.Teams[g].Id, kind, Judges, judgeStations, layout, offered, yearHours));
                var roleStations = members.SelectMany(t => Enumerable.Range(0, layout.Stations.Count)
                        .Where(st => layout.Stations[st].OwnerTeam == t && !layout.Stations[st].HearsCases))
                    .GroupBy(st => layout.Stations[st].Name[(layout.Stations[st].Name.LastIndexOf('/') + 1)..])
                    .OrderBy(r => r.Key, StringComparer.Ordinal);
                foreach (var role in roleStations)
                {
                    result.Add(Load(court.Id, court.Teams[g].Id, kind, role.Key, [.. role], layout, offered, yearHours));
                }
            }
            for (var p = 0; p < court.Pools.Count; p++)
            {
                var staff = string.Join("+", court.Pools[p].Members.Where(m => m.Value > 0).Select(m => m.Key).Order(StringComparer.Ordinal));
                result.Add(Load(court.Id, court.Pools[p].Id, "pool", staff, [layout.PoolStations[p]], layout, offered, yearHours));
            }
        }
        return result;
    }

    private static StaffLoad Load(string court, string group, string kind, string staff, IReadOnlyList<int> stations,
        CourtLayout layout, double[] offered, double yearHours)
    {
        var servers = stations.Sum(st => layout.Stations[st].Servers);
        return new StaffLoad(court, group, kind, staff, servers, stations.Sum(st => offered[st]), servers * yearHours);
    }
}
