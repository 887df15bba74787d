using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using Docket.Domain.Metrics;
using Docket.Grains;
using Microsoft.Extensions.DependencyInjection;

namespace Docket.Server.Tests;

/// <summary>
/// The gauges a court records with its KPIs are the KPIs' figures, as of the entry the pass began at and durable: a
/// filing decided while the pass counts, and still being written when it ends, is in no gauge until it is durable.
/// </summary>
public sealed class DurableGaugeTests
{
    [Fact]
    public async Task The_teams_pending_work_gauges_leave_out_a_filing_still_being_written_when_the_kpis_pass_ends()
    {
        var journal = new GatedAppends(new InMemoryCourtJournal());
        // No KPI timer: the gauges are recorded only by the KPI requests below.
        await using var server = new DocketFactory(settings: new Dictionary<string, string?> { ["Docket:Metrics:KpiIntervalSeconds"] = "0" },
            services: s => s.AddSingleton<ICourtJournal>(journal));
        try
        {
            var registrar = server.ClientFor(TestUsers.Registrar);
            var president = server.ClientFor(TestUsers.President);
            await registrar.FileAsync("simple_civil");

            var metrics = server.Services.GetRequiredService<DocketMetrics>();
            var pendingWork = new ConcurrentDictionary<string, double>(StringComparer.Ordinal);
            using var listener = new MeterListener();
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument, metrics.TeamPendingWork))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "team")
                    {
                        pendingWork[(string)tag.Value!] = value;
                    }
                }
            });
            listener.Start();

            Assert.Equal(HttpStatusCode.OK, (await president.GetJsonAsync("/api/courts/live/kpis")).Status);
            var before = new Dictionary<string, double>(pendingWork, StringComparer.Ordinal);
            Assert.NotEmpty(before);

            // A filing held on its way to the ledger; the KPIs asked meanwhile count it once it is durable.
            journal.Hold();
            var first = registrar.FileAsync("simple_civil");
            await journal.HeldAsync(1);
            var kpis = president.GetJsonAsync("/api/courts/live/kpis");
            // A second filing, decided while the KPIs wait for the first, is held too, past the end of their pass. Sent
            // once the KPI request has had time to reach the court: were the filing decided first, the pass would begin
            // after it and wait for it, which is released only once the KPIs answer.
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            var second = registrar.FileAsync("simple_civil");
            await journal.HeldAsync(2);
            journal.Release(0);
            var firstTeam = (await first).Str("team");
            Assert.Equal(HttpStatusCode.OK, (await kpis).Status);

            var during = new Dictionary<string, double>(pendingWork, StringComparer.Ordinal);
            var weight = 0.3;
            foreach (var (team, work) in before)
            {
                var expected = team == firstTeam ? work + weight : work;
                Assert.True(Math.Abs(during[team] - expected) < 1e-9,
                    $"team {team}'s pending work gauge is {during[team]} while only the first filing is durable (expected {expected}): the gauge counts a filing not yet written");
            }

            journal.Release(1);

            var secondTeam = (await second).Str("team");
            Assert.Equal(HttpStatusCode.OK, (await president.GetJsonAsync("/api/courts/live/kpis")).Status);
            Assert.True(Math.Abs(pendingWork[secondTeam] - (during[secondTeam] + weight)) < 1e-9, "the second filing counts once durable");
        }
        finally
        {
            // Nothing left held, so the server stops (and a failure above is the one reported).
            journal.ReleaseAll();
        }
    }
}
