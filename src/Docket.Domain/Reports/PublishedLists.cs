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
        var offset = new int[layout.Teams.Count + 1];
        for (var t = 0; t < layout.Teams.Count; t++)
        {
            offset[t + 1] = offset[t] + layout.JudgesPerTeam[t];
        }
        var assigned = new long[offset[^1]];
        var drawn = new long[offset[^1]];
        foreach (var a in assignments)
        {
            var j = offset[a.Team] + Math.Min(a.Judge, layout.JudgesPerTeam[a.Team] - 1);
            assigned[j]++;
            drawn[j] += a.Drawn ? 1 : 0;
        }
        var teams = (expected?.Teams ?? []).ToDictionary(t => t.Team, StringComparer.Ordinal);
        var rows = new JudgeCount[offset[^1]];
        for (var t = 0; t < layout.Teams.Count; t++)
        {
            var id = layout.Teams[t].Id;
            var judges = layout.JudgesPerTeam[t];
            var team = teams.GetValueOrDefault(id);
            var share = (team?.Expected ?? 0) / judges;
            for (var k = 0; k < judges; k++)
            {
                var j = offset[t] + k;
                rows[j] = new JudgeCount(id, JudgeInCharge.Name(id, k), assigned[j], drawn[j], share, drawn[j] - share, team?.Residual ?? 0);
            }
        }
        return rows;
    }

    /// <summary>Each division's pending at <paramref name="from"/>, filed and closed in [from, to), pending at <paramref name="to"/>; <c>unassigned</c> last, the cases no team holds.</summary>
    public static DivisionCaseload[] Caseload(CourtLayout layout, IEnumerable<CheckedCase> cases, double from, double to)
    {
        var groups = layout.Spec.Teams.Count;
        var counts = new long[groups + 1, 4];
        foreach (var c in cases)
        {
            var g = c.Team < 0 ? groups : layout.Teams[c.Team].Group;
            var closed = double.IsNaN(c.Closed) ? double.PositiveInfinity : c.Closed;
            counts[g, 0] += c.Filed < from && closed >= from ? 1 : 0;
            counts[g, 1] += c.Filed >= from && c.Filed < to ? 1 : 0;
            counts[g, 2] += closed >= from && closed < to ? 1 : 0;
            counts[g, 3] += c.Filed < to && closed >= to ? 1 : 0;
        }
        var rows = new List<DivisionCaseload>(groups + 1);
        for (var g = 0; g <= groups; g++)
        {
            rows.Add(new DivisionCaseload(g < groups ? layout.Spec.Teams[g].Id : Unassigned, counts[g, 0], counts[g, 1], counts[g, 2], counts[g, 3]));
        }
        return [.. rows];
    }

    /// <summary>The division of the cases no team holds.</summary>
    public const string Unassigned = "unassigned";

    /// <summary>The teams (those with judges) ranked by the workload units they closed in [from, to), then closures, then team order.</summary>
    public static TeamRanking[] Rankings(CourtLayout layout, IEnumerable<CheckedCase> cases, double from, double to)
    {
        var teams = layout.Teams.Count;
        var closed = new long[teams];
        var units = new double[teams];
        var days = new double[teams];
        foreach (var c in cases)
        {
            if (c.Team >= 0 && c.Closed >= from && c.Closed < to)
            {
                closed[c.Team]++;
                units[c.Team] += layout.Scenario.CaseTypes[c.Type].Weight;
                days[c.Team] += c.Closed - c.Filed;
            }
        }
        return [.. Enumerable.Range(0, teams).Where(t => layout.Teams[t].Judges > 0)
            .OrderByDescending(t => units[t]).ThenByDescending(t => closed[t]).ThenBy(t => t)
            .Select((t, i) => new TeamRanking(i + 1, layout.Teams[t].Id, layout.Spec.Teams[layout.Teams[t].Group].Id, closed[t], units[t],
                closed[t] == 0 ? 0 : days[t] / closed[t]))];
    }
}
