using Docket.Server.Auth;
using Docket.Server.Hosting;

namespace Docket.Server;

/// <summary>The <c>Docket</c> configuration section (see docs/api.md, "Configuration").</summary>
public sealed class ServerOptions
{
    public const string Section = "Docket";

    /// <summary>The scenario file whose organisation (courts, teams, case types, policies) the service runs.</summary>
    public string? Scenario { get; set; }

    public StorageOptions Storage { get; set; } = new();

    public ClusterOptions Cluster { get; set; } = new();

    public LimitOptions Limits { get; set; } = new();

    public AuthOptions Auth { get; set; } = new();

    public TracingOptions Tracing { get; set; } = new();
}

public sealed class StorageOptions
{
    /// <summary><c>sqlite</c> (default: durable, under <see cref="DataDirectory"/>) or <c>memory</c>.</summary>
    public string Kind { get; set; } = "sqlite";

    public string DataDirectory { get; set; } = "./data";

    /// <summary>SQLite's <c>synchronous</c>: <c>full</c> (default: each commit reaches the disk) or <c>normal</c>.</summary>
    public string Synchronous { get; set; } = "full";
}

public sealed class ClusterOptions
{
    /// <summary>Silo-to-silo port; 0 picks a free one.</summary>
    public int SiloPort { get; set; }

    /// <summary>Client gateway port; 0 picks a free one.</summary>
    public int GatewayPort { get; set; }

    public string ClusterId { get; set; } = "docket-live";

    public string ServiceId { get; set; } = "docket";
}

public sealed class LimitOptions
{
    /// <summary>Largest request body accepted (413 beyond).</summary>
    public long MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Most ledger entries one audit page returns.</summary>
    public int MaxAuditPage { get; set; } = 1000;
}

public sealed class AuthOptions
{
    public List<UserAccount> Users { get; set; } = [];
}
