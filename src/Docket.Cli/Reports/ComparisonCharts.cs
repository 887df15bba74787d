using Docket.Domain.Statistics;

namespace Docket.Cli.Reports;

/// <summary>The comparison's charts: each scenario a series (its mean over replications), overlaid.</summary>
internal static class ComparisonCharts
{
    public static IReadOnlyList<ChartSpec> For(IReadOnlyList<ComparedScenario> scenarios)
    {
        var months = scenarios.Max(s => s.Mean.Monthly.Count);
        return
        [
            Monthly(scenarios, "pending", "Pending cases", "cases pending at the month's end", m => m.PendingEnd, months,
                "Filed, not yet closed cases at each month's end, each scenario's mean over its replications."),
            new ChartSpec("closures", "Monthly closures", "month of the window", "cases",
                [.. scenarios.SelectMany((s, i) => new[]
                {
                    new ChartSeries($"{s.Name}: closed", SummaryCharts.Months(s.Mean), [.. s.Mean.Monthly.Select(m => m.Closed)], SeriesShape.Line, Color: i),
                    new ChartSeries($"{s.Name}: filed", SummaryCharts.Months(s.Mean), [.. s.Mean.Monthly.Select(m => m.Filed)], SeriesShape.DashedLine, Color: i),
                })],
                "Cases closed (solid) and filed (dashed) each month; with common random numbers the filings agree where the scenarios share their intake.",
                XTicks: SummaryCharts.MonthTicks(months)),
            Bins(scenarios, "time-to-disposition", "Time to disposition", "days from filing to closing", "cases closed", s => s.TimeToDispositionHistogram,
                "Cases closed in the window by days from filing to closing, side by side per bin."),
            Bins(scenarios, "pending-age", "Age of pending cases", "age in days at the window's end", "cases pending", s => s.PendingAgeHistogram,
                "Cases pending at the window's end by age, side by side per bin."),
            new ChartSpec("locks-escalations", "Escalations and locks", "month of the window", "events in the month",
                [.. scenarios.SelectMany((s, i) => new[]
                {
                    new ChartSeries($"{s.Name}: escalations", SummaryCharts.Months(s.Mean), [.. s.Mean.Monthly.Select(m => m.Escalations)], SeriesShape.Line, Color: i),
                    new ChartSeries($"{s.Name}: locks", SummaryCharts.Months(s.Mean), [.. s.Mean.Monthly.Select(m => m.Locks)], SeriesShape.DashedLine, Color: i),
                })],
                "Steps up the escalation ladder past the judge's warning (solid) and cases locked (dashed), per month.",
                XTicks: SummaryCharts.MonthTicks(months)),
            new ChartSpec("utilization", "Judge utilization across teams", "teams ranked, share of the court's teams", "judge utilization",
                [.. scenarios.Select((s, i) => new ChartSeries(s.Name,
                    [.. s.Mean.Teams.Select((_, k) => (k + 0.5) / s.Mean.Teams.Count)],
                    [.. s.Mean.Teams.Select(t => t.Utilization).Order()], SeriesShape.Line, Color: i))],
                "Each scenario's teams sorted by the busy share of their judges' working hours (layouts may differ in their number of teams)."),
        ];
    }

    private static ChartSpec Monthly(IReadOnlyList<ComparedScenario> scenarios, string id, string title, string yLabel, Func<MonthRow, double> read, int months, string caption) =>
        new(id, title, "month of the window", yLabel,
            [.. scenarios.Select((s, i) => new ChartSeries(s.Name, SummaryCharts.Months(s.Mean), [.. s.Mean.Monthly.Select(read)], SeriesShape.Line, Color: i))],
            caption, XTicks: SummaryCharts.MonthTicks(months));

    private static ChartSpec Bins(IReadOnlyList<ComparedScenario> scenarios, string id, string title, string xLabel, string yLabel,
        Func<Summary, IReadOnlyList<HistogramBin>> bins, string caption)
    {
        var n = scenarios.Count;
        return new ChartSpec(id, title, xLabel, yLabel,
            [.. scenarios.Select((s, i) => new ChartSeries(s.Name,
                [.. bins(s.Mean).Select((_, b) => b + SummaryCharts.BarOffset(i, n))], [.. bins(s.Mean).Select(b => b.Cases)], SeriesShape.Bars, Color: i))],
            caption, XTicks: SummaryCharts.BinTicks(bins(scenarios[0].Mean)));
    }
}
