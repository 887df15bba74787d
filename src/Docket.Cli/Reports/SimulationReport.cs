using System.Globalization;
using Docket.Cli.Output;
using Docket.Domain.Staffing;
using Docket.Domain.Statistics;

namespace Docket.Cli.Reports;

/// <summary>
/// report.html beside summary.json: the key figures as a table and the run's charts, self-contained; the charts also
/// as PNG files in <c>charts/</c>.
/// </summary>
internal static class SimulationReport
{
    public const string FileName = "report.html";
    public const string ChartsFolder = "charts";

    /// <summary>Writes the report into <paramref name="directory"/>; returns the page's path.</summary>
    public static async Task<string> WriteAsync(Summary summary, string directory, CancellationToken cancellationToken)
    {
        var charts = SummaryCharts.For(summary);
        var page = new ReportPage($"Docket report: {summary.Scenario}");
        page.Paragraph(Describe(summary), "meta");
        page.Raw(WarningsList(summary));
        var figures = KeyFigures.Of(summary);
        page.Heading("Headline");
        page.Raw(HeadlineTable(figures));
        page.Heading("Charts");
        var folder = Path.Combine(directory, ChartsFolder);
        Directory.CreateDirectory(folder);
        foreach (var chart in charts)
        {
            var png = ChartRenderer.Png(chart);
            await File.WriteAllBytesAsync(Path.Combine(folder, chart.Id + ".png"), png, cancellationToken);
            page.Chart(chart, png);
            if (chart.Id == "teams")
            {
                page.Raw(KindsTable(summary));
            }
        }
        page.Heading("By case type");
        page.Raw(TypesTable(summary));
        if (summary.Pools.Count > 0)
        {
            page.Heading("Shared pools");
            page.Raw(PoolsTable(summary));
        }
        if (summary.Scores.Rounds.Any(r => r.Round > 0))
        {
            page.Heading("Coin rounds (Linshu, case 163)");
            page.Paragraph("Coins a closed case of each type earned in each round, the spread of the judges' monthly coins "
                + "(90th ÷ 10th percentile) and the teams that moved to the best-paid specialty at the round's start.", "meta");
            page.Raw(CoinRoundsTable(summary));
        }
        if (summary.Courts.Count > 1)
        {
            page.Heading($"By court ({Numbers.Number(summary.Courts.Count)} courts)");
            page.Raw(CourtsTable(summary));
        }
        PublishedListsSection.AddTo(page, summary.Reports);
        page.Heading("Key figures: every figure of summary.json");
        page.Raw(FiguresTable(figures));
        var path = Path.Combine(directory, FileName);
        await File.WriteAllTextAsync(path, page.Html(), cancellationToken);
        return path;
    }

    /// <summary>The run in a sentence: counts with separators; the seed as typed for --seed (an identifier, not a count).</summary>
    public static string Describe(Summary summary) =>
        $"Seed {summary.Seed.ToString(CultureInfo.InvariantCulture)}, {Numbers.Number(summary.Days)} days with {Numbers.Number(summary.WarmupDays)} of warm-up, "
        + $"{Numbers.Number(summary.Replications)} replication(s)"
        + (summary.Replications > 1 ? " (every figure and chart is the mean over replications)" : "")
        + $"; {Numbers.Number(summary.Teams.Count)} teams. Counts cover the window after the warm-up.";

    /// <summary>What the run's figures cannot support, first on the page, and the steady-state test's verdict.</summary>
    private static string WarningsList(Summary summary)
    {
        var steady = summary.SteadyState;
        var verdict = $"Steady state ({steady.Method}, {steady.Months} months): {(steady.Reached ? "reached" : "not reached")}.";
        var reached = steady.Reached ? "true" : "false";
        if (summary.Warnings.Count == 0)
        {
            return $"<p class=\"steady\" data-reached=\"{reached}\">{ReportPage.Encode(verdict)} No warnings.</p>";
        }
        var items = summary.Warnings.Select(w =>
            $"<li data-code=\"{ReportPage.Encode(w.Code)}\"><code>{ReportPage.Encode(w.Code)}</code> {ReportPage.Encode(w.Message)}</li>");
        return $"<ul class=\"warnings\" data-reached=\"{reached}\"><li>{ReportPage.Encode(verdict)}</li>\n"
            + string.Join("\n", items) + "\n</ul>";
    }

    /// <summary>The shared pools' staff, tasks, utilization and work waiting at the end.</summary>
    private static string PoolsTable(Summary summary)
    {
        var rows = summary.Pools.Select(p => $"<tr data-pool=\"{ReportPage.Encode(p.Id)}\"><td>{ReportPage.Encode(p.Id)}</td>"
            + $"<td>{ReportPage.Encode(string.Join(", ", p.Members.Select(m => $"{m.Key} {m.Value}")))}</td>"
            + $"<td class=\"num\">{Numbers.Number(p.Tasks)}</td><td class=\"num\">{Numbers.Percent(p.Utilization)}</td>"
            + $"<td class=\"num\">{Numbers.Number(p.WaitingEnd)}</td></tr>");
        return "<table class=\"pools\"><thead><tr><th>pool</th><th>staff</th><th>tasks</th><th>utilization</th><th>waiting at end</th></tr></thead><tbody>\n"
            + string.Join("\n", rows) + "\n</tbody></table>";
    }

    private static string FiguresTable(IReadOnlyList<KeyFigure> figures)
    {
        var rows = figures.Select(f => $"<tr data-field=\"{ReportPage.Encode(f.Path)}\" data-value=\"{ReportPage.Encode(f.Json)}\">"
            + $"<td>{ReportPage.Encode(f.Label)} <code>{ReportPage.Encode(f.Path)}</code></td><td class=\"num\">{ReportPage.Encode(Display(f))}</td></tr>");
        return "<table class=\"figures\"><thead><tr><th>figure</th><th>value</th></tr></thead><tbody>\n"
            + string.Join("\n", rows) + "\n</tbody></table>";
    }

    /// <summary>The figures a planner reads first, above the charts (all of them are in the full table below).</summary>
    private static readonly string[] s_headline =
    [
        "cases.filed", "cases.closed", "cases.pending_end", "closure_rate", "clearance_ratio", "time_to_disposition_days.mean",
        "time_to_disposition_days.p90", "pending_time_average", "long_pending.over_365", "locks.first", "balance.index",
    ];

    private static string HeadlineTable(IReadOnlyList<KeyFigure> figures)
    {
        var rows = s_headline.Select(path => figures.FirstOrDefault(f => f.Path == path)).OfType<KeyFigure>()
            .Select(f => $"<tr><td>{ReportPage.Encode(f.Label)}</td><td class=\"num\">{ReportPage.Encode(Display(f))}</td></tr>");
        return "<table class=\"headline\"><tbody>\n" + string.Join("\n", rows) + "\n</tbody></table>";
    }

    private static string TypesTable(Summary summary)
    {
        var rows = summary.ByType.Select(t => $"<tr><td>{ReportPage.Encode(t.Type)}</td><td class=\"num\">{Numbers.Number(t.Filed)}</td>"
            + $"<td class=\"num\">{Numbers.Number(t.Closed)}</td><td class=\"num\">{Numbers.Number(t.MeanTtdDays)}</td></tr>");
        return "<table><thead><tr><th>type</th><th>filed</th><th>closed</th><th>mean days to disposition</th></tr></thead><tbody>\n"
            + string.Join("\n", rows) + "\n</tbody></table>";
    }

    /// <summary>The teams by kind, each kind with its colour in the charts: the figures behind the teams chart's bars.</summary>
    private static string KindsTable(Summary summary)
    {
        var colors = SummaryCharts.KindColors(summary);
        var rows = summary.Teams.GroupBy(t => t.Kind).OrderBy(kind => colors[kind.Key]).Select(kind =>
        {
            var withQuota = kind.Where(t => t.Quota > 0).ToList();
            return $"<tr data-kind=\"{ReportPage.Encode(kind.Key)}\"><td><span class=\"swatch\" style=\"background:{ChartRenderer.Css(colors[kind.Key])}\"></span>"
                + $"{ReportPage.Encode(kind.Key.Replace('_', ' '))}</td><td class=\"num\">{Numbers.Number(kind.Count())}</td>"
                + $"<td class=\"num\">{Numbers.Number(kind.Sum(t => t.Closed))}</td>"
                + $"<td class=\"num\">{Numbers.Number(kind.Min(t => t.Closed))}–{Numbers.Number(kind.Max(t => t.Closed))}</td>"
                + $"<td class=\"num\">{Numbers.Number(kind.Sum(t => t.WorkloadUnits))}</td>"
                + $"<td class=\"num\">{(withQuota.Count == 0 ? "–" : Numbers.Percent(QuotaAttainment.Pooled(withQuota.Select(t => (t.Quota, t.QuotaAttainment)))))}</td>"
                + $"<td class=\"num\">{Numbers.Percent(kind.Average(t => t.Utilization))}</td>"
                + $"<td class=\"num\">{Numbers.Number(kind.Sum(t => t.PendingEnd))}</td></tr>";
        });
        return "<table class=\"kinds\"><thead><tr><th>team kind</th><th>teams</th><th>closed</th><th>closed per team, min–max</th>"
            + "<th>workload units</th><th>quota attainment</th><th>mean judge utilization</th><th>pending at end</th></tr></thead><tbody>\n"
            + string.Join("\n", rows) + "\n</tbody></table>";
    }

    /// <summary>One row a round of Linshu's coins (court by court): its days, each type's coins, the judges' monthly coins and the moves.</summary>
    private static string CoinRoundsTable(Summary summary)
    {
        var types = summary.Scores.Rounds[0].Coins.Keys.ToList();
        var courts = summary.Scores.Rounds.Select(r => r.Court).Distinct().Count() > 1;
        var rows = summary.Scores.Rounds.Select(r => $"<tr data-court=\"{ReportPage.Encode(r.Court)}\" data-round=\"{r.Round}\">"
            + (courts ? $"<td>{ReportPage.Encode(r.Court)}</td>" : "")
            + $"<td class=\"num\">{r.Round}</td><td class=\"num\">{Numbers.Number(r.FromDay)}–{Numbers.Number(r.ToDay)}</td>"
            + string.Concat(types.Select(t => $"<td class=\"num\">{Numbers.Number(r.Coins.GetValueOrDefault(t))}</td>"))
            + $"<td class=\"num\">{Numbers.Number(r.MonthlyCoinsP10)}</td><td class=\"num\">{Numbers.Number(r.MonthlyCoinsP90)}</td>"
            + $"<td class=\"num\" data-spread=\"{r.Spread?.ToString("R", CultureInfo.InvariantCulture) ?? ""}\">{(r.Spread is { } spread ? Numbers.Number(spread) + "×" : "–")}</td>"
            + $"<td class=\"num\">{Numbers.Number(r.Moves)}</td><td class=\"num\">{Numbers.Number(r.PersonMoves)}</td></tr>");
        return "<table class=\"coin-rounds\"><thead><tr>" + (courts ? "<th>court</th>" : "") + "<th>round</th><th>days</th>"
            + string.Concat(types.Select(t => $"<th>{ReportPage.Encode(t)} coins</th>"))
            + "<th>judges' monthly coins, P10</th><th>P90</th><th>spread</th><th>moves</th><th>person-moves</th></tr></thead><tbody>\n"
            + string.Join("\n", rows) + "\n</tbody></table>";
    }

    /// <summary>One row a court (a province runs many): its flows, closure rate, time to disposition and balance index.</summary>
    private static string CourtsTable(Summary summary)
    {
        var rows = summary.Courts.Select(c => $"<tr data-court=\"{ReportPage.Encode(c.Id)}\"><td>{ReportPage.Encode(c.Id)}</td>"
            + $"<td class=\"num\">{Numbers.Number(c.Filed)}</td><td class=\"num\">{Numbers.Number(c.Closed)}</td>"
            + $"<td class=\"num\">{Numbers.Number(c.PendingEnd)}</td><td class=\"num\">{Numbers.Percent(c.ClosureRate)}</td>"
            + $"<td class=\"num\">{Numbers.Number(c.MeanTtdDays)}</td><td class=\"num\">{Numbers.Number(c.BalanceIndex)}</td></tr>");
        return "<table class=\"courts\"><thead><tr><th>court</th><th>filed</th><th>closed</th><th>pending at end</th><th>closure rate</th>"
            + "<th>mean days to disposition</th><th>balance index</th></tr></thead><tbody>\n"
            + string.Join("\n", rows) + "\n</tbody></table>";
    }

    /// <summary>
    /// A figure's JSON text for reading: numbers rounded for the eye, rates as percentages (the exact value is in
    /// data-value), identifiers (the seed, the schema version) as written, so that a seed reads as --seed takes it; text unquoted.
    /// </summary>
    internal static string Display(KeyFigure figure) =>
        KeyFigures.IsIdentifier(figure.Path) ? figure.Json.Trim('"')
        : double.TryParse(figure.Json, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? Numbers.Of(value, KeyFigures.IsRate(figure.Path))
            : figure.Json.Trim('"');
}
