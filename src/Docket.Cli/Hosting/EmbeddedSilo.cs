using Docket.Domain.Metrics;
using Docket.Domain.Scenarios;
using Docket.Grains;
using Docket.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using Orleans.Configuration;

namespace Docket.Cli.Hosting;

/// <summary>
/// The embedded default: one Orleans silo in this process, localhost clustering on free ports (so several runs can
/// go side by side), state in the grains' memory. Nothing to install.
/// </summary>
internal sealed class EmbeddedSilo : ISimulationHost
{
    private readonly IHost _host;

    private EmbeddedSilo(IHost host) => _host = host;

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>A scenario the command has parsed already is handed to the silo's catalog, so the silo does not parse it again.</summary>
    public void Offer(string text, Scenario parsed) => _host.Services.GetRequiredService<ScenarioCatalog>().Add(text, parsed);

    public Task<int> CountSilosAsync() => Task.FromResult(1);

    public Task WatchForLossAsync(CancellationToken cancellationToken) => Task.Delay(Timeout.Infinite, cancellationToken);

    /// <param name="metricsPort">When set, Docket's and Orleans' metrics are served for Prometheus at
    /// http://127.0.0.1:PORT/metrics while the silo runs.</param>
    /// <param name="scenario">The run's scenario once read (the silo starts while it is read), so that the metrics keep
    /// a series for each of its courts' teams and labels (<see cref="Docket.Domain.Metrics.MetricSeries"/>).</param>
    public static async Task<EmbeddedSilo> StartAsync(CancellationToken cancellationToken, int? metricsPort = null, Func<Scenario?>? scenario = null)
    {
        // An empty host: no configuration files, environment or command-line sources, no logging providers and no
        // gateway (nothing connects to this silo from outside the process), so that start-up does only what the run needs.
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo =>
        {
            // No grain storage: no simulation grain persists anything (a run's state lives in its court grains).
            silo.UseLocalhostClustering(siloPort: Docket.Server.Hosting.FreePort.Or(0), gatewayPort: 0);
            // The command's calls (a step of every court, the end) outlast Orleans' 30 s on a large scenario.
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = SimulationCluster.ResponseTimeout);
        });
        builder.Services.AddDocketGrains();
        if (metricsPort is { } port)
        {
            builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
                .AddMeter(DocketMetrics.MeterName, "Microsoft.Orleans")
                .SizedFor(scenario ?? (() => null))
                .AddPrometheusHttpListener(options =>
                {
                    options.Host = "127.0.0.1";
                    options.Port = port;
                }));
        }
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new EmbeddedSilo(host);
    }

    /// <summary>Stops a silo still starting when the command gives up before using it (a start that failed is ignored).</summary>
    public static async Task StopQuietlyAsync(Task<ISimulationHost> starting)
    {
        try
        {
            await (await starting).DisposeAsync();
        }
        catch (Exception)
        {
            // The command's own error is the one reported.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
