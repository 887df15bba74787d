namespace Docket.Domain.Planning;

/// <summary>The weighted-caseload arithmetic of a scenario, court by court (see docs/planning.md).</summary>
public sealed record StaffingReport(
    string Scenario,
    double JudgeYearUnits,
    string? Template,
    IReadOnlyList<CourtStaffing> Courts);

/// <summary>
/// One court entry of the scenario (<see cref="Count"/> alike courts share these figures; each line is for one of
/// them).
/// </summary>
public sealed record CourtStaffing(
    string Court,
    int Count,
    IReadOnlyList<TypeWorkload> Types,
    double FiledPerYear,
    double WorkloadUnits,
    int JudgesOnHand,
    double JudgesNeeded,
    IReadOnlyDictionary<string, int> StaffOnHand,
    IReadOnlyList<GroupQuotaNeed> Quotas,
    TemplateShortfall? Layout)
{
    /// <summary>Judges on hand less judges needed: negative when the court is short.</summary>
    public double JudgeBalance => JudgesOnHand - JudgesNeeded;
}

/// <summary>A case type's yearly filings (after pre-litigation mediation) and their workload units.</summary>
public sealed record TypeWorkload(string Type, double FiledPerYear, double Weight, double WorkloadUnits);

/// <summary>
/// A team group with an annual quota: the workload units and cases its teams receive in a year, and how many teams
/// closing their quota that takes, counted in the quota's unit (<see cref="QuotaUnit"/>).
/// </summary>
public sealed record GroupQuotaNeed(
    string Group,
    int Teams,
    double QuotaPerTeam,
    double WorkloadUnits,
    int TeamsNeeded)
{
    /// <summary>What the quota counts: <c>cases</c> or <c>workload_units</c>.</summary>
    public string QuotaUnit { get; init; } = "workload_units";

    /// <summary>The cases the group's teams receive in a year (split as <see cref="WorkloadUnits"/> is).</summary>
    public double Cases { get; init; }

    /// <summary>What the group receives a year in its quota's unit: <see cref="Cases"/> or <see cref="WorkloadUnits"/>.</summary>
    public double Received => QuotaUnit == "cases" ? Cases : WorkloadUnits;

    /// <summary>Teams on hand less teams needed: negative when the group is short of teams.</summary>
    public int TeamBalance => Teams - TeamsNeeded;
}

/// <summary>Every judge laid out in one template: the staff each role needs and how short it falls.</summary>
public sealed record TemplateShortfall(
    string Template,
    int TeamsForJudgesOnHand,
    int TeamsForJudgesNeeded,
    IReadOnlyList<RoleShortfall> Roles);

/// <summary>One role under a template, for the judges on hand and for the judges needed.</summary>
public sealed record RoleShortfall(
    string Role,
    int PerTeam,
    int OnHand,
    int NeededForJudgesOnHand,
    int ShortForJudgesOnHand,
    double ShortShareForJudgesOnHand,
    int NeededForJudgesNeeded,
    int ShortForJudgesNeeded);
