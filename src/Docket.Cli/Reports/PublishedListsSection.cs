using Docket.Cli.Output;
using Docket.Domain.Reports;
using Docket.Domain.Statistics;

namespace Docket.Cli.Reports;

/// <summary>
/// report.html's section on the court's published lists (summary.json's <c>reports</c>): the daily checks, the weekly
/// past-limit list, the last month's assignment counts per judge against the draws' expected counts (a judge of a
/// team whose residual reaches ±3 flagged), the last month's caseload per division and the last rankings.
/// </summary>
internal static class PublishedListsSection
{
    public static void AddTo(ReportPage page, ReportFigures reports)
    {
        page.Heading("Published lists (reporting cadences)");
        page.Paragraph("The lists the court publishes on their cadence, by the rules the live service's reports serve; "
            + "each covers the latest whole period of the window.", "meta");
        page.Raw(ChecksTable(reports));
        page.Raw(JudgesTable(reports.Assignments));
        page.Raw(CaseloadTable(reports.Caseload));
        page.Raw(RankingsTable(reports.Rankings));
    }

    /// <summary>The daily checks and the weekly past-limit list: how many lists were produced and the cases they listed.</summary>
    private static string ChecksTable(ReportFigures reports)
    {
        var daily = reports.DailyCheck;
        string Check(string id, string label, CheckFigures c) => $"<tr data-list=\"{id}\"><td>{Encode(label)}</td>"
            + $"<td>daily ({Numbers.Number(daily.Produced)})</td><td>{(daily.Produced > 0 ? "last day" : "–")}</td>"
            + (c.Types == 0
                ? "<td colspan=\"3\">no case type has the node or limit this check reads</td>"
                : $"<td class=\"num\">{Cell(c.Mean)}</td><td class=\"num\">{Cell(c.Max)}</td><td class=\"num\">{Cell(c.Last)}</td>")
            + "</tr>";
        var past = reports.PastLimit;
        var rows = new[]
        {
            Check("not_served", $"not served {Numbers.Number(CheckRules.NotServedDays)} days after filing", daily.NotServed),
            Check("no_hearing", $"no hearing {Numbers.Number(CheckRules.NoHearingDays)} days after filing", daily.NoHearing),
            Check("near_limit", "statutory limit near", daily.NearLimit),
            $"<tr data-list=\"past_limit\"><td>open past the statutory limit</td><td>weekly ({Numbers.Number(past.Produced)})</td>"
                + $"<td>{Encode(past.LastPeriod ?? "–")}</td><td class=\"num\">{Numbers.Number(past.Mean)}</td>"
                + $"<td class=\"num\">{Numbers.Number(past.Max)}</td><td class=\"num\">{Numbers.Number(past.Last)}</td></tr>",
        };
        return "<table class=\"checks\"><thead><tr><th>list</th><th>cadence (produced)</th><th>latest</th><th>cases listed, mean</th>"
            + "<th>max</th><th>in the latest</th></tr></thead><tbody>\n" + string.Join("\n", rows) + "\n</tbody></table>";
    }

    /// <summary>The last month's counts a judge: assigned, drawn, expected and the deviation, flagged when the team's residual departs.</summary>
    private static string JudgesTable(AssignmentReportFigures assignments)
    {
        var caption = $"Assignments per judge, monthly ({Numbers.Number(assignments.Produced)} produced), latest {assignments.LastPeriod ?? "–"}: "
            + $"drawn − expected; a team whose residual (drawn − expected ÷ √variance) reaches ±{Numbers.Number(SimulatedReports.DepartingResidual)} "
            + $"is flagged. Over all months: {Numbers.Number(assignments.Departing)} team-months departing, largest |deviation| "
            + $"{Numbers.Number(assignments.MaxAbsDeviation)}, largest |residual| {Numbers.Number(assignments.MaxAbsResidual)}.";
        var rows = assignments.LastJudges.Select(j =>
        {
            var departs = SimulatedReports.Departs(j.TeamResidual);
            return $"<tr data-judge=\"{Encode(j.Judge)}\" data-departing=\"{(departs ? "true" : "false")}\"{(departs ? " class=\"departing\"" : "")}>"
                + $"<td>{Encode(j.Team)}</td><td>{Encode(j.Judge)}</td><td class=\"num\">{Numbers.Number(j.Assigned)}</td>"
                + $"<td class=\"num\">{Numbers.Number(j.Drawn)}</td><td class=\"num\">{Numbers.Number(j.Expected)}</td>"
                + $"<td class=\"num\">{Signed(j.Deviation)}</td><td class=\"num\">{Signed(j.TeamResidual)}{(departs ? " ⚑" : "")}</td></tr>";
        });
        return $"<table class=\"judge-counts\"><caption>{Encode(caption)}</caption><thead><tr><th>team</th><th>judge</th><th>assigned</th>"
            + "<th>drawn</th><th>expected</th><th>deviation</th><th>team residual</th></tr></thead><tbody>\n"
            + string.Join("\n", rows) + "\n</tbody></table>";
    }

    private static string CaseloadTable(CaseloadReportFigures caseload)
    {
        var caption = $"Caseload per division, monthly ({Numbers.Number(caseload.Produced)} produced), latest {caseload.LastPeriod ?? "–"}";
        var rows = caseload.Divisions.Select(d => $"<tr data-division=\"{Encode(d.Division)}\"><td>{Encode(d.Division)}</td>"
            + $"<td class=\"num\">{Numbers.Number(d.PendingStart)}</td><td class=\"num\">{Numbers.Number(d.Filed)}</td>"
            + $"<td class=\"num\">{Numbers.Number(d.Closed)}</td><td class=\"num\">{Numbers.Number(d.PendingEnd)}</td></tr>");
        return $"<table class=\"division-caseload\"><caption>{Encode(caption)}</caption><thead><tr><th>division</th><th>pending at start</th>"
            + "<th>filed</th><th>closed</th><th>pending at end</th></tr></thead><tbody>\n" + string.Join("\n", rows) + "\n</tbody></table>";
    }

    private static string RankingsTable(RankingReportFigures rankings)
    {
        static string Row(string cadence, RankingFigures r) => $"<tr data-ranking=\"{cadence}\"><td>{cadence}</td>"
            + $"<td class=\"num\">{Numbers.Number(r.Produced)}</td><td>{Encode(r.LastPeriod ?? "–")}</td><td class=\"num\">{Numbers.Number(r.Teams)}</td>"
            + $"<td class=\"num\">{Numbers.Number(r.TopUnits)}</td><td class=\"num\">{Numbers.Number(r.BottomUnits)}</td></tr>";
        return "<table class=\"rankings\"><caption>Rankings of teams by workload units closed</caption><thead><tr><th>cadence</th><th>produced</th>"
            + "<th>latest</th><th>teams ranked</th><th>first team's units</th><th>last team's units</th></tr></thead><tbody>\n"
            + Row("quarterly", rankings.Quarterly) + "\n" + Row("yearly", rankings.Yearly) + "\n</tbody></table>";
    }

    private static string Cell(double? value) => value is { } v ? Numbers.Number(v) : "–";

    private static string Signed(double value) => (value > 0 ? "+" : "") + Numbers.Number(value);

    private static string Encode(string text) => ReportPage.Encode(text);
}
