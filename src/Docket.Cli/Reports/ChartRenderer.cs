using ScottPlot;

namespace Docket.Cli.Reports;

/// <summary>Draws a <see cref="ChartSpec"/> with ScottPlot (headless, SkiaSharp) as PNG.</summary>
internal static class ChartRenderer
{
    public const int Width = 900;
    public const int Height = 420;

    private static readonly ScottPlot.Palettes.Category10 s_palette = new();

    /// <summary>Debian's DejaVu Sans where installed (CI installs fonts-dejavu-core), else ScottPlot's sans-serif choice.</summary>
    private static readonly string s_font = SkiaSharp.SKFontManager.Default.FontFamilies.Contains("DejaVu Sans") ? "DejaVu Sans" : Fonts.Sans;

    public static byte[] Png(ChartSpec chart) => Draw(chart).GetImageBytes(Width, Height, ImageFormat.Png);

    private static Plot Draw(ChartSpec chart)
    {
        var plot = new Plot();
        plot.Font.Set(s_font);
        plot.Title(chart.Title);
        plot.XLabel(chart.XLabel);
        plot.YLabel(chart.YLabel);
        var barWidth = BarWidth(chart);
        for (var i = 0; i < chart.Series.Count; i++)
        {
            var series = chart.Series[i];
            var color = s_palette.GetColor(series.Color ?? i);
            double[] xs = [.. series.X];
            double[] ys = [.. series.Y];
            IHasLegendText plottable;
            switch (series.Shape)
            {
                case SeriesShape.Bars:
                    {
                        var bars = plot.Add.Bars(xs.Zip(ys, (x, y) => new Bar { Position = x, Value = y, Size = barWidth, FillColor = color, LineWidth = 0 }).ToArray());
                        plottable = bars;
                        if (series.RightAxis)
                        {
                            bars.Axes.YAxis = plot.Axes.Right;
                        }
                        break;
                    }
                default:
                    {
                        var scatter = plot.Add.Scatter(xs, ys, color);
                        scatter.LineWidth = series.Shape == SeriesShape.Markers ? 0 : 2;
                        scatter.MarkerSize = series.Shape == SeriesShape.Markers ? 4 : xs.Length > 40 ? 0 : 5;
                        scatter.LinePattern = series.Shape == SeriesShape.DashedLine ? LinePattern.Dashed : LinePattern.Solid;
                        if (series.RightAxis)
                        {
                            scatter.Axes.YAxis = plot.Axes.Right;
                        }
                        plottable = scatter;
                        break;
                    }
            }
            plottable.LegendText = series.Name;
        }
        if (chart.XTicks is { } ticks)
        {
            plot.Axes.Bottom.SetTicks([.. ticks.Select(t => t.Position)], [.. ticks.Select(t => t.Label)]);
            var longest = ticks.Count == 0 ? 0 : ticks.Max(t => t.Label.Length);
            if (ticks.Count * longest > 70)
            {
                plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
                plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
                plot.Axes.Bottom.MinimumSize = 30 + (6.5f * Math.Min(longest, 24));
            }
        }
        if (chart.Series.All(s => s.Y.All(y => y >= 0)))
        {
            plot.Axes.Margins(bottom: 0);
        }
        if (chart.RightLabel is { } right)
        {
            // The right axis carries rates: from 0 to at least 1 (set last: margins rescale every axis).
            plot.Axes.Right.Label.Text = right;
            var top = chart.Series.Where(s => s.RightAxis).SelectMany(s => s.Y).DefaultIfEmpty(1).Max();
            plot.Axes.SetLimitsY(0, Math.Max(1, top) * 1.05, plot.Axes.Right);
        }
        plot.ShowLegend(Edge.Right);
        return plot;
    }

    /// <summary>Bars side by side share a unit slot: 0.8 ÷ the number of bar series.</summary>
    private static double BarWidth(ChartSpec chart)
    {
        var bars = chart.Series.Count(s => s.Shape == SeriesShape.Bars);
        return bars == 0 ? 0.8 : 0.8 / bars;
    }
}
