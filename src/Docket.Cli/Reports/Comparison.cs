using Docket.Domain.Statistics;

namespace Docket.Cli.Reports;

/// <summary>One scenario of a comparison: its name, the mean over replications, and each replication's summary.</summary>
internal sealed record ComparedScenario(string Name, Summary Mean, IReadOnlyList<Summary> Replications);

/// <summary>
/// One measure across the scenarios: each scenario's mean with its 95% interval, and each later scenario's paired
/// difference from the first (replication r against replication r, which share their random numbers).
/// </summary>
internal sealed record ComparedMeasure(string Measure, IReadOnlyList<ConfidenceInterval> Scenarios, IReadOnlyList<ConfidenceInterval> Differences, bool Rate = false);

/// <summary>A measure compared: its name, how it is read from one replication's summary, whether it is a rate (a fraction shown as a percentage).</summary>
internal sealed record MeasureDefinition(string Name, Func<Summary, double> Read, bool Rate = false);

/// <summary>Scenarios run with common random numbers, measure by measure.</summary>
internal sealed record Comparison(int Replications, ulong Seed, IReadOnlyList<ComparedScenario> Scenarios, IReadOnlyList<ComparedMeasure> Measures)
{
    /// <summary>The measures compared, each read from one replication's summary.</summary>
    public static IReadOnlyList<MeasureDefinition> MeasureDefinitions { get; } =
    [
        new("closure rate", s => s.ClosureRate, Rate: true),
        new("clearance ratio", s => s.ClearanceRatio, Rate: true),
        new("mean days to disposition", s => s.TimeToDispositionDays.Mean),
        new("p90 days to disposition", s => s.TimeToDispositionDays.P90),
        new("pending, time average", s => s.PendingTimeAverage),
        new("pending at end", s => s.Cases.PendingEnd),
        new("pending over 1 year", s => s.LongPending.Over365),
        new("closed", s => s.Cases.Closed),
        new("mean judge utilization", s => s.Teams.Count == 0 ? 0 : s.Teams.Average(t => t.Utilization), Rate: true),
        new("escalations", s => s.Deadlines.Escalations),
        new("cases locked", s => s.Locks.First),
    ];

    public static Comparison Of(int replications, ulong seed, IReadOnlyList<ComparedScenario> scenarios)
    {
        var measures = MeasureDefinitions.Select(m =>
        {
            var values = scenarios.Select(s => s.Replications.Select(m.Read).ToArray()).ToList();
            var differences = values.Skip(1).Select(v => ConfidenceInterval.Of([.. v.Zip(values[0], (a, b) => a - b)])).ToList();
            return new ComparedMeasure(m.Name, [.. values.Select(v => ConfidenceInterval.Of(v))], differences, m.Rate);
        }).ToList();
        return new Comparison(replications, seed, scenarios, measures);
    }
}
