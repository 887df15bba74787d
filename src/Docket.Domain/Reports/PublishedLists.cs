using Docket.Domain.Assignment;
using Docket.Domain.Audit;
using Docket.Domain.Simulation;

namespace Docket.Domain.Reports;

/// <summary>A case put in a judge's charge: its team and judge (0-based), and whether a random draw chose the team.</summary>
public readonly record struct JudgeAssignment(int Team, int Judge, bool Drawn);

/// <summary>
/// The court's published lists, computed from case facts (<see cref="CheckedCase"/>), assignments and the draws'
/// expected counts — the same code for the simulator's summary and the live service's reports.
/// </summary>
public static class PublishedLists
{
    /// <summary>The checks of a list: the daily check's three, or the weekly list's one.</summary>
    public static IReadOnlyList<CaseCheck> ChecksOf(ReportKind kind) => kind switch
    {
        ReportKind.DailyCheck => [CaseCheck.NotServed, CaseCheck.NoHearing, CaseCheck.NearLimit],
        ReportKind.PastLimit => [CaseCheck.PastLimit],
        _ => throw new ArgumentException($"{ReportKinds.NameOf(kind)} does not list cases", nameof(kind)),
    };

    public static string NameOf(CaseCheck check) => check switch
    {
        CaseCheck.NotServed => "not_served",
        CaseCheck.NoHearing => "no_hearing",
        CaseCheck.NearLimit => "near_limit",
        _ => "past_limit",
    };

    /// <summary>The cases on the list at <paramref name="at"/>, each with the check that lists it and since when; a case is listed once per check.</summary>
    public static IEnumerable<(CheckedCase Case, CaseCheck Check, double Since)> Listed(ReportKind kind, IEnumerable<CheckedCase> cases,
        IReadOnlyList<CheckNodes> nodes, double warnDays, double at)
    {
        var checks = ChecksOf(kind);
        foreach (var c in cases)
        {
            foreach (var check in checks)
            {
                var (from, until) = CheckRules.Span(check, c, nodes[c.Type], warnDays);
                if (from <= at && at < until)
                {
                    yield return (c, check, from);
                }
            }
        }
    }

    /// <summary>
    /// Every judge's counts of a month, in team order: <paramref name="assignments"/> are the month's, and
    /// <paramref name="expected"/> the month's draws' expected counts per team (<see cref="ExpectedCounts"/>; null when
    /// nothing was drawn).
    /// </summary>
    public static JudgeCount[] JudgeCounts(CourtLayout layout, IEnumerable<JudgeAssignment> assignments, PeriodCounts? expected)
    {
        var counts = new JudgeTally(layout);
        foreach (var a in assignments)
        {
            counts.Add(a);
        }
        return counts.Rows(expected);
    }

    /// <summary>Each division's pending at <paramref name="from"/>, filed and closed in [from, to), pending at <paramref name="to"/>; <c>unassigned</c> last, the cases no team holds.</summary>
    public static DivisionCaseload[] Caseload(CourtLayout layout, IEnumerable<CheckedCase> cases, double from, double to)
    {
        var caseload = new CaseloadTally(layout, from, to);
        foreach (var c in cases)
        {
            caseload.Add(c);
        }
        return caseload.Rows();
    }

    /// <summary>The division of the cases no team holds.</summary>
    public const string Unassigned = "unassigned";

    /// <summary>The teams (those with judges) ranked by the workload units they closed in [from, to), then closures, then team order.</summary>
    public static TeamRanking[] Rankings(CourtLayout layout, IEnumerable<CheckedCase> cases, double from, double to)
    {
        var ranking = new RankingTally(layout, from, to);
        foreach (var c in cases)
        {
            ranking.Add(c);
        }
        return ranking.Rows();
    }
}
