using System.Net;
using System.Net.Sockets;
using Docket.Domain.Courts;
using Docket.Domain.Scenarios;
using Docket.Grains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Docket.Benchmarks.Grains;

/// <summary>
/// An in-process silo set up as the live service's with <c>--storage memory</c> (src/Docket.Server/Hosting): localhost
/// clustering on free ports, the live grains over a scenario's organisation, the courts' ledgers in an
/// <see cref="InMemoryCourtJournal"/> (no grain storage: no grain stores state), in-memory reminders; the benchmark calls
/// through the co-hosted client.
/// </summary>
public sealed class BenchSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private BenchSilo(IHost host) => _host = host;

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public static async Task<BenchSilo> StartAsync(Scenario scenario, string source)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort: FreePort(), gatewayPort: FreePort());
            silo.UseInMemoryReminderService();
        });
        builder.Services.AddDocketGrains();
        builder.Services.AddDocketLive(new Organization(scenario, source));
        builder.Services.AddSingleton<ICourtJournal, InMemoryCourtJournal>();
        var host = builder.Build();
        await host.StartAsync();
        return new BenchSilo(host);
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
