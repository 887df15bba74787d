using System.Text;
using Docket.Cli.Output;
using Docket.Domain.Statistics;

namespace Docket.Cli.Reports;

/// <summary>compare.html: the side-by-side table with 95% intervals and paired differences, and the overlaid charts (also as PNG files in <c>charts/</c>).</summary>
internal static class ComparisonReport
{
    public const string FileName = "compare.html";

    public static async Task<string> WriteAsync(Comparison comparison, string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var names = comparison.Scenarios.Select(s => s.Name).ToList();
        var page = new ReportPage($"Docket comparison: {string.Join(" vs ", names)}");
        page.Paragraph($"{comparison.Replications} replication(s) of each scenario with common random numbers (seed {comparison.Seed}): "
            + "replication r of every scenario uses the same seed, and a case gets the same intake and effort draws wherever it goes. "
            + $"Intervals are 95% Student-t intervals over replications; a difference is paired, replication by replication, against {names[0]}.", "meta");
        page.Heading("Key figures");
        page.Raw(Table(comparison));
        page.Paragraph("Highlighted rows and a * mark a paired difference whose 95% interval leaves out zero (significant at 5%).");
        page.Heading("Charts");
        var folder = Path.Combine(directory, SimulationReport.ChartsFolder);
        Directory.CreateDirectory(folder);
        foreach (var chart in ComparisonCharts.For(comparison.Scenarios))
        {
            var png = ChartRenderer.Png(chart);
            await File.WriteAllBytesAsync(Path.Combine(folder, chart.Id + ".png"), png, cancellationToken);
            page.Chart(chart, png);
        }
        var path = Path.Combine(directory, FileName);
        await File.WriteAllTextAsync(path, page.Html(), cancellationToken);
        return path;
    }

    private static string Table(Comparison comparison)
    {
        var names = comparison.Scenarios.Select(s => s.Name).ToList();
        var html = new StringBuilder("<table class=\"comparison\"><thead><tr><th>measure</th>");
        foreach (var name in names)
        {
            html.Append("<th>").Append(ReportPage.Encode(name)).Append("</th>");
        }
        foreach (var name in names.Skip(1))
        {
            html.Append("<th>").Append(ReportPage.Encode($"{name} − {names[0]}")).Append(" (95% interval)</th>");
        }
        html.AppendLine("</tr></thead><tbody>");
        foreach (var measure in comparison.Measures)
        {
            var significant = measure.Differences.Any(d => d.ExcludesZero);
            html.Append($"<tr data-measure=\"{ReportPage.Encode(measure.Measure)}\"{(significant ? " class=\"significant\"" : "")}><td>")
                .Append(ReportPage.Encode(measure.Measure)).Append("</td>");
            foreach (var interval in measure.Scenarios)
            {
                html.Append("<td class=\"num\">").Append(ReportPage.Encode(Numbers.Interval(interval, measure.Rate))).Append("</td>");
            }
            foreach (var difference in measure.Differences)
            {
                html.Append($"<td class=\"num\" data-significant=\"{(difference.ExcludesZero ? "true" : "false")}\">")
                    .Append(ReportPage.Encode(Numbers.Difference(difference, measure.Rate))).Append("</td>");
            }
            html.AppendLine("</tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }
}
