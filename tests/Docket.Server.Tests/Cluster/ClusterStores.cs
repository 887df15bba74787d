namespace Docket.Server.Tests.Cluster;

/// <summary>
/// The cluster stores the tests run against, from the environment: <c>DOCKET_TEST_POSTGRES</c> (an Npgsql
/// connection string of a role that may create databases) and <c>DOCKET_TEST_REDIS</c> (host:port).
/// <c>.ci/stores.sh start</c> starts both on loopback and prints them. Unset on a developer's machine, the tests
/// that need them are skipped with this reason; unset in CI (<c>CI=true</c>), they run and fail, saying so.
/// </summary>
public static class ClusterStores
{
    public const string PostgresVariable = "DOCKET_TEST_POSTGRES";
    public const string RedisVariable = "DOCKET_TEST_REDIS";

    public static string? Postgres => Value(PostgresVariable);

    public static string? Redis => Value(RedisVariable);

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why store tests are skipped here, or null when they run (the stores are set, or this is CI).</summary>
    public static string? SkipReason => (Postgres is null || Redis is null) && !InCi
        ? $"{PostgresVariable} and {RedisVariable} are not set: start the stores with `eval \"$(.ci/stores.sh start)\"` to run the PostgreSQL and Redis tests"
        : null;

    public static string RequirePostgres() => Postgres ?? throw Missing(PostgresVariable);

    public static string RequireRedis() => Redis ?? throw Missing(RedisVariable);

    private static InvalidOperationException Missing(string variable) => new(
        $"{variable} is not set, and CI=true requires the cluster-store tests to run: .ci/run starts PostgreSQL and Redis with .ci/stores.sh and exports it");

    private static string? Value(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value : null;
}

/// <summary>A test class that needs PostgreSQL and Redis (see <see cref="ClusterStores"/>).</summary>
public interface IUsesClusterStores;
