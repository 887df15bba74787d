using Docket.Cli.Output;
using Docket.Domain.Statistics;

namespace Docket.Cli.Reports;

/// <summary>
/// The comparison's charts: each scenario a series (its mean over replications), overlaid, with the 95% interval
/// over its replications as a band around a line or an error bar on a bar; every y axis from zero.
/// </summary>
internal static class ComparisonCharts
{
    public static IReadOnlyList<ChartSpec> For(IReadOnlyList<ComparedScenario> scenarios)
    {
        var months = scenarios.Max(s => s.Mean.Monthly.Count);
        var bands = scenarios.Any(s => s.Replications.Count > 1) ? " The shaded band around each line is its 95% interval over the replications." : "";
        return
        [
            Monthly(scenarios, "pending", "Pending cases", "cases pending at the month's end", m => m.PendingEnd, months,
                "Filed, not yet closed cases at each month's end, each scenario's mean over its replications." + bands),
            new ChartSpec("closures", "Monthly closures", SummaryCharts.MonthAxis(scenarios[0].Mean), "cases",
                [.. scenarios.SelectMany((s, i) => new[]
                {
                    Line($"{s.Name}: closed", s, i, r => r.Monthly.Select(m => m.Closed)),
                    new ChartSeries($"{s.Name}: filed", SummaryCharts.Months(s.Mean), [.. s.Mean.Monthly.Select(m => m.Filed)], SeriesShape.DashedLine, Color: i),
                })],
                "Cases closed (solid, with its band) and filed (dashed) each month; with common random numbers the filings agree where the scenarios share their intake." + bands,
                XTicks: SummaryCharts.MonthTicks(months)),
            Bins(scenarios, "time-to-disposition", "Time to disposition", "days from filing to closing", "cases closed", s => s.TimeToDispositionHistogram,
                "Cases closed in the window by days from filing to closing, side by side in each bin."),
            Bins(scenarios, "pending-age", "Age of pending cases", "age in days at the window's end", "cases pending", s => s.PendingAgeHistogram,
                "Cases pending at the window's end by age, side by side in each bin."),
            Monthly(scenarios, "escalations", "Escalations", "escalations in the month", m => m.Escalations, months,
                "Steps up the escalation ladder past the judge's warning (division head, president, discipline office), per month." + bands
                + Totals(scenarios, m => m.Escalations)),
            Monthly(scenarios, "locks", "Cases locked", "cases locked in the month", m => m.Locks, months,
                "Cases locked at an overdue important node, per month (a chart of its own: locks are far fewer than escalations)." + bands
                + Totals(scenarios, m => m.Locks)),
            new ChartSpec("utilization", "Judge utilization across teams", "teams ranked, share of the court's teams", "judge utilization",
                [.. scenarios.Select((s, i) =>
                {
                    var x = s.Mean.Teams.Select((_, k) => (k + 0.5) / s.Mean.Teams.Count).ToArray();
                    return WithBand(new ChartSeries(s.Name, x, [.. s.Mean.Teams.Select(t => t.Utilization).Order()], SeriesShape.Line, Color: i),
                        s, r => r.Teams.Select(t => t.Utilization).Order());
                })],
                "Each scenario's teams sorted by the busy share of their judges' working hours present (layouts may differ in their number of teams)." + bands)
            {
                YPercent = true,
            },
        ];
    }

    /// <summary>The chart ids, in the page's order.</summary>
    public static IReadOnlyList<string> Ids { get; } = ["pending", "closures", "time-to-disposition", "pending-age", "escalations", "locks", "utilization"];

    private static ChartSeries Line(string name, ComparedScenario s, int color, Func<Summary, IEnumerable<double>> read) =>
        WithBand(new ChartSeries(name, SummaryCharts.Months(s.Mean), [.. read(s.Mean)], SeriesShape.Line, Color: color), s, read);

    /// <summary>The series with the 95% interval of each of its points over the scenario's replications (none with one replication).</summary>
    internal static ChartSeries WithBand(ChartSeries series, ComparedScenario s, Func<Summary, IEnumerable<double>> read)
    {
        if (s.Replications.Count < 2)
        {
            return series;
        }
        var runs = s.Replications.Select(r => read(r).ToArray()).ToList();
        var points = runs.Min(r => r.Length);
        var intervals = Enumerable.Range(0, points).Select(k => ConfidenceInterval.Of([.. runs.Select(r => r[k])])).ToList();
        return series with { Low = [.. intervals.Select(c => c.Low)], High = [.. intervals.Select(c => c.High)] };
    }

    private static ChartSpec Monthly(IReadOnlyList<ComparedScenario> scenarios, string id, string title, string yLabel, Func<MonthRow, double> read, int months, string caption) =>
        new(id, title, SummaryCharts.MonthAxis(scenarios[0].Mean), yLabel,
            [.. scenarios.Select((s, i) => Line(s.Name, s, i, r => r.Monthly.Select(read)))],
            caption + Flattened(scenarios, read), XTicks: SummaryCharts.MonthTicks(months));

    /// <summary>
    /// Each scenario's window total of a monthly count, mean [95% interval] over its replications: the figures a
    /// chart cannot show where one scenario's counts are tiny beside another's.
    /// </summary>
    internal static string Totals(IReadOnlyList<ComparedScenario> scenarios, Func<MonthRow, double> read) =>
        " Window totals: " + string.Join("; ", scenarios.Select(s =>
        {
            var total = ConfidenceInterval.Of([.. s.Replications.Select(r => r.Monthly.Sum(read))]);
            return $"{s.Name} {Numbers.Number(total.Mean)}" + (total.Exists ? $" [{Numbers.Number(Math.Max(0, total.Low))}, {Numbers.Number(total.High)}]" : "");
        })) + (scenarios.Any(s => s.Replications.Count > 1) ? " (mean [95% interval])." : ".");

    /// <summary>
    /// A note naming the scenarios whose line lies flat on the axis because another's counts are more than twenty
    /// times larger (the axis, from zero, is the larger one's), or "".
    /// </summary>
    internal static string Flattened(IReadOnlyList<ComparedScenario> scenarios, Func<MonthRow, double> read)
    {
        var peaks = scenarios.Select(s => s.Mean.Monthly.Select(read).DefaultIfEmpty(0).Max()).ToList();
        var top = peaks.Max();
        var flat = scenarios.Where((_, i) => peaks[i] * 20 < top).Select(s => s.Name).ToList();
        return flat.Count == 0 ? ""
            : $" At this scale {string.Join(" and ", flat)} {(flat.Count == 1 ? "lies" : "lie")} near zero: {(flat.Count == 1 ? "its" : "their")} peak month is under a twentieth of the highest.";
    }

    /// <summary>Each bin's bars side by side within the bin's width, cases per day of the bin, with error bars.</summary>
    private static ChartSpec Bins(IReadOnlyList<ComparedScenario> scenarios, string id, string title, string xLabel, string yLabel,
        Func<Summary, IReadOnlyList<HistogramBin>> bins, string caption)
    {
        var n = scenarios.Count;
        var first = bins(scenarios[0].Mean);
        var spans = SummaryCharts.BinSpans(first);
        var end = SummaryCharts.BinsEnd(scenarios.Select(s => bins(s.Mean)));
        var series = scenarios.Select((s, i) =>
        {
            var x = spans.Select(b => b.From + (b.Width * (0.1 + ((i + 0.5) * 0.8 / n)))).ToArray();
            var widths = spans.Select(b => b.Width * 0.8 / n).ToArray();
            return WithBand(new ChartSeries(s.Name, x, [.. bins(s.Mean).Select((b, k) => b.Cases / spans[k].Width)], SeriesShape.Bars, Color: i) { Widths = widths },
                s, r => bins(r).Select((b, k) => b.Cases / spans[k].Width));
        }).ToList();
        return new ChartSpec(id, title, xLabel, $"{yLabel} per day of the bin", series,
            caption + " Each bin's bars share its width (bins 0–7, 7–15, 15–30, 30–60 … days), so their areas, not their heights, compare cases across bins; "
            + "the error bars are 95% intervals over the replications.",
            XTicks: SummaryCharts.EdgeTicks(first, end))
        {
            XRange = (0, end),
        };
    }
}
