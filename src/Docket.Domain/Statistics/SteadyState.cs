using System.Globalization;
using Orleans;

namespace Docket.Domain.Statistics;

/// <summary>
/// Whether a run's window looks like steady state (summary.json's <c>steady_state</c>, docs/summary.md): the
/// <see cref="Method"/> test, its figures, and each series it looked at.
/// </summary>
[GenerateSerializer, Immutable, Alias("docket.summary.steady-state")]
public sealed record SteadyStateFigures
{
    /// <summary>No series trends (and the window has enough months to tell).</summary>
    [Id(0)]
    public bool Reached { get; init; }

    [Id(1)]
    public string Method { get; init; } = SteadyState.MethodName;

    /// <summary>The interval's level: 0.95.</summary>
    [Id(2)]
    public double Level { get; init; } = ConfidenceInterval.DefaultLevel;

    /// <summary>Months of the window the test looked at (every month-end).</summary>
    [Id(3)]
    public int Months { get; init; }

    /// <summary>A significant slope trends only when its change in a year is at least this share of the series' mean.</summary>
    [Id(4)]
    public double MinChangePerYear { get; init; } = SteadyState.MinChangePerYear;

    /// <summary>... and at least this many cases a month.</summary>
    [Id(5)]
    public double MinCasesPerMonth { get; init; } = SteadyState.MinCasesPerMonth;

    [Id(6)]
    public IReadOnlyList<SeriesTrend> Series { get; init; } = [];
}

/// <summary>One month-end series' least-squares slope with its interval, its mean, and the verdict.</summary>
[GenerateSerializer, Immutable, Alias("docket.summary.series-trend")]
public sealed record SeriesTrend
{
    /// <summary><c>pending</c> (every filed, not closed case), a team kind, or <c>unassigned</c> (the courts' queue).</summary>
    [Id(0)]
    public string Name { get; init; } = "";

    [Id(1)]
    public double SlopePerMonth { get; init; }

    [Id(2)]
    public double Low { get; init; }

    [Id(3)]
    public double High { get; init; }

    /// <summary>The series' mean over the window's month-ends.</summary>
    [Id(4)]
    public double Mean { get; init; }

    /// <summary><c>flat</c>, <c>growing</c> or <c>draining</c>.</summary>
    [Id(5)]
    public string Trend { get; init; } = SteadyState.Flat;
}

/// <summary>Something a run's figures cannot support, or a scenario that will give such a run: a code and a sentence.</summary>
[GenerateSerializer, Immutable, Alias("docket.summary.warning")]
public sealed record RunWarning([property: Id(0)] string Code, [property: Id(1)] string Message);

/// <summary>
/// The steady-state test: for the month-end pending count, and for the pending of each team kind and of the courts'
/// queue (<c>unassigned</c>), the least-squares slope over the window's months with its 95% Student-t interval
/// (<see cref="ConfidenceInterval.OfSlope"/>). A series trends when the interval leaves out 0, its change in a year
/// (12 × slope) is at least <see cref="MinChangePerYear"/> of its mean, and the slope is at least
/// <see cref="MinCasesPerMonth"/> a month: month-ends of a queue are correlated, so a significant slope alone also
/// catches a stable queue's slow wander; the two floors keep to trends a planner would act on. The window is in
/// steady state when no series trends; fewer than 3 months cannot be tested (not reached).
/// </summary>
public static class SteadyState
{
    public const string MethodName = "month_end_pending_slope";
    public const string Flat = "flat";
    public const string Growing = "growing";
    public const string Draining = "draining";
    public const double MinChangePerYear = 0.10;
    public const double MinCasesPerMonth = 1.0;
    public const int MinMonths = 3;

    /// <summary>The series of the total month-end pending count.</summary>
    public const string PendingSeries = "pending";

    /// <summary>Warning codes.</summary>
    public const string StartsEmptyCode = "starts_empty";
    public const string GrowingCode = "not_steady_growing";
    public const string DrainingCode = "not_steady_draining";
    public const string UntestedCode = "steady_state_untested";

    /// <summary>The test on a window's monthly rows (<see cref="MonthRow.PendingEnd"/>, <see cref="MonthRow.PendingEndByKind"/>).</summary>
    public static SteadyStateFigures Test(IReadOnlyList<MonthRow> monthly)
    {
        var series = new List<(string Name, double[] Values)> { (PendingSeries, [.. monthly.Select(m => m.PendingEnd)]) };
        if (monthly.Count > 0)
        {
            series.AddRange(monthly[0].PendingEndByKind.Keys.Select(k =>
                (k, monthly.Select(m => m.PendingEndByKind.GetValueOrDefault(k)).ToArray())));
        }
        var trends = monthly.Count < MinMonths ? [] : series.Select(s => Trend(s.Name, s.Values)).ToList();
        return new SteadyStateFigures
        {
            Reached = monthly.Count >= MinMonths && trends.All(t => t.Trend == Flat),
            Months = monthly.Count,
            Series = trends,
        };
    }

    /// <summary>One series' slope, interval, mean and verdict.</summary>
    public static SeriesTrend Trend(string name, IReadOnlyList<double> values)
    {
        var slope = ConfidenceInterval.OfSlope(values);
        var mean = values.Average();
        var material = Math.Abs(slope.Mean) >= MinCasesPerMonth && 12 * Math.Abs(slope.Mean) >= MinChangePerYear * mean;
        var trend = !material || !slope.ExcludesZero ? Flat : slope.Mean > 0 ? Growing : Draining;
        return new SeriesTrend
        {
            Name = name,
            SlopePerMonth = slope.Mean,
            Low = slope.Exists ? slope.Low : slope.Mean,
            High = slope.Exists ? slope.High : slope.Mean,
            Mean = mean,
            Trend = trend,
        };
    }

    /// <summary>
    /// Replications' tests together: reached when every replication reached it; each series' figures are the means
    /// over replications and it trends (growing or draining, as most of those that trend) when it trends in any.
    /// </summary>
    public static SteadyStateFigures Combine(IReadOnlyList<SteadyStateFigures> runs)
    {
        var first = runs[0];
        return first with
        {
            Reached = runs.All(r => r.Reached),
            Series = [.. first.Series.Select((s, i) =>
            {
                var rows = runs.Where(r => i < r.Series.Count).Select(r => r.Series[i]).ToList();
                var growing = rows.Count(r => r.Trend == Growing);
                var draining = rows.Count(r => r.Trend == Draining);
                return s with
                {
                    SlopePerMonth = rows.Average(r => r.SlopePerMonth),
                    Low = rows.Average(r => r.Low),
                    High = rows.Average(r => r.High),
                    Mean = rows.Average(r => r.Mean),
                    Trend = growing + draining == 0 ? Flat : growing >= draining ? Growing : Draining,
                };
            })],
        };
    }

    /// <summary>
    /// What a run's figures cannot support: a window that opens on an empty court (no warm-up, no backlog), a
    /// window too short to test, each trending series (with, over replications, in how many it trends).
    /// </summary>
    public static IReadOnlyList<RunWarning> Warnings(int warmupDays, double pendingStart, SteadyStateFigures steady, IReadOnlyList<SteadyStateFigures>? replications = null)
    {
        var warnings = new List<RunWarning>();
        if (warmupDays == 0 && pendingStart == 0)
        {
            warnings.Add(StartsEmpty);
        }
        if (steady.Months < MinMonths)
        {
            warnings.Add(new RunWarning(UntestedCode,
                $"the window has {steady.Months} month(s), fewer than {MinMonths}: steady state cannot be tested"));
        }
        for (var i = 0; i < steady.Series.Count; i++)
        {
            var s = steady.Series[i];
            if (s.Trend == Flat)
            {
                continue;
            }
            var growing = s.Trend == Growing;
            var share = s.Mean > 0 ? 12 * s.SlopePerMonth / s.Mean : double.NaN;
            var per = double.IsNaN(share) ? "" : string.Create(CultureInfo.InvariantCulture, $", {share * 100:+0;-0}% of its mean a year");
            var inRuns = replications is { Count: > 1 }
                ? $"; mean of {replications.Count} replications, trending in {replications.Count(r => i < r.Series.Count && r.Series[i].Trend != Flat)}"
                : "";
            warnings.Add(new RunWarning(growing ? GrowingCode : DrainingCode, string.Create(CultureInfo.InvariantCulture,
                $"{Subject(s.Name)} {(growing ? "grows" : "drains")} by {Math.Abs(s.SlopePerMonth):0.#} cases a month ") +
                string.Create(CultureInfo.InvariantCulture, $"(95% interval {s.Low:0.#} to {s.High:0.#}{per}{inRuns}): the window is not in steady state, ") +
                (growing ? "so waiting and pending figures are still rising" : "so a starting backlog still weighs on the figures")));
        }
        return warnings;
    }

    /// <summary>The warning for a window that opens on an empty court.</summary>
    public static RunWarning StartsEmpty { get; } = new(StartsEmptyCode,
        "starts empty: figures under-report waiting (warmup_days is 0 and there is no backlog; set warmup_days or a backlog)");

    private static string Subject(string series) => series switch
    {
        PendingSeries => "the pending count",
        CourtStatisticsCollector.UnassignedKind => "the queue of cases waiting for a team (unassigned)",
        _ => $"the pending of {series} teams",
    };
}
