using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Docket.Abstractions;
using Docket.Domain.Metrics;

namespace Docket.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class SimulationMetricsTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_simulation_run_publishes_filings_closures_pending_and_the_simulated_day_on_Dockets_meter()
    {
        var totals = new ConcurrentDictionary<string, double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == DocketMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => totals.AddOrUpdate(instrument.Name, value, (_, v) => v + value));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => totals[instrument.Name] = value);
        listener.Start();

        var clock = fixture.Grains.GetGrain<ISimulationClockGrain>("metrics/r0");
        var progress = await clock.StartAsync(new SimulationRun(Scenario, "metrics.yaml", null, null, 0));
        while (!progress.Done)
        {
            progress = await clock.AdvanceAsync();
        }
        await clock.FinishAsync();

        Assert.True(totals.GetValueOrDefault("docket.cases.filed") > 100, string.Join(", ", totals.Select(t => $"{t.Key}={t.Value}")));
        Assert.True(totals.GetValueOrDefault("docket.cases.closed") > 100);
        Assert.Equal(totals["docket.cases.filed"] - totals["docket.cases.closed"], totals["docket.cases.pending"]);
        Assert.Equal(200, totals["docket.simulation.day"]);
    }

    private const string Scenario = """
        name: metrics
        days: 200
        case_types:
          - id: generic
            effort: { judge: { dist: exponential, mean_hours: 4 } }
        intake:
          - { type: generic, per_year: 1000 }
        teams:
          - { id: t, count: 3, members: { judge: 1 }, accepts: [generic] }
        """;
}
