using System.Globalization;
using Docket.Domain.Statistics;

namespace Docket.Cli.Reports;

/// <summary>The charts of one run's report, each read straight from summary.json's fields.</summary>
internal static class SummaryCharts
{
    /// <summary>Above this many teams, per-team figures are drawn as sorted points rather than one bar pair a team.</summary>
    public const int MaxTeamBars = 60;

    public static IReadOnlyList<ChartSpec> For(Summary summary) =>
    [
        PendingByKind(summary),
        FilingsAndClosures(summary),
        Histogram("time-to-disposition", "Time to disposition", "days from filing to closing", "cases closed",
            summary.TimeToDispositionHistogram,
            $"Cases closed in the window by days from filing to closing (mean {Number(summary.TimeToDispositionDays.Mean)}, p50 {Number(summary.TimeToDispositionDays.P50)}, p90 {Number(summary.TimeToDispositionDays.P90)} days)."),
        Histogram("pending-age", "Age of pending cases", "age in days at the window's end", "cases pending",
            summary.PendingAgeHistogram,
            $"Cases pending at the window's end by age (mean {Number(summary.PendingAgeDays.Mean)}, p90 {Number(summary.PendingAgeDays.P90)} days; over a year: {Number(summary.LongPending.Over365)})."),
        Teams(summary),
        LocksAndEscalations(summary),
    ];

    /// <summary>The x offset of bar series <paramref name="i"/> of <paramref name="n"/> side by side in a unit slot.</summary>
    public static double BarOffset(int i, int n) => (i - ((n - 1) / 2.0)) * (0.8 / n);

    /// <summary>x positions 1…n of the window's months.</summary>
    public static double[] Months(Summary summary) => [.. summary.Monthly.Select(m => (double)m.Month)];

    /// <summary>Whole-month ticks, at most about 24 of them.</summary>
    public static IReadOnlyList<(double Position, string Label)> MonthTicks(int months)
    {
        var step = Math.Max(1, (int)Math.Ceiling(months / 24.0));
        return [.. Enumerable.Range(1, months).Where(m => (m - 1) % step == 0).Select(m => ((double)m, m.ToString(CultureInfo.InvariantCulture)))];
    }

    public static IReadOnlyList<(double Position, string Label)> BinTicks(IReadOnlyList<HistogramBin> bins) =>
        [.. bins.Select((b, i) => ((double)i, b.ToDays is { } to ? $"{Number(b.FromDays)}–{Number(to)}" : $"{Number(b.FromDays)}+"))];

    private static ChartSpec PendingByKind(Summary summary)
    {
        var x = Months(summary);
        var kinds = summary.Monthly.Count == 0 ? [] : summary.Monthly[0].PendingEndByKind.Keys.ToList();
        var series = kinds.Select(k => new ChartSeries(k.Replace('_', ' '), x,
            [.. summary.Monthly.Select(m => m.PendingEndByKind.GetValueOrDefault(k))], SeriesShape.Line)).ToList();
        series.Add(new ChartSeries("all pending", x, [.. summary.Monthly.Select(m => m.PendingEnd)], SeriesShape.DashedLine));
        return new ChartSpec("pending-by-kind", "Pending cases by team kind", "month of the window", "cases pending at the month's end", series,
            "Filed, not yet closed cases at each month's end, by the kind of team holding them (\"unassigned\": waiting in the court's queue).",
            XTicks: MonthTicks(x.Length));
    }

    private static ChartSpec FilingsAndClosures(Summary summary)
    {
        var x = Months(summary);
        var series = new List<ChartSeries>
        {
            new("filed", [.. x.Select(v => v + BarOffset(0, 2))], [.. summary.Monthly.Select(m => m.Filed)], SeriesShape.Bars),
            new("closed", [.. x.Select(v => v + BarOffset(1, 2))], [.. summary.Monthly.Select(m => m.Closed)], SeriesShape.Bars),
            new("closure rate", x, [.. summary.Monthly.Select(m => m.ClosureRate)], SeriesShape.Line, RightAxis: true),
        };
        var hasBaseline = summary.Monthly.Any(m => m.ClosureRateBaseline > 0);
        if (hasBaseline)
        {
            series.Add(new ChartSeries("closure-rate baseline", x, [.. summary.Monthly.Select(m => m.ClosureRateBaseline)], SeriesShape.DashedLine, RightAxis: true));
        }
        return new ChartSpec("filings-closures", "Monthly filings and closures", "month of the window", "cases", series,
            "Cases filed and closed each month (bars, left axis) and the month's closure rate, closed ÷ (pending at its start + filed) (right axis)"
            + (hasBaseline ? $", against the scenario's monthly baseline; months below it: {Number(summary.Balance.MonthsBelowBaseline)}." : "; the scenario sets no monthly baseline."),
            RightLabel: "closure rate", XTicks: MonthTicks(x.Length));
    }

    private static ChartSpec Histogram(string id, string title, string xLabel, string yLabel, IReadOnlyList<HistogramBin> bins, string caption) =>
        new(id, title, xLabel, yLabel,
            [new ChartSeries(yLabel, [.. bins.Select((_, i) => (double)i)], [.. bins.Select(b => b.Cases)], SeriesShape.Bars)],
            caption, XTicks: BinTicks(bins));

    private static ChartSpec Teams(Summary summary)
    {
        var teams = summary.Teams;
        if (teams.Count <= MaxTeamBars)
        {
            var x = teams.Select((_, i) => (double)i).ToArray();
            return new ChartSpec("teams", "Quota attainment and utilization per team", "team", "share",
                [
                    new ChartSeries("quota attainment", [.. x.Select(v => v + BarOffset(0, 2))], [.. teams.Select(t => t.QuotaAttainment)], SeriesShape.Bars),
                    new ChartSeries("judge utilization", [.. x.Select(v => v + BarOffset(1, 2))], [.. teams.Select(t => t.Utilization)], SeriesShape.Bars),
                ],
                "Each team's workload units ÷ its quota for the window (0 for a team without a quota) and the busy share of its judges' working hours.",
                XTicks: [.. teams.Select((t, i) => ((double)i, t.Id))]);
        }
        var rank = teams.Select((_, i) => (double)(i + 1)).ToArray();
        return new ChartSpec("teams", "Quota attainment and utilization per team", "teams, ranked", "share",
            [
                new ChartSeries("quota attainment", rank, [.. teams.Select(t => t.QuotaAttainment).Order()], SeriesShape.Markers),
                new ChartSeries("judge utilization", rank, [.. teams.Select(t => t.Utilization).Order()], SeriesShape.Markers),
            ],
            $"All {teams.Count} teams, each measure sorted from lowest to highest: workload units ÷ quota for the window (0 without a quota) and the busy share of the judges' working hours.");
    }

    private static ChartSpec LocksAndEscalations(Summary summary)
    {
        var x = Months(summary);
        return new ChartSpec("locks-escalations", "Locks and escalations", "month of the window", "events in the month",
            [
                new ChartSeries("locks", x, [.. summary.Monthly.Select(m => m.Locks)], SeriesShape.Line),
                new ChartSeries("escalations", x, [.. summary.Monthly.Select(m => m.Escalations)], SeriesShape.Line),
            ],
            $"Cases locked at an overdue important node, and steps up the escalation ladder past the judge's warning (division head, president, discipline office), per month. Window totals: {Number(summary.Locks.First)} first and {Number(summary.Locks.Second)} second locks, {Number(summary.Deadlines.EscalatedDivisionHead + summary.Deadlines.EscalatedPresident + summary.Deadlines.ReferredDiscipline)} escalations.",
            XTicks: MonthTicks(x.Length));
    }

    public static string Number(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < 1e15 ? value.ToString("N0", CultureInfo.InvariantCulture) : value.ToString("G4", CultureInfo.InvariantCulture);
}
