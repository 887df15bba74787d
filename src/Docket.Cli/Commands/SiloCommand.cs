using System.CommandLine;
using System.Net;
using Docket.Cli.Hosting;
using Docket.Grains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Docket.Cli.Commands;

/// <summary>
/// <c>docket silo</c>: a silo of a simulation cluster (membership in Redis) hosting the simulation grains, until
/// stopped (Ctrl+C or SIGTERM). <c>docket simulate|compare|optimize --cluster redis</c> run their courts on it.
/// </summary>
internal static class SiloCommand
{
    public static Command Create(TextWriter output)
    {
        var cluster = new SimulationCluster.Options();
        var address = new Option<string?>("--address") { Description = "The address other silos and clients reach this one at (default 127.0.0.1: this machine only)" };
        var siloPort = new Option<int?>("--silo-port") { Description = "Silo-to-silo port (default: a free one)" };
        var gatewayPort = new Option<int?>("--gateway-port") { Description = "Port clients connect to (default: a free one)" };
        var command = new Command("silo", "Run a silo of a simulation cluster (Orleans, membership in Redis) until stopped")
        {
            address, siloPort, gatewayPort,
        };
        cluster.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var joined = cluster.Read(parse, required: true)!;
            var ip = IPAddress.Loopback;
            if (parse.GetValue(address) is { } text && !IPAddress.TryParse(text, out ip))
            {
                throw new BadInputException($"--address: '{text}' is not an IP address");
            }
            var ports = (Silo: Port(parse.GetValue(siloPort), "--silo-port"), Gateway: Port(parse.GetValue(gatewayPort), "--gateway-port"));
            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Logging.AddSimpleConsole();
            // Start-up notes about garbage collection and a slow first check are not the operator's concern.
            builder.Logging.AddFilter("Orleans.Runtime.Silo", LogLevel.Error);
            builder.Logging.AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error);
            builder.UseOrleans(silo =>
            {
                joined.Configure(silo);
                silo.ConfigureEndpoints(ip!, ports.Silo, ports.Gateway, listenOnAnyHostAddress: !IPAddress.IsLoopback(ip!));
                // A silo that stops answering is declared dead within seconds (the service's settings), also by a silo
                // whose own timers run late on a busy machine, so a run on it fails quickly.
                silo.Configure<ClusterMembershipOptions>(o =>
                {
                    Docket.Server.Hosting.ServerCluster.Membership(o);
                    o.ExtendProbeTimeoutDuringDegradation = false;
                });
            });
            builder.Services.AddDocketGrains();
            using var host = builder.Build();
            await host.StartAsync(cancellationToken);
            output.WriteLine($"docket silo: cluster {joined.ClusterId} (Redis {joined.RedisText}), silo {ip}:{ports.Silo}, gateway {ip}:{ports.Gateway}; Ctrl+C stops it");
            output.Flush();
            await host.WaitForShutdownAsync(cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }

    private static int Port(int? asked, string option) => asked switch
    {
        null => Docket.Server.Hosting.FreePort.Or(0),
        >= 1 and <= 65535 => asked.Value,
        _ => throw new BadInputException($"{option} must be a port number from 1 to 65535 (got {asked})"),
    };
}
