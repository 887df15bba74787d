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

    public LedgerOptions Ledger { get; set; } = new();

    public ClusterOptions Cluster { get; set; } = new();

    public LimitOptions Limits { get; set; } = new();

    public AuthOptions Auth { get; set; } = new();

    public TracingOptions Tracing { get; set; } = new();

    public PublicOptions Public { get; set; } = new();
}

/// <summary>The <c>Docket:Public</c> section: the parties' view (<c>/api/public</c>, <c>/track</c>).</summary>
public sealed class PublicOptions
{
    /// <summary>Wrong or missing party codes one client address may send a minute; after that it is answered 429 until the minute is over.</summary>
    public int FailuresPerMinute { get; set; } = 10;

    /// <summary>How often the events stream looks at the case for new progress, in milliseconds.</summary>
    public int EventsPollMilliseconds { get; set; } = 1000;

    /// <summary>The file of the key parties' codes are hashed with (default <c>party-code-key</c> in the data directory; created if absent).</summary>
    public string? CodeKey { get; set; }
}

public sealed class StorageOptions
{
    /// <summary><c>sqlite</c> (default: durable, under <see cref="DataDirectory"/>), <c>postgres</c> (shared by a cluster) or <c>memory</c>.</summary>
    public string Kind { get; set; } = "sqlite";

    public string DataDirectory { get; set; } = "./data";

    /// <summary>SQLite's <c>synchronous</c>: <c>full</c> (default: each commit reaches the disk) or <c>normal</c>.</summary>
    public string Synchronous { get; set; } = "full";

    /// <summary>
    /// Where SQLite's write-ahead log is copied into the database file: <c>inline</c> (default: SQLite's auto-checkpoint,
    /// inside a commit) or <c>background</c> (beside the writer, <see cref="Storage.SqliteCheckpointer"/>).
    /// </summary>
    public string Checkpoint { get; set; } = Storage.SqliteStore.Inline;

    public PostgresOptions Postgres { get; set; } = new();
}

/// <summary>The <c>Docket:Ledger</c> section: the key that signs checkpoints and the witness that keeps them, outside the database.</summary>
public sealed class LedgerOptions
{
    /// <summary>The ledger key's PEM file (default <c>ledger-key.pem</c> in the data directory; created if absent). The same file on every silo.</summary>
    public string? SigningKey { get; set; }

    /// <summary>
    /// The witness directory (default <c>witness</c> in the data directory). With in-memory storage there is no witness
    /// unless this is set; <c>off</c> keeps none (nothing then covers the chain outside the database: for measuring).
    /// </summary>
    public string? Witness { get; set; }

    /// <summary>The key file this configuration names.</summary>
    public string SigningKeyPath(StorageOptions storage) => SigningKey ?? Path.Combine(storage.DataDirectory, "ledger-key.pem");

    /// <summary>The witness directory this configuration names, or null for none.</summary>
    public string? WitnessDirectory(StorageOptions storage, string kind) =>
        Witness == "off" ? null : Witness ?? (kind == "memory" ? null : Path.Combine(storage.DataDirectory, "witness"));
}

public sealed class PostgresOptions
{
    /// <summary>An Npgsql connection string (Host, Port, Database, Username, Password, …).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Writer loops, each committing its queued writes in batches (a court's ledger always goes through the same one).</summary>
    public int Writers { get; set; } = 2;
}

public sealed class ClusterOptions
{
    /// <summary><c>localhost</c> (default: one silo, in-memory reminders) or <c>redis</c> (membership and reminders in Redis: several silos).</summary>
    public string Kind { get; set; } = "localhost";

    /// <summary>The Redis connection string (StackExchange.Redis form, e.g. <c>127.0.0.1:6379</c>) when <see cref="Kind"/> is <c>redis</c>.</summary>
    public string? Redis { get; set; }

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

    /// <summary>
    /// Longest a request waits for a grain (a court activating after its silo died, a silo that no longer answers)
    /// before it is answered 503; 0 or less: Orleans' own response timeout (30 s) only. Not for the audit routes.
    /// </summary>
    public double GrainWaitSeconds { get; set; } = 10;

    /// <summary>The <c>Retry-After</c> of a 503 for a failure that passes (at least 1).</summary>
    public int RetryAfterSeconds { get; set; } = 2;
}

public sealed class AuthOptions
{
    public List<UserAccount> Users { get; set; } = [];
}
