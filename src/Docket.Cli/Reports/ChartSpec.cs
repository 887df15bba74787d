namespace Docket.Cli.Reports;

/// <summary>How a series is drawn.</summary>
internal enum SeriesShape
{
    Line,
    DashedLine,
    Bars,
    Markers,
}

/// <summary>One series of a chart: its points, how it is drawn, on which y axis (the right one for rates) and in which palette colour (its position when null).</summary>
internal sealed record ChartSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y, SeriesShape Shape, bool RightAxis = false, int? Color = null);

/// <summary>
/// A chart as data, before any drawing: <see cref="ChartRenderer"/> draws it, tests compare it with summary.json.
/// <paramref name="XTicks"/> names categorical x positions (histogram bins, teams); null for numeric axes.
/// </summary>
internal sealed record ChartSpec(
    string Id,
    string Title,
    string XLabel,
    string YLabel,
    IReadOnlyList<ChartSeries> Series,
    string Caption,
    string? RightLabel = null,
    IReadOnlyList<(double Position, string Label)>? XTicks = null);
