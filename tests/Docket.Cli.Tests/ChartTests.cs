using System.Text.RegularExpressions;
using Docket.Cli.Output;
using Docket.Cli.Reports;
using Docket.Domain.Statistics;

namespace Docket.Cli.Tests;

/// <summary>How the charts are drawn: axes from zero, legends only to tell series apart, bands, kind colours, courts.</summary>
public sealed class ChartTests
{
    private static async Task<(string Directory, Summary Summary)> SimulateAsync(string scenario, params string[] extra)
    {
        var outDir = Path.Combine(Path.GetTempPath(), $"docket-chart-{Guid.NewGuid():N}");
        var path = Path.IsPathRooted(scenario) ? scenario : Path.Combine(CliRunner.RepoRoot(), "scenarios", scenario);
        var (exit, _, error) = await CliRunner.RunAsync(["simulate", path, "--out", outDir, "--json", .. extra]);
        Assert.True(exit == 0, error);
        return (outDir, SummaryJson.Deserialize<Summary>(await File.ReadAllTextAsync(Path.Combine(outDir, "summary.json"))));
    }

    private static ScottPlot.AxisLimits Drawn(ChartSpec chart, out ScottPlot.Plot plot)
    {
        plot = ChartRenderer.Draw(chart);
        plot.RenderInMemory(ChartRenderer.Width, ChartRenderer.Height);
        return plot.Axes.GetLimits();
    }

    /// <summary>The legend's entries: every plottable's labelled items (a legend with none is not drawn).</summary>
    private static int LegendEntries(ScottPlot.Plot plot) =>
        plot.GetPlottables().SelectMany(p => p.LegendItems).Count(i => !string.IsNullOrEmpty(i.LabelText));

    [Fact]
    public void An_empty_count_chart_runs_from_zero_up_never_below()
    {
        double[] months = [1, 2, 3];
        var chart = new ChartSpec("locks", "Locks", "month", "cases locked", [new ChartSeries("locks", months, [0, 0, 0], SeriesShape.Line)], "none");
        var limits = Drawn(chart, out _);
        Assert.Equal(0, limits.Bottom);
        Assert.True(limits.Top >= 1, $"top {limits.Top}");
    }

    [Fact]
    public void A_single_series_chart_has_no_legend_and_a_chart_of_several_has_one()
    {
        double[] x = [1, 2];
        var one = new ChartSpec("a", "A", "x", "y", [new ChartSeries("cases", x, [1, 2], SeriesShape.Bars)], "");
        var two = one with { Series = [.. one.Series, new ChartSeries("other", x, [2, 1], SeriesShape.Line)] };
        Drawn(one, out var plotOne);
        Drawn(two, out var plotTwo);
        Assert.False(one.ShowsLegend);
        Assert.Equal(0, LegendEntries(plotOne));
        Assert.True(two.ShowsLegend);
        Assert.Equal(2, LegendEntries(plotTwo));
    }

    [Fact]
    public async Task Every_report_chart_starts_its_axes_at_zero_and_a_legend_only_for_several_series()
    {
        var (directory, summary) = await SimulateAsync("yancheng-nodes.yaml", "--days", "730");
        foreach (var chart in SummaryCharts.For(summary))
        {
            var limits = Drawn(chart, out var plot);
            Assert.True(limits.Bottom == 0, $"{chart.Id}: y axis from {limits.Bottom}");
            if (chart.RightLabel is not null)
            {
                Assert.Equal(0, plot.Axes.Right.Range.Min);
            }
            Assert.Equal(chart.Series.Count > 1 ? chart.Series.Count : 0, LegendEntries(plot));
        }
        var html = await File.ReadAllTextAsync(Path.Combine(directory, "report.html"));
        Assert.Contains("data-chart=\"time-to-disposition\" data-series=\"1\" data-legend=\"false\"", html);
        Assert.Contains("data-chart=\"pending-by-kind\"", html);
    }

    [Fact]
    public async Task The_teams_chart_colours_each_kind_as_the_pages_team_kind_table_does()
    {
        var (directory, summary) = await SimulateAsync("xicheng-pooled.yaml", "--days", "400");
        var colors = SummaryCharts.KindColors(summary);
        var teams = SummaryCharts.For(summary).Single(c => c.Id == "teams");
        var html = await File.ReadAllTextAsync(Path.Combine(directory, "report.html"));
        foreach (var kind in summary.Teams.Select(t => t.Kind).Distinct())
        {
            Assert.Equal(colors[kind], teams.Series.Single(s => s.Name == kind.Replace('_', ' ')).Color);
            var row = Regex.Match(html, $"<tr data-kind=\"{kind}\"><td><span class=\"swatch\" style=\"background:(#[0-9a-f]{{6}})\"></span>[^<]*</td><td class=\"num\">([^<]*)</td>");
            Assert.True(row.Success, $"no team-kind row for {kind}");
            Assert.Equal(ChartRenderer.Css(colors[kind]), row.Groups[1].Value);
            Assert.Equal(summary.Teams.Count(t => t.Kind == kind).ToString(), row.Groups[2].Value);
        }
        // 170 teams: the axis names the kinds, not every team.
        Assert.True(summary.Teams.Count > SummaryCharts.MaxTeamBars);
        Assert.Equal(summary.Teams.Select(t => t.Kind.Replace('_', ' ')).Distinct().Order(), teams.XTicks!.Select(t => t.Label).Order());
    }

    [Fact]
    public async Task A_team_kind_has_the_same_colour_in_every_report_whatever_order_its_teams_come_in()
    {
        var (_, summary) = await SimulateAsync("xicheng-pooled.yaml", "--days", "400", "--no-report");
        var reversed = summary with { Teams = [.. summary.Teams.Reverse()] };
        var colors = SummaryCharts.KindColors(summary);
        Assert.Equal(colors, SummaryCharts.KindColors(reversed));
        Assert.Equal(colors["fast_track"], SummaryCharts.KindColors(summary with { Teams = [.. summary.Teams.Where(t => t.Kind != "specialized")] })["fast_track"]);
        // Each kind a colour of its own, and the waiting ("unassigned") one too.
        var kinds = summary.Teams.Select(t => t.Kind).Append(CourtStatisticsCollector.UnassignedKind).Distinct().ToList();
        Assert.Equal(kinds.Count, kinds.Select(k => ChartRenderer.Css(colors[k])).Distinct().Count());
    }

    [Fact]
    public async Task A_report_of_several_courts_has_a_row_per_court_and_shows_rates_as_percentages()
    {
        // The province's first 60 days, without its warm-up year: the page's layout, not the figures, is under test.
        var province = await File.ReadAllTextAsync(Path.Combine(CliRunner.RepoRoot(), "scenarios", "province.yaml"));
        Assert.Contains("warmup_days: 365", province);
        var (directory, summary) = await SimulateAsync(CliRunner.WriteTemp(province.Replace("warmup_days: 365", "warmup_days: 0")), "--days", "60");
        Assert.True(summary.Courts.Count > 1);
        var html = await File.ReadAllTextAsync(Path.Combine(directory, "report.html"));
        Assert.Contains($"By court ({summary.Courts.Count} courts)", html);
        foreach (var court in summary.Courts)
        {
            Assert.Contains($"<tr data-court=\"{court.Id}\">", html);
        }
        Assert.Contains($"data-field=\"closure_rate\" data-value=\"{System.Text.Json.JsonSerializer.Serialize(summary.ClosureRate)}\"", html);
        Assert.Matches("data-field=\"closure_rate\"[^>]*><td>[^<]*<code>closure_rate</code></td><td class=\"num\">[0-9.]+ %</td>", html);
        Assert.DoesNotMatch(@"<td class=""num"">-?[0-9.,]+E[+-][0-9]+</td>", html);
        // Counts with separators (3,064 teams), the seed as --seed takes it (2020, not 2,020).
        Assert.True(summary.Teams.Count >= 1000 && summary.Seed >= 1000);
        Assert.Contains($"Seed {summary.Seed}, {summary.Days} days with 0 of warm-up, 1 replication(s); {Numbers.Number(summary.Teams.Count)} teams.", html);
        Assert.Matches($"data-field=\"seed\"[^>]*><td>[^<]*<code>seed</code></td><td class=\"num\">{summary.Seed}</td>", html);
    }

    [Fact]
    public async Task Compare_charts_carry_each_scenarios_95_percent_band_and_start_at_zero()
    {
        var (_, a) = await SimulateAsync("minimal.yaml", "--replications", "3", "--no-report");
        var (_, b) = await SimulateAsync("minimal.yaml", "--replications", "3", "--no-report", "--seed", "99");
        var scenarios = new[] { new ComparedScenario("a", a, a.ReplicationsDetail!), new ComparedScenario("b", b, b.ReplicationsDetail!) };
        var charts = ComparisonCharts.For(scenarios);
        Assert.Equal(ComparisonCharts.Ids, charts.Select(c => c.Id));
        var pending = charts.Single(c => c.Id == "pending");
        foreach (var (series, scenario) in pending.Series.Zip(scenarios))
        {
            var first = ConfidenceInterval.Of([.. scenario.Replications.Select(r => r.Monthly[0].PendingEnd)]);
            Assert.Equal(first.Low, series.Low![0], 9);
            Assert.Equal(first.High, series.High![0], 9);
            Assert.All(Enumerable.Range(0, series.Y.Count), k => Assert.InRange(series.Y[k], series.Low![k] - 1e-9, series.High![k] + 1e-9));
        }
        foreach (var chart in charts)
        {
            Assert.Equal(0, Drawn(chart, out _).Bottom);
            Assert.All(chart.Series.Where(s => !s.Name.EndsWith(": filed", StringComparison.Ordinal)), s => Assert.NotNull(s.Low));
        }
    }

    [Fact]
    public void A_compare_count_chart_gives_each_scenarios_window_total_and_names_a_line_flattened_beside_a_larger_one()
    {
        static Summary Run(double escalationsPerMonth, double shift) => new()
        {
            Monthly = [.. Enumerable.Range(1, 12).Select(m => new MonthRow { Month = m, Escalations = escalationsPerMonth + (m % 2 == 0 ? shift : -shift), Locks = 1 })],
        };
        ComparedScenario Scenario(string name, double perMonth) =>
            new(name, Run(perMonth, 0), [Run(perMonth, 0), Run(perMonth, 0.5), Run(perMonth + 1, 0)]);
        var scenarios = new[] { Scenario("wards", 1000), Scenario("pools", 2) };
        var charts = ComparisonCharts.For(scenarios);
        var escalations = charts.Single(c => c.Id == "escalations").Caption;
        var wards = ConfidenceInterval.Of([12_000, 12_000, 12_012]);
        Assert.Contains($"Window totals: wards {Numbers.Number(wards.Mean)} [{Numbers.Number(wards.Low)}, {Numbers.Number(wards.High)}]; pools 28 [", escalations);
        Assert.Contains("At this scale pools lies near zero", escalations);
        // Locks: one a month in both, nothing flattened.
        var locks = charts.Single(c => c.Id == "locks").Caption;
        Assert.Contains("Window totals: wards 12 [12, 12]; pools 12 [12, 12] (mean [95% interval]).", locks);
        Assert.DoesNotContain("near zero", locks);
    }
}
