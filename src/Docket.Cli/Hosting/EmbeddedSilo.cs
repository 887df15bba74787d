using System.Net;
using System.Net.Sockets;
using Docket.Domain.Metrics;
using Docket.Grains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;

namespace Docket.Cli.Hosting;

/// <summary>
/// The embedded default: one Orleans silo in this process, localhost clustering on free ports (so several runs can
/// go side by side), in-memory state. Nothing to install.
/// </summary>
internal sealed class EmbeddedSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private EmbeddedSilo(IHost host) => _host = host;

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    /// <param name="metricsPort">When set, Docket's and Orleans' metrics are served for Prometheus at
    /// http://127.0.0.1:PORT/metrics while the silo runs.</param>
    public static async Task<EmbeddedSilo> StartAsync(CancellationToken cancellationToken, int? metricsPort = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort: FreePort(), gatewayPort: FreePort());
            silo.AddMemoryGrainStorageAsDefault();
        });
        builder.Services.AddDocketGrains();
        if (metricsPort is { } port)
        {
            builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
                .AddMeter(DocketMetrics.MeterName, "Microsoft.Orleans")
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

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
