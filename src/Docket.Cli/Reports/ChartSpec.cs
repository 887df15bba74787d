namespace Docket.Cli.Reports;

/// <summary>How a series is drawn.</summary>
internal enum SeriesShape
{
    Line,
    DashedLine,
    Bars,
    Markers,
}

/// <summary>
/// One series of a chart: its points, how it is drawn, on which y axis (the right one for rates) and in which palette
/// colour (its position when null; <see cref="Neutral"/> for a dark grey that belongs to no team kind or scenario).
/// </summary>
internal sealed record ChartSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y, SeriesShape Shape, bool RightAxis = false, int? Color = null)
{
    /// <summary>The colour of a series that stands for no team kind or scenario (totals, quota attainment).</summary>
    public const int Neutral = -1;

    /// <summary>Each bar's width in x units (a histogram's bins); null: bars share a unit slot.</summary>
    public IReadOnlyList<double>? Widths { get; init; }

    /// <summary>The 95% interval around each point, drawn as a band (lines) or error bars (bars); null: none.</summary>
    public IReadOnlyList<double>? Low { get; init; }

    /// <inheritdoc cref="Low"/>
    public IReadOnlyList<double>? High { get; init; }
}

/// <summary>
/// A chart as data, before any drawing: <see cref="ChartRenderer"/> draws it, tests compare it with summary.json.
/// <paramref name="XTicks"/> names x positions (histogram bin edges, teams, team kinds); null for numeric axes.
/// Every quantity charted is a count or a share, so the y axes start at zero.
/// </summary>
internal sealed record ChartSpec(
    string Id,
    string Title,
    string XLabel,
    string YLabel,
    IReadOnlyList<ChartSeries> Series,
    string Caption,
    string? RightLabel = null,
    IReadOnlyList<(double Position, string Label)>? XTicks = null)
{
    /// <summary>A legend only when there is more than one series to tell apart.</summary>
    public bool ShowsLegend => Series.Select(s => s.Name).Distinct().Count() > 1;

    /// <summary>The left axis holds shares (fractions), labelled as percentages.</summary>
    public bool YPercent { get; init; }

    /// <summary>Tick labels rotated to fit (many long labels, such as team ids).</summary>
    public bool RotateTicks => XTicks is { Count: > 0 } ticks && ticks.Count * ticks.Max(t => t.Label.Length) > 70;

    /// <summary>Where the x axis starts and ends; null: fitted to the data.</summary>
    public (double Min, double Max)? XRange { get; init; }
}
