using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Domain.Metrics;
using Docket.Grains;
using Docket.Server.Storage;
using Docket.Server.Storage.Postgres;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;

namespace Docket.Server.Hosting;

/// <summary>
/// Where the courts' ledgers, seed secrets and saved states (<see cref="ICourtJournal"/>) are kept: <c>sqlite</c>, <c>postgres</c> or <c>memory</c> (Docket:Storage:Kind).
/// </summary>
internal static class ServerStorage
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";
    public const string Memory = "memory";

    /// <summary>Registers the journal and the store; returns the kind.</summary>
    public static string Add(IServiceCollection services, StorageOptions options)
    {
        var kind = options.Kind.ToLowerInvariant();
        switch (kind)
        {
            case Sqlite:
                services.AddSingleton(sp => new SqliteStore(options.DataDirectory, options.Synchronous, sp.GetRequiredService<ILogger<SqliteStore>>(), options.Checkpoint));
                Timed<SqliteCourtJournal>(services, Sqlite);
                services.AddHostedService<StorageStartup>();
                break;
            case Postgres:
                var connectionString = PostgresConnectionString(options);
                // Checked now, so a bad value is named before anything starts.
                var writers = options.Postgres.Writers;
                services.AddSingleton(sp => new PostgresStore(connectionString, writers, sp.GetRequiredService<ILogger<PostgresStore>>()));
                Timed<PostgresCourtJournal>(services, Postgres);
                // Before the silo: the schema is there when the first grain reads.
                services.AddHostedService<PostgresStartup>();
                break;
            case Memory:
                Timed<InMemoryCourtJournal>(services, Memory);
                break;
            default:
                throw new StartupException($"Docket:Storage:Kind (--storage): '{options.Kind}' is none of sqlite, postgres, memory");
        }
        return kind;
    }

    /// <summary>
    /// The witness of the courts' ledgers (<see cref="FileLedgerWitness"/>) with the ledger key, read or created now so
    /// a bad key file stops the start; none with in-memory storage unless a witness directory is configured.
    /// </summary>
    public static void AddWitness(IServiceCollection services, StorageOptions storage, LedgerOptions ledger, string kind)
    {
        if (ledger.WitnessDirectory(storage, kind) is not { } directory)
        {
            services.AddSingleton<ILedgerWitness, NoLedgerWitness>();
            return;
        }
        var key = LedgerKeyFile.LoadOrCreate(ledger.SigningKeyPath(storage));
        services.AddSingleton(sp => new FileLedgerWitness(directory, key, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<FileLedgerWitness>>()));
        services.AddSingleton<ILedgerWitness>(sp => sp.GetRequiredService<FileLedgerWitness>());
    }

    /// <summary>The store's journal, its appends timed on <c>docket.ledger.append.duration</c> with label store = <paramref name="kind"/>.</summary>
    private static void Timed<TJournal>(IServiceCollection services, string kind) where TJournal : class, ICourtJournal
    {
        services.AddSingleton<TJournal>();
        services.AddSingleton<ICourtJournal>(sp => new TimedCourtJournal(sp.GetRequiredService<TJournal>(), sp.GetRequiredService<DocketMetrics>(), kind));
    }

    public static string PostgresConnectionString(StorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Postgres.ConnectionString))
        {
            throw new StartupException("Docket:Storage:Postgres:ConnectionString (--postgres): a PostgreSQL connection string is required for storage postgres");
        }
        try
        {
            _ = new Npgsql.NpgsqlConnectionStringBuilder(options.Postgres.ConnectionString);
        }
        catch (ArgumentException e)
        {
            throw new StartupException($"Docket:Storage:Postgres:ConnectionString (--postgres): {e.Message}");
        }
        if (options.Postgres.Writers is < 1 or > 64)
        {
            throw new StartupException($"Docket:Storage:Postgres:Writers: {options.Postgres.Writers} is not between 1 and 64");
        }
        return options.Postgres.ConnectionString;
    }
}
