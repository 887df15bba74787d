using Docket.Domain.Scenarios;
using Docket.Domain.Simulation;
using Docket.Domain.Staffing;

namespace Docket.Domain.Planning;

/// <summary>
/// The weighted-caseload arithmetic planners use, on a scenario's own figures: yearly filings per case type (intake
/// less the disputes settled in pre-litigation mediation) times the type's weight give workload units; units over a
/// judge-year value give the judges needed; units over each team group's quota give the teams needed; a template
/// laid over the judges gives each role's shortfall (case 153: "1+1+1" for 170 judges with 75 clerks leaves clerks
/// 95 of 170 short).
/// </summary>
public static class WeightedCaseload
{
    /// <summary>The role under which every role that hears cases is counted (judges of any rank fill a judge seat).</summary>
    public const string JudgeRole = RoleCatalog.Judge;

    public static StaffingReport Compute(Scenario scenario, StaffingAssumptions assumptions)
    {
        if (!(assumptions.JudgeYearUnits > 0) || double.IsInfinity(assumptions.JudgeYearUnits))
        {
            throw new ArgumentOutOfRangeException(nameof(assumptions), $"the judge-year value must be a number greater than 0 (got {assumptions.JudgeYearUnits})");
        }
        var courts = scenario.Courts.Select(c => ForCourt(scenario, c, assumptions)).ToList();
        return new StaffingReport(scenario.Name, assumptions.JudgeYearUnits, assumptions.Template?.Name, courts);
    }

    private static CourtStaffing ForCourt(Scenario scenario, CourtSpec court, StaffingAssumptions assumptions)
    {
        var types = scenario.CaseTypes;
        var filed = FiledPerYear(scenario, court);
        var workloads = new List<TypeWorkload>();
        var units = new double[types.Count];
        for (var t = 0; t < types.Count; t++)
        {
            units[t] = filed[t] * types[t].Weight;
            if (filed[t] > 0)
            {
                workloads.Add(new TypeWorkload(types[t].Id, filed[t], types[t].Weight, units[t]));
            }
        }
        var totalUnits = units.Sum();
        var judgesNeeded = totalUnits / assumptions.JudgeYearUnits;

        var staff = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var group in court.Teams)
        {
            AddStaff(staff, group.Members, group.Count);
        }
        foreach (var pool in court.Pools)
        {
            AddStaff(staff, pool.Members, 1);
        }
        var judgesOnHand = court.Teams.Sum(g => g.Count * checked((int)RoleCatalog.JudgesAmong(g.Members)));

        var quotas = Quotas(scenario, court, units, filed);
        var layout = assumptions.Template is { } template ? Shortfall(template, staff, judgesOnHand, judgesNeeded) : null;
        return new CourtStaffing(court.Id, court.Count, workloads, filed.Sum(), totalUnits, judgesOnHand, judgesNeeded, staff, quotas, layout);
    }

    /// <summary>
    /// Cases filed a year per case type in one court of the entry: the intake less the disputes settled in
    /// pre-litigation mediation, plus the appeals from the courts below (each court below's filings of an appealed
    /// type × its share, as many closures as filings in a steady year, spread over the courts of this entry).
    /// </summary>
    public static double[] FiledPerYear(Scenario scenario, CourtSpec court)
    {
        var filed = IntakeFiledPerYear(scenario, court);
        foreach (var below in scenario.Courts.Where(c => c.Appeals?.To == court.Id))
        {
            var belowFiled = IntakeFiledPerYear(scenario, below);
            foreach (var route in below.Appeals!.Routes)
            {
                filed[scenario.TypeIndex(route.AppealType)] += belowFiled[scenario.TypeIndex(route.Type)] * route.Share * below.Count / court.Count;
            }
        }
        return filed;
    }

    private static double[] IntakeFiledPerYear(Scenario scenario, CourtSpec court)
    {
        var filed = new double[scenario.CaseTypes.Count];
        foreach (var stream in court.Intake)
        {
            // Settled disputes never become cases; the rest of the mediated ones are filed when mediation ends.
            var filedShare = 1.0 - (stream.Mediation is { } m ? m.Share * m.SuccessRate : 0.0);
            foreach (var share in stream.Mix)
            {
                filed[scenario.TypeIndex(share.Type)] += stream.PerYear * share.Share * filedShare;
            }
        }
        return filed;
    }

    private static void AddStaff(SortedDictionary<string, int> staff, IReadOnlyDictionary<string, int> members, int times)
    {
        foreach (var (role, count) in members)
        {
            var key = RoleCatalog.HearsCases(role) ? JudgeRole : role;
            staff[key] = staff.GetValueOrDefault(key) + (count * times);
        }
    }

    /// <summary>
    /// A type several groups accept is split among them in proportion to their coefficient sums (count × the team's
    /// coefficient), case 155's rule for sharing out a caseload target; a group's quota per team is its fixed quota
    /// or its share of the court's target by coefficient, as the simulator sets it.
    /// </summary>
    private static List<GroupQuotaNeed> Quotas(Scenario scenario, CourtSpec court, double[] units, double[] filed)
    {
        var accepts = court.Teams.Select(g => CourtLayout.ResolveAccepts(scenario.CaseTypes, g.Accepts)).ToList();
        var weight = court.Teams.Select(g => g.Count * scenario.Roles.TeamCoefficient(g.Members)).ToList();
        var weightByType = new double[units.Length];
        for (var g = 0; g < court.Teams.Count; g++)
        {
            foreach (var t in accepts[g])
            {
                weightByType[t] += weight[g];
            }
        }
        var coefficientSum = court.Teams.Where(g => g.Quota is { ByCoefficient: true }).Sum(g => g.Count * scenario.Roles.TeamCoefficient(g.Members));
        var result = new List<GroupQuotaNeed>();
        for (var g = 0; g < court.Teams.Count; g++)
        {
            var group = court.Teams[g];
            var quota = group.Quota switch
            {
                { Fixed: { } q } => q,
                { ByCoefficient: true } when court.QuotaTarget is { } target && coefficientSum > 0 =>
                    target * scenario.Roles.TeamCoefficient(group.Members) / coefficientSum,
                _ => 0.0,
            };
            if (quota <= 0)
            {
                continue;
            }
            var groupUnits = 0.0;
            var groupCases = 0.0;
            foreach (var t in accepts[g])
            {
                groupUnits += weightByType[t] > 0 ? units[t] * weight[g] / weightByType[t] : 0.0;
                groupCases += weightByType[t] > 0 ? filed[t] * weight[g] / weightByType[t] : 0.0;
            }
            // In the quota's unit, as attainment counts it; a hair of tolerance so that 1,100 units over a quota of 220
            // is 5 teams, not 6 from rounding.
            var unit = group.Quota!.Unit;
            var teamsNeeded = (int)Math.Ceiling((QuotaAttainment.Attained(unit, groupCases, groupUnits) / quota) - 1e-9);
            result.Add(new GroupQuotaNeed(group.Id, group.Count, quota, groupUnits, Math.Max(0, teamsNeeded))
            {
                QuotaUnit = QuotaAttainment.Name(unit),
                Cases = groupCases,
            });
        }
        return result;
    }

    private static TemplateShortfall Shortfall(TeamLayout template, SortedDictionary<string, int> staff, int judgesOnHand, double judgesNeeded)
    {
        var perTeam = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (role, count) in template.Members)
        {
            var key = RoleCatalog.HearsCases(role) ? JudgeRole : role;
            perTeam[key] = perTeam.GetValueOrDefault(key) + count;
        }
        var seats = template.JudgeSeats;
        var teamsOnHand = (judgesOnHand + seats - 1) / seats;
        var teamsNeeded = (int)Math.Ceiling((judgesNeeded / seats) - 1e-9);
        var roles = perTeam.Keys.Union(staff.Keys).Order(StringComparer.Ordinal)
            .Select(role =>
            {
                var each = perTeam.GetValueOrDefault(role);
                var onHand = staff.GetValueOrDefault(role);
                var needOnHand = each * teamsOnHand;
                var needNeeded = each * teamsNeeded;
                var shortOnHand = Math.Max(0, needOnHand - onHand);
                return new RoleShortfall(role, each, onHand, needOnHand, shortOnHand,
                    needOnHand > 0 ? (double)shortOnHand / needOnHand : 0.0, needNeeded, Math.Max(0, needNeeded - onHand));
            })
            .ToList();
        return new TemplateShortfall(template.Name, teamsOnHand, teamsNeeded, roles);
    }
}
