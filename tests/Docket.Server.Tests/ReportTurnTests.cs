using System.Collections.Concurrent;
using System.Net;
using Docket.Abstractions;
using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Supervision;
using Microsoft.Extensions.DependencyInjection;

namespace Docket.Server.Tests;

/// <summary>
/// A live report reads the court's cases a slice a turn (<c>LiveReportPass</c>), so a court with many cases produces
/// it between other commands: a filing that reaches the court while a report is being produced starts before the
/// report is done, instead of waiting for the whole scan.
/// </summary>
public sealed class ReportTurnTests
{
    private const string Probe = "probe";

    [Fact]
    public async Task A_filing_that_reaches_the_court_during_a_report_over_many_cases_runs_before_the_report_is_done()
    {
        var probe = new TurnProbe();
        await using var factory = new DocketFactory(services: s => s.AddSingleton<IIncomingGrainCallFilter>(probe));
        var grains = factory.Services.GetRequiredService<IGrainFactory>();
        probe.Grains = grains;
        var court = grains.GetGrain<ILiveCourtGrain>(DocketFactory.Court);
        var registrar = new Actor("many", UserRoles.Registrar, DocketFactory.Court, null, null);
        // More cases than a report reads in one turn (1,024), filed straight to the court.
        for (var batch = 0; batch < 25; batch++)
        {
            await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => court.FileAsync(new FilingRequest("simple_civil", false, RiskLevel.None, null, registrar))));
        }

        probe.Armed = true;
        var (status, report, _) = await factory.ClientFor(TestUsers.President).GetJsonAsync($"/api/courts/{DocketFactory.Court}/reports/daily-check");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("daily-check", report.Str("kind"));
        var filed = await probe.Filing!;
        Assert.Equal(Outcome.Created, filed.Outcome);
        // The probe's filing was waiting at the court when the report began; it started before the report ended.
        Assert.Equal(["report-start", "filing-start", "report-end"], probe.Events);
    }

    /// <summary>
    /// When armed, at the start of the court's next report: sends the court a filing and holds the report's turn a
    /// moment so the filing is waiting at the court, then records when the report and the filing start and end.
    /// </summary>
    private sealed class TurnProbe : IIncomingGrainCallFilter
    {
        public volatile bool Armed;

        public IGrainFactory? Grains { get; set; }

        public Task<CommandResult>? Filing { get; private set; }

        public ConcurrentQueue<string> Events { get; } = new();

        public async Task Invoke(IIncomingGrainCallContext context)
        {
            if (context.Grain is not ILiveCourtGrain)
            {
                await context.Invoke();
                return;
            }
            if (context.InterfaceMethod.Name == nameof(ILiveCourtGrain.GetReportAsync) && Armed)
            {
                Armed = false;
                Filing = Grains!.GetGrain<ILiveCourtGrain>(DocketFactory.Court)
                    .FileAsync(new FilingRequest("simple_civil", false, RiskLevel.None, null, new Actor(Probe, UserRoles.Registrar, DocketFactory.Court, null, null)));
                // Holds the court's turn (deliberately blocking) while the filing's message arrives and waits.
                Thread.Sleep(300);
                Events.Enqueue("report-start");
                await context.Invoke();
                Events.Enqueue("report-end");
                return;
            }
            if (context.Request.GetArgumentCount() > 0 && context.Request.GetArgument(0) is FilingRequest { By.Name: Probe })
            {
                Events.Enqueue("filing-start");
            }
            await context.Invoke();
        }
    }
}
