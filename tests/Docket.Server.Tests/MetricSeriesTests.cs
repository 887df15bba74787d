using System.Diagnostics.Metrics;
using Docket.Domain.Metrics;
using Docket.Domain.Scenarios;
using Docket.Server.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Docket.Server.Tests;

/// <summary>
/// Every series of Docket's instruments a scenario's courts can make is kept by the metrics exporter: past
/// OpenTelemetry's default of 2,000 series an instrument, the rest would be folded into one overflow series.
/// </summary>
public sealed class MetricSeriesTests
{
    private const int Teams = 3000;

    /// <summary>The scenario's teams: a hundred more than the test records, so series other tests record on Docket's meter meanwhile (it listens to every meter of that name in the process) find room too.</summary>
    private const int ScenarioTeams = Teams + 100;

    private static readonly string s_yaml = $$"""
        name: many-teams
        seed: 1
        days: 30
        case_types:
          - id: civil
            effort: { judge: { dist: fixed, hours: 1 } }
        intake:
          - { type: civil, per_year: 1000 }
        teams:
          - { id: t, count: {{ScenarioTeams}}, template: "1+1", accepts: [civil] }
        assignment: { policy: random }
        """;

    [Fact]
    public void A_courts_team_pending_work_keeps_a_series_for_each_of_its_3000_teams()
    {
        var loaded = ScenarioLoader.Load(s_yaml, "many-teams.yaml");
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
        var scenario = loaded.Scenario!;

        Assert.Equal((Kept: Teams, Overflow: false), Record(scenario, sized: true));
        // Without the room the exporter keeps at most 2,000, and folds the others into its overflow series.
        var (kept, overflow) = Record(scenario, sized: false);
        Assert.True(overflow);
        Assert.InRange(kept, 1, MetricSeries.DefaultLimit);
        Assert.Null(MetricSeries.LimitFor("docket.cases.waiting", scenario));
    }

    private static (int Kept, bool Overflow) Record(Scenario scenario, bool sized)
    {
        using var metrics = new DocketMetrics();
        var exporter = new CountingExporter();
        var builder = Sdk.CreateMeterProviderBuilder().AddMeter(DocketMetrics.MeterName);
        if (sized)
        {
            builder.SizedFor(scenario);
        }
        using var provider = builder.AddReader(new BaseExportingMetricReader(exporter)).Build();
        for (var t = 0; t < Teams; t++)
        {
            metrics.TeamPendingWork.Record(t, new("court", "many-teams"), new("team", $"t-{t + 1}"));
        }
        provider.ForceFlush();
        return (exporter.Points, exporter.Overflow);
    }

    private sealed class CountingExporter : BaseExporter<Metric>
    {
        public int Points { get; private set; }

        public bool Overflow { get; private set; }

        public override ExportResult Export(in Batch<Metric> batch)
        {
            foreach (var metric in batch)
            {
                if (metric.Name != "docket.team.pending_work")
                {
                    continue;
                }
                foreach (ref readonly var point in metric.GetMetricPoints())
                {
                    var (overflow, ours) = (false, false);
                    foreach (var tag in point.Tags)
                    {
                        overflow |= tag.Key == "otel.metric.overflow";
                        ours |= tag.Key == "court" && Equals(tag.Value, "many-teams");
                    }
                    Overflow |= overflow;
                    Points += ours ? 1 : 0;
                }
            }
            return ExportResult.Success;
        }
    }
}
