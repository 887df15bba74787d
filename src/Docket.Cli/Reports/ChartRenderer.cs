using Docket.Cli.Output;
using ScottPlot;

namespace Docket.Cli.Reports;

/// <summary>Draws a <see cref="ChartSpec"/> with ScottPlot (headless, SkiaSharp) as PNG.</summary>
internal static class ChartRenderer
{
    public const int Width = 900;
    public const int Height = 420;

    private static readonly ScottPlot.Palettes.Category10 s_palette = new();

    private static readonly Color s_neutral = Color.FromHex("#444444");

    /// <summary>Debian's DejaVu Sans where installed (CI installs fonts-dejavu-core), else ScottPlot's sans-serif choice.</summary>
    private static readonly string s_font = SkiaSharp.SKFontManager.Default.FontFamilies.Contains("DejaVu Sans") ? "DejaVu Sans" : Fonts.Sans;

    public static byte[] Png(ChartSpec chart) => Draw(chart).GetImageBytes(Width, Height, ImageFormat.Png);

    /// <summary>A series colour as the page's CSS writes it (#rrggbb), so a table can show the chart's colours.</summary>
    public static string Css(int color) => "#" + ColorOf(color).ToHex()[1..7].ToLowerInvariant();

    private static Color ColorOf(int color) => color == ChartSeries.Neutral ? s_neutral : s_palette.GetColor(color);

    /// <summary>The chart as a ScottPlot plot with its axis limits set (tests read them).</summary>
    internal static Plot Draw(ChartSpec chart)
    {
        var plot = new Plot();
        plot.Font.Set(s_font);
        plot.Title(chart.Title);
        plot.XLabel(chart.XLabel);
        plot.YLabel(chart.YLabel);
        var slot = SlotWidth(chart);
        for (var i = 0; i < chart.Series.Count; i++)
        {
            var series = chart.Series[i];
            var color = ColorOf(series.Color ?? i);
            double[] xs = [.. series.X];
            double[] ys = [.. series.Y];
            var yAxis = series.RightAxis ? plot.Axes.Right : plot.Axes.Left;
            if (series is { Low: { } low, High: { } high })
            {
                // The 95% interval, never below zero: every charted quantity is a count or a share.
                double[] lows = [.. low.Select(v => Math.Max(0, v))];
                double[] highs = [.. high];
                if (series.Shape == SeriesShape.Bars)
                {
                    var bars = plot.Add.ErrorBar(xs, ys, [.. highs.Zip(ys, (h, y) => h - y)]);
                    bars.YErrorNegative = [.. ys.Zip(lows, (y, l) => y - l)];
                    bars.Color = s_neutral;
                    bars.CapSize = 3;
                    bars.Axes.YAxis = yAxis;
                }
                else
                {
                    var band = plot.Add.FillY(xs, lows, highs);
                    band.FillStyle.Color = color.WithAlpha(0.18);
                    band.LineStyle.Width = 0;
                    band.Axes.YAxis = yAxis;
                }
            }
            IHasLegendText plottable;
            switch (series.Shape)
            {
                case SeriesShape.Bars:
                    {
                        var bars = plot.Add.Bars(xs.Select((x, k) => new Bar
                        {
                            Position = x,
                            Value = ys[k],
                            Size = series.Widths?[k] ?? slot,
                            FillColor = color,
                            LineWidth = 0,
                        }).ToArray());
                        bars.Axes.YAxis = yAxis;
                        plottable = bars;
                        break;
                    }
                default:
                    {
                        var scatter = plot.Add.Scatter(xs, ys, color);
                        scatter.LineWidth = series.Shape == SeriesShape.Markers ? 0 : 2;
                        scatter.MarkerSize = series.Shape == SeriesShape.Markers ? 5 : xs.Length > 40 ? 0 : 5;
                        scatter.LinePattern = series.Shape == SeriesShape.DashedLine ? LinePattern.Dashed : LinePattern.Solid;
                        scatter.Axes.YAxis = yAxis;
                        plottable = scatter;
                        break;
                    }
            }
            plottable.LegendText = chart.ShowsLegend ? series.Name : "";
        }
        if (chart.XTicks is { } ticks)
        {
            plot.Axes.Bottom.SetTicks([.. ticks.Select(t => t.Position)], [.. ticks.Select(t => t.Label)]);
            if (chart.RotateTicks)
            {
                // Rotated back from the tick, so each label ends under its own bar rather than leaning onto the next.
                var longest = ticks.Max(t => t.Label.Length);
                plot.Axes.Bottom.TickLabelStyle.Rotation = -45;
                plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
                plot.Axes.Bottom.MinimumSize = 30 + (6.5f * Math.Min(longest, 24));
            }
        }
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = chart.YPercent ? AxisPercent : Numbers.Number,
            // Whole counts (one run's) get whole ticks: no 0.5 of a case.
            IntegerTicksOnly = !chart.YPercent && chart.Series.Where(s => !s.RightAxis).All(s => s.Y.All(y => y == Math.Floor(y))),
        };
        plot.Axes.AutoScale();
        if (chart.XRange is { } range)
        {
            plot.Axes.SetLimitsX(range.Min, range.Max);
        }
        // Counts and shares: every y axis from zero, and up to at least 1 so that an empty chart is not centred on zero.
        plot.Axes.SetLimitsY(0, Top(chart.Series.Where(s => !s.RightAxis)), plot.Axes.Left);
        if (chart.RightLabel is { } right)
        {
            // The right axis carries rates, as percentages, from 0 to at least 100 %.
            plot.Axes.Right.Label.Text = right;
            plot.Axes.Right.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = AxisPercent };
            plot.Axes.SetLimitsY(0, Math.Max(1.05, Top(chart.Series.Where(s => s.RightAxis))), plot.Axes.Right);
        }
        if (chart.ShowsLegend)
        {
            plot.ShowLegend(Edge.Right);
        }
        else
        {
            plot.HideLegend();
        }
        return plot;
    }

    /// <summary>A share on an axis as a percentage: 0.25 → "25 %".</summary>
    private static string AxisPercent(double share) => Numbers.Number(Math.Round(share * 100, 6)) + " %";

    /// <summary>The top of a y axis from zero: 5% above the highest point or interval, at least 1.</summary>
    private static double Top(IEnumerable<ChartSeries> series)
    {
        var highest = series.SelectMany(s => s.High is { } high ? s.Y.Concat(high) : s.Y).Where(double.IsFinite).DefaultIfEmpty(0).Max();
        return Math.Max(1, highest * 1.05);
    }

    /// <summary>Bars side by side without widths of their own share a unit slot: 0.8 ÷ the number of such bar series.</summary>
    private static double SlotWidth(ChartSpec chart)
    {
        var bars = chart.Series.Count(s => s.Shape == SeriesShape.Bars && s.Widths is null);
        return bars == 0 ? 0.8 : 0.8 / bars;
    }
}
