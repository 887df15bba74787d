using System.CommandLine;
using Docket.Cli.Commands;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Messaging;
using StackExchange.Redis;

namespace Docket.Cli.Hosting;

/// <summary>
/// The options that put a simulation on a cluster (<c>--cluster redis --redis HOST:PORT [--cluster-id ID]</c>), shared
/// by <c>simulate</c>, <c>compare</c>, <c>optimize</c> and <c>silo</c>, and the cluster they name.
/// </summary>
internal sealed class SimulationCluster
{
    public const string InProcess = "in-process";
    public const string Redis = "redis";

    /// <summary>The cluster id silos started by <c>docket silo</c> join unless told otherwise.</summary>
    public const string DefaultClusterId = "docket-sim";

    /// <summary>Shared with <c>docket serve</c>'s default, so a client can reach either kind of silo.</summary>
    public const string ServiceId = "docket";

    private SimulationCluster(ConfigurationOptions redis, string redisText, string clusterId)
    {
        RedisOptions = redis;
        RedisText = redisText;
        ClusterId = clusterId;
    }

    public ConfigurationOptions RedisOptions { get; }

    public string RedisText { get; }

    public string ClusterId { get; }

    public sealed class Options
    {
        public Option<string?> Cluster { get; } = new("--cluster")
        {
            Description = $"Where the courts run: {InProcess} (default: one silo in this process) or {Redis} (the silos of an Orleans cluster whose membership is in Redis)",
        };

        public Option<string?> RedisAddress { get; } = new("--redis") { Description = "The cluster's Redis (StackExchange.Redis form, e.g. 127.0.0.1:6379) with --cluster redis" };

        public Option<string?> ClusterId { get; } = new("--cluster-id") { Description = $"The cluster's id (default {DefaultClusterId}; a docket serve cluster's is docket-live)" };

        public void AddTo(Command command)
        {
            command.Options.Add(Cluster);
            command.Options.Add(RedisAddress);
            command.Options.Add(ClusterId);
        }

        /// <summary>The cluster the options name; null for the in-process silo. Bad combinations are refused, naming the option.</summary>
        public SimulationCluster? Read(ParseResult parse, bool required = false)
        {
            var kind = parse.GetValue(Cluster) ?? (required ? null : InProcess);
            var redis = parse.GetValue(RedisAddress);
            var id = parse.GetValue(ClusterId);
            switch (kind?.ToLowerInvariant())
            {
                case InProcess when !required:
                    if (redis is not null || id is not null)
                    {
                        throw new BadInputException($"{(redis is not null ? "--redis" : "--cluster-id")} needs --cluster redis");
                    }
                    return null;
                case Redis:
                    break;
                case null:
                    throw new BadInputException("--cluster redis is required (the silo's membership is kept in Redis)");
                default:
                    throw new BadInputException($"--cluster: '{kind}' is not one of {(required ? Redis : $"{InProcess}, {Redis}")}");
            }
            if (string.IsNullOrWhiteSpace(redis))
            {
                throw new BadInputException("--redis: a Redis address (e.g. 127.0.0.1:6379) is required with --cluster redis");
            }
            ConfigurationOptions parsed;
            try
            {
                parsed = ConfigurationOptions.Parse(redis);
            }
            catch (ArgumentException e)
            {
                throw new BadInputException($"--redis: '{redis}' is not a Redis address ({e.Message})");
            }
            if (parsed.EndPoints.Count == 0)
            {
                throw new BadInputException($"--redis: '{redis}' names no Redis server");
            }
            if (id is not null && (id.Length == 0 || id.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))))
            {
                throw new BadInputException($"--cluster-id: '{id}' must be letters, digits, '-', '_' or '.'");
            }
            return new SimulationCluster(parsed, redis, id ?? DefaultClusterId);
        }
    }

    /// <summary>The in-process silo when <paramref name="cluster"/> is null, else a client of the cluster.</summary>
    public static async Task<ISimulationHost> StartAsync(SimulationCluster? cluster, CancellationToken cancellationToken, int? metricsPort = null,
        Func<Domain.Scenarios.Scenario?>? scenario = null) =>
        cluster is null ? await EmbeddedSilo.StartAsync(cancellationToken, metricsPort, scenario) : await ClusterClient.ConnectAsync(cluster, cancellationToken);

    /// <summary>
    /// How long a call may wait for its answer: a court's step on a large scenario takes longer than Orleans' default
    /// 30 s. A silo that dies does not make its callers wait this long: Orleans breaks the calls to it once the
    /// cluster declares it dead (seconds), and the run fails naming the court.
    /// </summary>
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromMinutes(10);

    public void Configure(ISiloBuilder silo) => silo
        .Configure<SiloMessagingOptions>(o => o.ResponseTimeout = ResponseTimeout)
        .Configure<ClusterOptions>(Identify)
        .UseRedisClustering(o => o.ConfigurationOptions = RedisOptions.Clone());

    public void Configure(IClientBuilder client) => client
        .Configure<ClientMessagingOptions>(o => o.ResponseTimeout = ResponseTimeout)
        .Configure<ClusterOptions>(Identify)
        .UseRedisClustering(o => o.ConfigurationOptions = RedisOptions.Clone());

    private void Identify(ClusterOptions o)
    {
        o.ClusterId = ClusterId;
        o.ServiceId = ServiceId;
    }
}

/// <summary>An Orleans client of a cluster's silos: the command's grains run there, placed by Orleans.</summary>
internal sealed class ClusterClient : ISimulationHost
{
    private readonly IHost _host;

    private ClusterClient(IHost host) => _host = host;

    public IGrainFactory Grains => _host.Services.GetRequiredService<IClusterClient>();

    public void Offer(string text, Domain.Scenarios.Scenario parsed)
    {
    }

    public async Task<int> CountSilosAsync()
    {
        var hosts = await Grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        return hosts.Count;
    }

    /// <summary>
    /// Polls the cluster's active silos every 2 s and fails once one seen before has left: a call waiting on a grain of
    /// a silo that died (the run's clock, say) is not always broken by Orleans, and would otherwise wait out its timeout.
    /// The silos are read from the cluster's membership in Redis (the gateways of the silos it lists as active), not
    /// asked of a silo: a question to a grain on the silo that died could itself wait out the timeout.
    /// </summary>
    public async Task WatchForLossAsync(CancellationToken cancellationToken)
    {
        var gateways = _host.Services.GetRequiredService<IGatewayListProvider>();
        var seen = new HashSet<Uri>(await gateways.GetGatewaysAsync(cancellationToken));
        while (true)
        {
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            var active = await gateways.GetGatewaysAsync(cancellationToken);
            if (seen.FirstOrDefault(g => !active.Contains(g)) is { } lost)
            {
                throw new ClusterUnavailableException($"the run was lost on the cluster (the silo at {lost.Authority} left it during the run); nothing was written: start the silos again if needed and re-run it");
            }
            seen.UnionWith(active);
        }
    }

    /// <summary>
    /// Connects to the cluster, waiting up to <see cref="ConnectWait"/> for a silo to be there (silos started at the same
    /// moment as the command are still joining).
    /// </summary>
    public static async Task<ClusterClient> ConnectAsync(SimulationCluster cluster, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + ConnectWait;
        while (true)
        {
            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            builder.Logging.SetMinimumLevel(LogLevel.Critical);
            builder.UseOrleansClient(cluster.Configure);
            var host = builder.Build();
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attempt.CancelAfter(Max(deadline - DateTime.UtcNow, TimeSpan.FromSeconds(1)));
            try
            {
                await host.StartAsync(attempt.Token);
                return new ClusterClient(host);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                host.Dispose();
                if (DateTime.UtcNow >= deadline)
                {
                    throw new ClusterUnavailableException(
                        $"no silo of cluster '{cluster.ClusterId}' could be reached through Redis {cluster.RedisText} in {ConnectWait.TotalSeconds:F0} s ({e.GetType().Name}: {e.Message}); start silos with: docket silo --cluster redis --redis {cluster.RedisText} --cluster-id {cluster.ClusterId}");
                }
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    private static readonly TimeSpan ConnectWait = TimeSpan.FromSeconds(60);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>Closes the client; after a silo's loss its calls may still be waiting, so the close is given 10 s, not more.</summary>
    public async ValueTask DisposeAsync()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _host.StopAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            // What the client still waited for is abandoned with the process.
        }
        _host.Dispose();
    }
}

/// <summary>The cluster a command was pointed at cannot run it (no silo reached, or a silo lost during the run).</summary>
internal sealed class ClusterUnavailableException(string message) : Exception(message);
