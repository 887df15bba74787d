namespace Docket.Server.Tests.Cluster;

/// <summary>Bad store and cluster configuration stops the start with a message naming the key (no stores needed).</summary>
public sealed class StoreConfigurationTests
{
    [Theory]
    [InlineData("Docket:Storage:Kind", new[] { "--storage", "oracle" })]
    [InlineData("Docket:Storage:Postgres:ConnectionString", new[] { "--storage", "postgres" })]
    [InlineData("Docket:Storage:Postgres:ConnectionString", new[] { "--storage", "postgres", "--postgres", "Hots=nowhere" })]
    [InlineData("Docket:Storage:Postgres:Writers", new[] { "--storage", "postgres", "--postgres", "Host=127.0.0.1", "--Docket:Storage:Postgres:Writers=0" })]
    [InlineData("Docket:Cluster:Kind", new[] { "--cluster", "zookeeper" })]
    [InlineData("Docket:Cluster:Redis", new[] { "--storage", "postgres", "--postgres", "Host=127.0.0.1", "--cluster", "redis" })]
    [InlineData("Docket:Storage:Kind", new[] { "--storage", "sqlite", "--cluster", "redis", "--redis", "127.0.0.1:6379" })]
    [InlineData("Docket:Cluster:SiloPort", new[] { "--silo-port", "70000" })]
    public void A_bad_store_or_cluster_setting_is_refused_naming_its_key(string key, string[] args)
    {
        var e = Assert.Throws<StartupException>(() => DocketServer.Build(["--scenario", DocketFactory.ScenarioPath, .. args]));
        Assert.Contains(key, e.Message);
    }

    [Fact]
    public async Task The_migrate_command_names_the_connection_string_when_the_database_cannot_be_reached()
    {
        // A closed port on loopback: nothing listens there.
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var e = await Assert.ThrowsAsync<StartupException>(() =>
            DocketServer.MigrateAsync(["--postgres", $"Host=127.0.0.1;Port={port};Username=x;Password=secret-word;Timeout=3"]));
        Assert.Contains("Docket:Storage:Postgres:ConnectionString", e.Message);
        Assert.DoesNotContain("secret-word", e.Message);
    }
}
