namespace Docket.Domain.Planning;

/// <summary>
/// What the weighted-caseload arithmetic assumes beyond the scenario: the workload units one judge closes in a year,
/// and optionally a team template to lay every judge out in.
/// </summary>
/// <param name="JudgeYearUnits">Workload units a judge closes in a year (the judge-year value).</param>
/// <param name="Template">The layout whose role shortfall is reported; null for none.</param>
public sealed record StaffingAssumptions(double JudgeYearUnits, TeamLayout? Template)
{
    /// <summary>
    /// 220 units: case 153's annual quota of a Xicheng civil/commercial team, one judge closing ordinary cases of
    /// weight 1.
    /// </summary>
    public const double DefaultJudgeYearUnits = 220;

    /// <summary>
    /// The judge-year values the arithmetic takes: below one unit a year the judges needed outgrow any count (and the
    /// figures turn infinite); above a million no court's caseload needs a judge.
    /// </summary>
    public const double MinJudgeYearUnits = 1, MaxJudgeYearUnits = 1_000_000;

    public static StaffingAssumptions Default { get; } = new(DefaultJudgeYearUnits, null);
}
