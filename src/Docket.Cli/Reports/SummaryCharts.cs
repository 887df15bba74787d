using System.Globalization;
using Docket.Cli.Output;
using Docket.Domain.Staffing;
using Docket.Domain.Statistics;

namespace Docket.Cli.Reports;

/// <summary>The charts of one run's report, each read straight from summary.json's fields.</summary>
internal static class SummaryCharts
{
    /// <summary>Above this many teams, the teams chart labels its kinds rather than every team.</summary>
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
        Escalations(summary),
        Locks(summary),
    ];

    /// <summary>
    /// The team kinds in the order of their fixed palette colours: fast track blue, specialized orange, enforcement
    /// green, leadership red, unassigned (waiting in a queue) purple, then general and pre-litigation.
    /// </summary>
    private static readonly string[] s_kindOrder =
    [
        CourtStatisticsCollector.TeamKindName(TeamKind.FastTrack), CourtStatisticsCollector.TeamKindName(TeamKind.Specialized),
        CourtStatisticsCollector.TeamKindName(TeamKind.Enforcement), CourtStatisticsCollector.TeamKindName(TeamKind.Leadership),
        CourtStatisticsCollector.UnassignedKind, CourtStatisticsCollector.TeamKindName(TeamKind.General),
        CourtStatisticsCollector.TeamKindName(TeamKind.PreLitigation),
    ];

    /// <summary>
    /// Each team kind's palette colour, the same in every chart, in the page's team-kind table and in every report, so
    /// that fast track is blue in a court's report and in a province's alike (<see cref="s_kindOrder"/>); a kind not
    /// known there comes after them.
    /// </summary>
    public static IReadOnlyDictionary<string, int> KindColors(Summary summary)
    {
        var others = summary.Teams.Select(t => t.Kind)
            .Concat(summary.Monthly.SelectMany(m => m.PendingEndByKind.Keys))
            .Where(k => !s_kindOrder.Contains(k)).Distinct();
        return s_kindOrder.Concat(others).Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i);
    }

    /// <summary>The x offset of bar series <paramref name="i"/> of <paramref name="n"/> side by side in a unit slot.</summary>
    public static double BarOffset(int i, int n) => (i - ((n - 1) / 2.0)) * (0.8 / n);

    /// <summary>The x axis of monthly charts: the window's calendar months, numbered from the first (named by its start).</summary>
    public static string MonthAxis(Summary summary) =>
        summary.Monthly.Count > 0 && summary.Monthly[0].Start.Length >= 7
            ? $"calendar month of the window (1 = {summary.Monthly[0].Start[..7]})"
            : "month of the window";

    /// <summary>x positions 1…n of the window's months.</summary>
    public static double[] Months(Summary summary) => [.. summary.Monthly.Select(m => (double)m.Month)];

    /// <summary>Whole-month ticks, at most about 24 of them.</summary>
    public static IReadOnlyList<(double Position, string Label)> MonthTicks(int months)
    {
        var step = Math.Max(1, (int)Math.Ceiling(months / 24.0));
        return [.. Enumerable.Range(1, months).Where(m => (m - 1) % step == 0).Select(m => ((double)m, m.ToString(CultureInfo.InvariantCulture)))];
    }

    /// <summary>
    /// Where each histogram bin is drawn, in days: from its lower edge, as wide as the bin. The open last bin (1,095+
    /// days) is drawn as wide as the bin before it.
    /// </summary>
    public static IReadOnlyList<(double From, double Width)> BinSpans(IReadOnlyList<HistogramBin> bins) =>
        [.. bins.Select((b, i) => (b.FromDays, b.ToDays is { } to ? to - b.FromDays
            : i > 0 && bins[i - 1].ToDays is { } before ? before - bins[i - 1].FromDays : 365))];

    /// <summary>
    /// The day where a histogram's x axis ends: the upper edge of the last bin holding cases in any of the histograms
    /// (at least the fourth bin's), so that a court closing everything within 120 days is not drawn on a 4-year axis.
    /// </summary>
    public static double BinsEnd(IEnumerable<IReadOnlyList<HistogramBin>> histograms)
    {
        var end = 0.0;
        foreach (var bins in histograms)
        {
            var spans = BinSpans(bins);
            for (var i = 0; i < bins.Count; i++)
            {
                if (bins[i].Cases > 0 || i < 4)
                {
                    end = Math.Max(end, spans[i].From + spans[i].Width);
                }
            }
        }
        return end;
    }

    /// <summary>
    /// Ticks at the bins' edges up to <paramref name="end"/>, the axis's end included when it is a bin's upper edge (the
    /// last bar's right edge is labelled too), leaving out an edge too close to the one before to be read.
    /// </summary>
    public static IReadOnlyList<(double Position, string Label)> EdgeTicks(IReadOnlyList<HistogramBin> bins, double end)
    {
        var ticks = new List<(double Position, string Label)>();
        foreach (var bin in bins.Where(b => b.FromDays < end))
        {
            if (ticks.Count == 0 || bin.FromDays - ticks[^1].Position >= end / 30)
            {
                ticks.Add((bin.FromDays, bin.ToDays is null ? Number(bin.FromDays) + "+" : Number(bin.FromDays)));
            }
        }
        if (bins.Any(b => b.ToDays == end))
        {
            if (ticks.Count > 1 && end - ticks[^1].Position < end / 30)
            {
                ticks.RemoveAt(ticks.Count - 1);
            }
            ticks.Add((end, Number(end)));
        }
        return ticks;
    }

    private static ChartSpec PendingByKind(Summary summary)
    {
        var x = Months(summary);
        var colors = KindColors(summary);
        var kinds = summary.Monthly.Count == 0 ? [] : summary.Monthly[0].PendingEndByKind.Keys.ToList();
        var series = kinds.Select(k => new ChartSeries(k.Replace('_', ' '), x,
            [.. summary.Monthly.Select(m => m.PendingEndByKind.GetValueOrDefault(k))], SeriesShape.Line, Color: colors[k])).ToList();
        series.Add(new ChartSeries("all pending", x, [.. summary.Monthly.Select(m => m.PendingEnd)], SeriesShape.DashedLine, Color: ChartSeries.Neutral));
        return new ChartSpec("pending-by-kind", "Pending cases by team kind", MonthAxis(summary), "cases pending at the month's end", series,
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
            new("closure rate", x, [.. summary.Monthly.Select(m => m.ClosureRate)], SeriesShape.Line, RightAxis: true, Color: ChartSeries.Neutral),
        };
        var hasBaseline = summary.Monthly.Any(m => m.ClosureRateBaseline > 0);
        if (hasBaseline)
        {
            series.Add(new ChartSeries("closure share of the year", x, [.. summary.Monthly.Select(m => m.ClosureShare)], SeriesShape.Line, RightAxis: true, Color: 2));
            series.Add(new ChartSeries("closure-rate baseline", x, [.. summary.Monthly.Select(m => m.ClosureRateBaseline)], SeriesShape.DashedLine, RightAxis: true, Color: 3));
        }
        return new ChartSpec("filings-closures", "Monthly filings and closures", MonthAxis(summary), "cases", series,
            "Cases filed and closed each month (bars, left axis) and the month's closure rate, closed ÷ (pending at its start + filed) (right axis)"
            + (hasBaseline ? $"; the month's closure share of the year, closed ÷ (pending at its year's start + filed in its year), against the scenario's monthly baseline; months below it: {Number(summary.Balance.MonthsBelowBaseline)}." : "; the scenario sets no monthly baseline."),
            RightLabel: "closure rate", XTicks: MonthTicks(x.Length));
    }

    /// <summary>
    /// A histogram over the fixed day bins (0–7, 7–15, 15–30, 30–60 …): each bar as wide as its bin and as high as its
    /// cases per day of the bin, so that a bar's area, not its height, is its number of cases.
    /// </summary>
    private static ChartSpec Histogram(string id, string title, string xLabel, string yLabel, IReadOnlyList<HistogramBin> bins, string caption)
    {
        var spans = BinSpans(bins);
        var end = BinsEnd([bins]);
        return new ChartSpec(id, title, xLabel, $"{yLabel} per day of the bin",
            [new ChartSeries(yLabel, [.. spans.Select(s => s.From + (s.Width / 2))], [.. bins.Select((b, i) => b.Cases / spans[i].Width)], SeriesShape.Bars)
            {
                Widths = [.. spans.Select(s => s.Width)],
            }],
            caption + $" Each bar spans its bin ({BinList(bins)} days), so its area is the bin's cases: a wide bin's cases are spread over its width."
            + (end < spans[^1].From + spans[^1].Width ? $" Bins after day {Number(end)} are empty and not drawn." : ""),
            XTicks: EdgeTicks(bins, end))
        {
            XRange = (0, end),
        };
    }

    private static string BinList(IReadOnlyList<HistogramBin> bins) =>
        string.Join(", ", bins.Take(4).Select(b => $"{Number(b.FromDays)}–{(b.ToDays is { } to ? Number(to) : "")}")) + ", …";

    /// <summary>
    /// Each team's judge utilization as a bar in its kind's colour, the teams grouped by kind and sorted within it,
    /// with its quota attainment as a point where the team has a quota.
    /// </summary>
    private static ChartSpec Teams(Summary summary)
    {
        var colors = KindColors(summary);
        var ordered = summary.Teams.OrderBy(t => colors[t.Kind]).ThenByDescending(t => t.Utilization).ToList();
        var position = ordered.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => (double)p.i);
        var series = ordered.GroupBy(t => t.Kind).Select(kind => new ChartSeries(kind.Key.Replace('_', ' '),
            [.. kind.Select(t => position[t])], [.. kind.Select(t => t.Utilization)], SeriesShape.Bars, Color: colors[kind.Key])
        {
            Widths = [.. kind.Select(_ => 0.8)],
        }).ToList();
        var withQuota = ordered.Where(t => t.Quota > 0).ToList();
        if (withQuota.Count > 0)
        {
            series.Add(new ChartSeries("quota attainment", [.. withQuota.Select(t => position[t])], [.. withQuota.Select(t => t.QuotaAttainment)],
                SeriesShape.Markers, Color: ChartSeries.Neutral));
        }
        IReadOnlyList<(double, string)> ticks = ordered.Count <= MaxTeamBars
            ? [.. ordered.Select(t => (position[t], t.Id))]
            : [.. ordered.GroupBy(t => t.Kind).Select(k => ((position[k.First()] + position[k.Last()]) / 2, k.Key.Replace('_', ' ')))];
        return new ChartSpec("teams", "Judge utilization and quota attainment per team", ordered.Count <= MaxTeamBars ? "team" : "teams, grouped by kind", "share",
            series,
            $"Each of the {Number(ordered.Count)} teams' judge utilization (the busy share of its judges' working hours present; a bar in its kind's colour, "
            + "teams grouped by kind and sorted within it) and its quota attainment (workload units ÷ quota for the window; a dark point, "
            + "only for teams with a quota). The table below gives each kind's figures.",
            XTicks: ticks)
        {
            YPercent = true,
        };
    }

    /// <summary>Escalations per month, on a chart of their own: beside thousands of escalations the locks (tens) would
    /// lie flat on the axis, as compare.html's charts split them too.</summary>
    private static ChartSpec Escalations(Summary summary)
    {
        var x = Months(summary);
        return new ChartSpec("escalations", "Escalations", MonthAxis(summary), "escalations in the month",
            [new ChartSeries("escalations", x, [.. summary.Monthly.Select(m => m.Escalations)], SeriesShape.Line)],
            $"Steps up the escalation ladder past the judge's warning (division head, president, discipline office), per month. Window total: {Number(summary.Deadlines.Escalations)} escalations.",
            XTicks: MonthTicks(x.Length));
    }

    private static ChartSpec Locks(Summary summary)
    {
        var x = Months(summary);
        return new ChartSpec("locks", "Cases locked", MonthAxis(summary), "cases locked in the month",
            [new ChartSeries("locks", x, [.. summary.Monthly.Select(m => m.Locks)], SeriesShape.Line)],
            $"Cases locked at an overdue important node, per month (a chart of its own: locks are far fewer than escalations). Window totals: {Number(summary.Locks.First)} first and {Number(summary.Locks.Second)} second locks.",
            XTicks: MonthTicks(x.Length));
    }

    public static string Number(double value) => Numbers.Number(value);
}
