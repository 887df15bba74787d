using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Docket.Cli.Output;
using Docket.Cli.Reports;
using Docket.Domain.Statistics;

namespace Docket.Cli.Tests;

/// <summary>report.html beside summary.json: every chart drawn from summary.json's own series, every figure in its table.</summary>
public sealed class ReportTests
{
    private static readonly string[] s_charts = ["pending-by-kind", "filings-closures", "time-to-disposition", "pending-age", "teams", "escalations", "locks"];

    /// <summary>A short run of the sample court with deadlines, locks, several team kinds and a monthly baseline.</summary>
    private static async Task<(string Directory, Summary Summary, JsonObject Json)> SimulateAsync(params string[] extra)
    {
        var outDir = Path.Combine(Path.GetTempPath(), $"docket-report-{Guid.NewGuid():N}");
        var scenario = Path.Combine(CliRunner.RepoRoot(), "scenarios", "yancheng-nodes.yaml");
        var (exit, _, error) = await CliRunner.RunAsync(["simulate", scenario, "--days", "730", "--out", outDir, "--json", .. extra]);
        Assert.True(exit == 0, error);
        var text = await File.ReadAllTextAsync(Path.Combine(outDir, "summary.json"));
        return (outDir, SummaryJson.Deserialize<Summary>(text), JsonNode.Parse(text)!.AsObject());
    }

    /// <summary>Every number or text of summary.json outside its lists, by dotted path, as its JSON text.</summary>
    internal static IEnumerable<(string Path, string Json)> Figures(JsonObject node, string prefix = "")
    {
        foreach (var (key, value) in node)
        {
            var path = prefix.Length == 0 ? key : $"{prefix}.{key}";
            if (value is JsonObject child)
            {
                foreach (var figure in Figures(child, path))
                {
                    yield return figure;
                }
            }
            else if (value is JsonValue leaf)
            {
                yield return (path, leaf.ToJsonString());
            }
        }
    }

    [Fact]
    public async Task The_charts_plot_summary_jsons_own_series_point_for_point()
    {
        var (_, summary, _) = await SimulateAsync("--no-report");
        var charts = SummaryCharts.For(summary).ToDictionary(c => c.Id);
        Assert.Equal(s_charts, charts.Keys);
        var months = summary.Monthly.Count;
        Assert.Equal(12, months);

        var pending = charts["pending-by-kind"].Series;
        Assert.Equal([.. summary.Monthly[0].PendingEndByKind.Keys.Select(k => k.Replace('_', ' ')), "all pending"], pending.Select(s => s.Name));
        Assert.All(pending, s => Assert.Equal(months, s.Y.Count));
        Assert.Equal(summary.Monthly.Select(m => m.PendingEndByKind["specialized"]), pending.Single(s => s.Name == "specialized").Y);
        Assert.Equal(summary.Monthly.Select(m => m.PendingEnd), pending[^1].Y);

        var flows = charts["filings-closures"].Series.ToDictionary(s => s.Name);
        Assert.Equal(summary.Monthly.Select(m => m.Filed), flows["filed"].Y);
        Assert.Equal(summary.Monthly.Select(m => m.Closed), flows["closed"].Y);
        Assert.Equal(summary.Monthly.Select(m => m.ClosureRate), flows["closure rate"].Y);
        Assert.Equal(summary.Monthly.Select(m => m.ClosureRateBaseline), flows["closure-rate baseline"].Y);
        Assert.Equal(summary.Monthly.Select(m => m.ClosureShare), flows["closure share of the year"].Y);
        Assert.True(flows["closure-rate baseline"].RightAxis && flows["closure rate"].RightAxis && flows["closure share of the year"].RightAxis);

        AssertHistogram(summary.TimeToDispositionHistogram, charts["time-to-disposition"]);
        AssertHistogram(summary.PendingAgeHistogram, charts["pending-age"]);

        // Every team once, its utilization a bar in its kind's series, its quota attainment a point where it has a quota.
        var teams = charts["teams"];
        // The kinds in their fixed colour order (fast track, specialized, enforcement, leadership, …).
        var colors = SummaryCharts.KindColors(summary);
        var kinds = summary.Teams.Select(t => t.Kind).Distinct().OrderBy(k => colors[k]).ToList();
        Assert.Equal([.. kinds.Select(k => k.Replace('_', ' ')), "quota attainment"], teams.Series.Select(s => s.Name));
        Assert.Equal(summary.Teams.Select(t => t.Id).Order(), teams.XTicks!.Select(t => t.Label).Order());
        var at = teams.XTicks!.ToDictionary(t => t.Label, t => t.Position);
        foreach (var team in summary.Teams)
        {
            var bars = teams.Series.Single(s => s.Name == team.Kind.Replace('_', ' '));
            Assert.Equal(team.Utilization, bars.Y[bars.X.ToList().IndexOf(at[team.Id])]);
            var quota = teams.Series[^1];
            Assert.Equal(team.Quota > 0, quota.X.Contains(at[team.Id]));
            if (team.Quota > 0)
            {
                Assert.Equal(team.QuotaAttainment, quota.Y[quota.X.ToList().IndexOf(at[team.Id])]);
            }
        }
        Assert.Equal(kinds.Count, teams.Series.Take(kinds.Count).Select(s => s.Color).Distinct().Count());

        // Escalations and locks each on a chart of their own, one series each: locks are not flattened beside escalations.
        var escalations = Assert.Single(charts["escalations"].Series);
        var locks = Assert.Single(charts["locks"].Series);
        Assert.Equal(summary.Monthly.Select(m => m.Escalations), escalations.Y);
        Assert.Equal(summary.Monthly.Select(m => m.Locks), locks.Y);
        Assert.True(locks.Y.Sum() > 0 && escalations.Y.Sum() > 0);
    }

    [Fact]
    public async Task Simulate_writes_a_self_contained_report_with_every_chart_and_every_figure_of_summary_json()
    {
        var (directory, _, json) = await SimulateAsync();
        var html = await File.ReadAllTextAsync(Path.Combine(directory, "report.html"));
        foreach (var id in s_charts)
        {
            var png = await File.ReadAllBytesAsync(Path.Combine(directory, "charts", id + ".png"));
            Assert.True(png.Length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', $"charts/{id}.png is not a PNG");
            var embedded = Regex.Match(html, $"<figure class=\"chart\" data-chart=\"{id}\"[^>]*><img src=\"data:image/png;base64,([^\"]+)\"");
            Assert.True(embedded.Success, $"report.html does not embed the chart {id}");
            Assert.Equal(png, Convert.FromBase64String(embedded.Groups[1].Value));
        }
        // Self-contained: nothing fetched from elsewhere.
        Assert.DoesNotMatch("(src|href)=\"(?!data:)[^\"#]", html);
        AssertHoldsEveryFigure(html, json);
    }

    [Fact]
    public async Task The_report_opens_with_the_runs_warnings_and_lists_the_shared_pools()
    {
        var path = CliRunner.WriteTemp("""
            name: pooled
            seed: 5
            days: 200
            case_types:
              - id: a
                effort: { judge: { dist: exponential, mean_hours: 20 }, hearing_record: { dist: exponential, mean_hours: 3 } }
            intake:
              - { type: a, per_year: 300 }
            teams:
              - { id: t, count: 2, members: { judge: 1 }, accepts: [a] }
            pools:
              - { id: records, members: { clerk: 2 }, tasks: [hearing_record] }
            """);
        var outDir = Path.Combine(Path.GetTempPath(), $"docket-report-{Guid.NewGuid():N}");
        var (exit, _, error) = await CliRunner.RunAsync("simulate", path, "--out", outDir);
        Assert.True(exit == 0, error);
        var html = await File.ReadAllTextAsync(Path.Combine(outDir, "report.html"));
        var summary = SummaryJson.Deserialize<Summary>(await File.ReadAllTextAsync(Path.Combine(outDir, "summary.json")));

        var warnings = html.IndexOf("<ul class=\"warnings\"", StringComparison.Ordinal);
        Assert.True(warnings >= 0 && warnings < html.IndexOf("<table class=\"headline\"", StringComparison.Ordinal), "the warnings come before the headline");
        Assert.Contains("data-code=\"starts_empty\"", html);
        var pool = Assert.Single(summary.Pools);
        Assert.Contains($"<tr data-pool=\"records\"><td>records</td><td>clerk 2</td>", html);
        Assert.InRange(pool.Utilization, 0.01, 1.0);
    }

    [Fact]
    public async Task The_report_shows_the_published_lists_latest_periods_and_each_judges_monthly_counts_against_expected_escaped()
    {
        // A team id with markup in it: every name on the page must come out escaped.
        var path = CliRunner.WriteTemp("""
            name: lists
            seed: 7
            days: 200
            case_types:
              - id: a
                time_limit_days: 45
                effort: { judge: { dist: exponential, mean_hours: 40 } }
            intake:
              - { type: a, per_year: 700 }
            teams:
              - { id: 'civil<&"x>', count: 3, members: { judge: 2 }, accepts: [a] }
            assignment: { policy: random }
            """);
        var outDir = Path.Combine(Path.GetTempPath(), $"docket-report-{Guid.NewGuid():N}");
        var (exit, _, error) = await CliRunner.RunAsync("simulate", path, "--out", outDir);
        Assert.True(exit == 0, error);
        var html = await File.ReadAllTextAsync(Path.Combine(outDir, "report.html"));
        var reports = SummaryJson.Deserialize<Summary>(await File.ReadAllTextAsync(Path.Combine(outDir, "summary.json"))).Reports;

        Assert.DoesNotContain("<&\"x>", html, StringComparison.Ordinal);
        Assert.Contains(">Published lists (reporting cadences)</h2>", html, StringComparison.Ordinal);
        var past = reports.PastLimit;
        Assert.True(past.Produced > 0 && past.LastPeriod is not null);
        Assert.Contains($"<tr data-list=\"past_limit\"><td>open past the statutory limit</td><td>weekly ({Numbers.Number(past.Produced)})</td>"
            + $"<td>{past.LastPeriod}</td><td class=\"num\">{Numbers.Number(past.Mean)}</td><td class=\"num\">{Numbers.Number(past.Max)}</td>"
            + $"<td class=\"num\">{Numbers.Number(past.Last)}</td></tr>", html, StringComparison.Ordinal);
        var near = reports.DailyCheck.NearLimit;
        Assert.Contains($"<td class=\"num\">{Numbers.Number(near.Mean!.Value)}</td><td class=\"num\">{Numbers.Number(near.Max!.Value)}</td>"
            + $"<td class=\"num\">{Numbers.Number(near.Last!.Value)}</td></tr>", Regex.Match(html, "<tr data-list=\"near_limit\">.*?</tr>").Value, StringComparison.Ordinal);
        Assert.Contains("<tr data-list=\"not_served\"><td>not served 15 days after filing</td><td>daily", html, StringComparison.Ordinal);
        Assert.Contains("no case type has the node or limit this check reads", Regex.Match(html, "<tr data-list=\"not_served\">.*?</tr>").Value, StringComparison.Ordinal);

        // The last month's counts: a row a judge, in summary.json's order, the row flagged when the team's residual departs.
        var assignments = reports.Assignments;
        Assert.Equal(6, assignments.LastJudges.Count);
        Assert.Contains($"latest {assignments.LastPeriod}:", html, StringComparison.Ordinal);
        var rows = Regex.Matches(Regex.Match(html, "<table class=\"judge-counts\">.*?</table>", RegexOptions.Singleline).Value,
            "<tr data-judge=\"([^\"]+)\" data-departing=\"(true|false)\"[^>]*>(.*?)</tr>");
        Assert.Equal(assignments.LastJudges.Select(j => WebUtility.HtmlEncode(j.Judge)), rows.Select(r => r.Groups[1].Value));
        Assert.True(assignments.LastJudges.Sum(j => j.Drawn) > 0);
        for (var i = 0; i < rows.Count; i++)
        {
            var j = assignments.LastJudges[i];
            Assert.Equal(Math.Abs(j.TeamResidual) >= 3 ? "true" : "false", rows[i].Groups[2].Value);
            Assert.Contains($"<td class=\"num\">{Numbers.Number(j.Assigned)}</td><td class=\"num\">{Numbers.Number(j.Drawn)}</td>"
                + $"<td class=\"num\">{Numbers.Number(j.Expected)}</td><td class=\"num\">{(j.Deviation > 0 ? "+" : "")}{Numbers.Number(j.Deviation)}</td>",
                rows[i].Groups[3].Value, StringComparison.Ordinal);
        }

        var division = Assert.Single(reports.Caseload.Divisions, d => d.Division != "unassigned");
        Assert.Contains($"<tr data-division=\"{WebUtility.HtmlEncode(division.Division)}\"><td>{WebUtility.HtmlEncode(division.Division)}</td>"
            + $"<td class=\"num\">{Numbers.Number(division.PendingStart)}</td><td class=\"num\">{Numbers.Number(division.Filed)}</td>", html, StringComparison.Ordinal);
        var quarterly = reports.Rankings.Quarterly;
        Assert.Contains($"<tr data-ranking=\"quarterly\"><td>quarterly</td><td class=\"num\">{Numbers.Number(quarterly.Produced)}</td><td>{quarterly.LastPeriod}</td>",
            html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_report_leaves_only_summary_json()
    {
        var (directory, _, _) = await SimulateAsync("--no-report");
        Assert.True(File.Exists(Path.Combine(directory, "summary.json")));
        Assert.False(File.Exists(Path.Combine(directory, "report.html")));
        Assert.False(Directory.Exists(Path.Combine(directory, "charts")));
    }

    [Fact]
    public async Task The_report_loads_in_headless_chromium_with_every_chart_decoded_and_no_error()
    {
        var (directory, _, json) = await SimulateAsync();
        var page = await HeadlessChromium.LoadAsync(Path.Combine(directory, "report.html"));
        AssertRendered(page, s_charts);
        AssertHoldsEveryFigure(page.Dom, json);
    }

    /// <summary>Each bin a bar from its lower edge, as wide as the bin, whose area (height × width) is the bin's cases.</summary>
    private static void AssertHistogram(IReadOnlyList<HistogramBin> bins, ChartSpec chart)
    {
        var series = chart.Series.Single();
        Assert.Equal(bins.Count, series.Y.Count);
        Assert.False(chart.ShowsLegend);
        for (var i = 0; i < bins.Count; i++)
        {
            var width = series.Widths![i];
            Assert.Equal(bins[i].FromDays, series.X[i] - (width / 2), 9);
            if (bins[i].ToDays is { } to)
            {
                Assert.Equal(to - bins[i].FromDays, width, 9);
            }
            Assert.Equal(bins[i].Cases, series.Y[i] * width, 6);
        }
        // Unequal bins: 0–7 is 7 days wide, 30–60 is 30.
        Assert.Equal(7, series.Widths![0]);
        Assert.Equal(30, series.Widths![3]);
        // Tick labels sit at the bins' edges, under the bars they bound, and the axis's end, the last bar's right
        // edge, is labelled too.
        Assert.All(chart.XTicks!, t => Assert.Contains(bins, b => b.FromDays == t.Position || b.ToDays == t.Position));
        var end = chart.XRange!.Value.Max;
        if (bins.Any(b => b.ToDays == end))
        {
            Assert.Equal((end, Numbers.Number(end)), chart.XTicks![^1]);
        }
    }

    internal static void AssertRendered(HeadlessChromium.Page page, IReadOnlyCollection<string> charts)
    {
        Assert.True(page.BodyAttribute("data-checked") == "true", "the page's load check never ran:\n" + page.Log);
        Assert.Equal(charts.Count.ToString(), page.BodyAttribute("data-charts"));
        Assert.Equal(charts.Count.ToString(), page.BodyAttribute("data-charts-decoded"));
        Assert.Equal("", page.BodyAttribute("data-charts-failed"));
        Assert.Equal("0", page.BodyAttribute("data-errors"));
        Assert.Equal("0", page.BodyAttribute("data-external-requests"));
        Assert.Empty(page.ConsoleLines);
        foreach (var id in charts)
        {
            Assert.Matches($"<figure class=\"chart\" data-chart=\"{id}\"[^>]*><img src=\"data:image/png;base64,[A-Za-z0-9+/]{{100}}", page.Dom);
        }
    }

    [Fact]
    public async Task The_report_shows_each_coin_round_with_its_prices_spread_and_moves()
    {
        var outDir = Path.Combine(Path.GetTempPath(), $"docket-report-{Guid.NewGuid():N}");
        var (exit, _, error) = await CliRunner.RunAsync(["simulate", Path.Combine(CliRunner.RepoRoot(), "scenarios", "linshu-pull.yaml"), "--out", outDir, "--json"]);
        Assert.True(exit == 0, error);
        var summary = SummaryJson.Deserialize<Summary>(await File.ReadAllTextAsync(Path.Combine(outDir, "summary.json")));
        var html = await File.ReadAllTextAsync(Path.Combine(outDir, "report.html"));

        var table = Regex.Match(html, "<table class=\"coin-rounds\">.*?</table>", RegexOptions.Singleline).Value;
        var rows = Regex.Matches(table, "<tr data-court=\"[^\"]*\" data-round=\"(\\d+)\">(.*?)</tr>", RegexOptions.Singleline);
        Assert.Equal(summary.Scores.Rounds.Select(r => r.Round.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows.Select(m => m.Groups[1].Value));
        for (var i = 0; i < rows.Count; i++)
        {
            var round = summary.Scores.Rounds[i];
            var spread = Regex.Match(rows[i].Value, "data-spread=\"([^\"]*)\"").Groups[1].Value;
            Assert.Equal(round.Spread, double.Parse(spread, System.Globalization.CultureInfo.InvariantCulture));
            foreach (var coins in round.Coins.Values)
            {
                Assert.Contains($"<td class=\"num\">{Numbers.Number(coins)}</td>", rows[i].Value, StringComparison.Ordinal);
            }
        }
        Assert.Contains("<th>commercial coins</th>", table, StringComparison.Ordinal);
    }

    private static void AssertHoldsEveryFigure(string html, JsonObject summary)
    {
        var figures = Figures(summary).ToList();
        Assert.Contains(figures, f => f.Path == "cases.closed");
        Assert.Contains(figures, f => f.Path == "engine.wall_seconds");
        foreach (var (path, value) in figures)
        {
            Assert.True(html.Contains($"data-field=\"{path}\" data-value=\"{WebUtility.HtmlEncode(value)}\"", StringComparison.Ordinal),
                $"the report's table lacks {path} = {value}");
        }
    }
}
