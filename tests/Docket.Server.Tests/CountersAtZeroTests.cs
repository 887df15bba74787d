using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Docket.Domain.Courts;
using Docket.Domain.Metrics;
using Docket.Domain.Scenarios;
using Docket.Server.Hosting;
using Docket.Server.Tests.Docs;

namespace Docket.Server.Tests;

/// <summary>
/// A fresh server adds 0 to every counter series its courts can record, so Grafana's panels and the alerts see 0
/// rather than "No data" before the first filing: here for the sample scenario's court, pending cases included.
/// </summary>
public sealed class CountersAtZeroTests
{
    [Fact]
    public void A_fresh_server_records_pending_cases_at_zero_for_each_team_kind_of_the_court_and_for_the_waiting()
    {
        var recorded = Record("scenarios/xicheng-pooled.yaml");
        var pending = recorded.Where(r => r.Instrument == "docket.cases.pending" && r.Tags["court"] == "xicheng-pooled")
            .Select(r => (Kind: r.Tags["team_kind"], r.Value)).OrderBy(p => p.Kind, StringComparer.Ordinal).ToList();
        Assert.Equal(
            [("enforcement", 0L), ("fast_track", 0L), ("leadership", 0L), (DocketMetrics.UnassignedTeamKind, 0L), ("specialized", 0L)],
            pending);
    }

    [Fact]
    public void Every_counter_a_fresh_server_records_is_at_zero_and_each_series_once()
    {
        var recorded = Record("scenarios/xicheng-pooled.yaml");
        Assert.All(recorded, r => Assert.Equal(0, r.Value));
        var series = recorded.Select(r => r.Instrument + string.Join(",", r.Tags.OrderBy(t => t.Key, StringComparer.Ordinal))).ToList();
        Assert.Equal(series.Count, series.Distinct().Count());
        string[] instruments = ["docket.cases.filed", "docket.cases.assigned", "docket.cases.closed", "docket.cases.pending", "docket.locks", "docket.unlocks", "docket.deadline.warnings"];
        Assert.Equal(instruments.Order(StringComparer.Ordinal), recorded.Select(r => r.Instrument).Distinct().Order(StringComparer.Ordinal));
    }

    private sealed record Measurement(string Instrument, IReadOnlyDictionary<string, string> Tags, long Value);

    private static List<Measurement> Record(string scenario)
    {
        var loaded = ScenarioLoader.LoadFile(RepositoryRoot.File(scenario));
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
        var organization = new Organization(loaded.Scenario!, scenario);
        using var metrics = new DocketMetrics();
        var recorded = new ConcurrentQueue<Measurement>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // This test's own meter only: other tests' servers publish on meters of the same name.
            if (instrument.Meter == metrics.CasesPending.Meter)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var tag in tags)
            {
                map[tag.Key] = tag.Value?.ToString() ?? "";
            }
            recorded.Enqueue(new Measurement(instrument.Name, map, value));
        });
        listener.Start();
        CountersAtZero.Record(metrics, organization);
        return [.. recorded];
    }
}
