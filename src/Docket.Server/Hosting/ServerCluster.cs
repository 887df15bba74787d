using System.Net;
using Orleans.Configuration;
using StackExchange.Redis;

namespace Docket.Server.Hosting;

/// <summary>
/// How silos find each other and keep reminders (Docket:Cluster:Kind): <c>localhost</c>, one silo on loopback with
/// in-memory reminders (re-armed from stored state at start); or <c>redis</c>, Orleans' Redis membership and
/// reminder providers, so several silos on 127.0.0.1 (each on its own ports) form one cluster. A cluster of silos
/// needs storage they share: <c>postgres</c>.
/// </summary>
internal sealed class ServerCluster
{
    public const string Localhost = "localhost";
    public const string Redis = "redis";

    private readonly ClusterOptions _options;
    private readonly string _kind;
    private readonly ConfigurationOptions? _redis;
    private readonly int _siloPort;
    private readonly int _gatewayPort;

    private ServerCluster(ClusterOptions options, string kind, ConfigurationOptions? redis)
    {
        _options = options;
        _kind = kind;
        _redis = redis;
        _siloPort = FreePort.Or(options.SiloPort);
        _gatewayPort = FreePort.Or(options.GatewayPort);
    }

    /// <summary>One silo, which activates every court: localhost clustering.</summary>
    public bool OneSilo => _kind == Localhost;

    /// <summary>Checks the cluster configuration against the storage kind; bad values throw <see cref="StartupException"/>.</summary>
    public static ServerCluster Check(ClusterOptions options, string storage)
    {
        var kind = options.Kind.ToLowerInvariant();
        if (options.SiloPort is < 0 or > 65535)
        {
            throw new StartupException($"Docket:Cluster:SiloPort (--silo-port): {options.SiloPort} is not a port");
        }
        if (options.GatewayPort is < 0 or > 65535)
        {
            throw new StartupException($"Docket:Cluster:GatewayPort (--gateway-port): {options.GatewayPort} is not a port");
        }
        switch (kind)
        {
            case Localhost:
                return new ServerCluster(options, kind, null);
            case Redis:
                if (string.IsNullOrWhiteSpace(options.Redis))
                {
                    throw new StartupException("Docket:Cluster:Redis (--redis): a Redis connection string is required for cluster redis");
                }
                if (storage != ServerStorage.Postgres)
                {
                    throw new StartupException($"Docket:Storage:Kind: cluster redis runs several silos, which must share their storage: use postgres, not {storage}");
                }
                ConfigurationOptions redis;
                try
                {
                    redis = ConfigurationOptions.Parse(options.Redis);
                }
                catch (ArgumentException e)
                {
                    throw new StartupException($"Docket:Cluster:Redis (--redis): {e.Message}");
                }
                if (redis.EndPoints.Count == 0)
                {
                    throw new StartupException($"Docket:Cluster:Redis (--redis): '{options.Redis}' names no Redis server");
                }
                return new ServerCluster(options, kind, redis);
            default:
                throw new StartupException($"Docket:Cluster:Kind (--cluster): '{options.Kind}' is neither localhost nor redis");
        }
    }

    public void Configure(ISiloBuilder silo)
    {
        if (_redis is null)
        {
            silo.UseLocalhostClustering(_siloPort, _gatewayPort, serviceId: _options.ServiceId, clusterId: _options.ClusterId);
            silo.UseInMemoryReminderService();
            return;
        }
        silo.Configure<Orleans.Configuration.ClusterOptions>(o =>
        {
            o.ClusterId = _options.ClusterId;
            o.ServiceId = _options.ServiceId;
        });
        silo.ConfigureEndpoints(IPAddress.Loopback, _siloPort, _gatewayPort, listenOnAnyHostAddress: false);
        silo.UseRedisClustering(o => o.ConfigurationOptions = _redis.Clone());
        silo.UseRedisReminderService(o => o.ConfigurationOptions = _redis.Clone());
        silo.Configure<ClusterMembershipOptions>(Membership);
    }

    /// <summary>
    /// How fast a dead silo is declared dead (docs/api.md, "Fail-over"): each silo probes its peers every
    /// <see cref="ClusterMembershipOptions.ProbeTimeout"/>; after <see cref="ClusterMembershipOptions.NumMissedProbesLimit"/>
    /// missed probes it suspects the peer and votes; <see cref="ClusterMembershipOptions.NumVotesForDeathDeclaration"/>
    /// votes (Orleans asks no more than half the active silos, so one in a cluster of two) declare it dead. A killed
    /// silo refuses connections at once, so it is declared within about 3 × 2 s; a silo that hangs, within
    /// 3 × the probe timeout, which Orleans stretches while the prober itself is overloaded. Heartbeats in Redis every
    /// 5 s let a silo that starts tell a stale entry; dead entries are removed after a day.
    /// </summary>
    internal static void Membership(ClusterMembershipOptions o)
    {
        o.ProbeTimeout = TimeSpan.FromSeconds(2);
        o.MinProbeTimeout = TimeSpan.FromSeconds(2);
        o.NumMissedProbesLimit = 3;
        o.NumVotesForDeathDeclaration = 2;
        o.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(30);
        o.TableRefreshTimeout = TimeSpan.FromSeconds(10);
        o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
        o.NumMissedTableIAmAliveLimit = 3;
        o.DefunctSiloExpiration = TimeSpan.FromDays(1);
        o.DefunctSiloCleanupPeriod = TimeSpan.FromHours(1);
    }
}
