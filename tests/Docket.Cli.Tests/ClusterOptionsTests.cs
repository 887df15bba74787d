namespace Docket.Cli.Tests;

/// <summary>
/// The cluster options of <c>simulate</c>, <c>compare</c>, <c>optimize</c> and <c>silo</c>: a bad combination is refused
/// before anything starts (exit 2, naming the option); a cluster nobody runs is not tried here (it waits 60 s: exit 4,
/// covered with real silos by Docket.Server.Tests' ClusterSimulationTests).
/// </summary>
public sealed class ClusterOptionsTests
{
    private static readonly string Minimal = Path.Combine(CliRunner.RepoRoot(), "scenarios", "minimal.yaml");

    [Theory]
    [InlineData("--redis", "--cluster redis", "--redis", "127.0.0.1:6379")]
    [InlineData("--cluster-id", "--cluster redis", "--cluster-id", "x")]
    [InlineData("--cluster: 'mesh'", "in-process, redis", "--cluster", "mesh")]
    [InlineData("--redis: a Redis address", "is required", "--cluster", "redis")]
    [InlineData("--metrics-port", "each silo serves its own", "--cluster", "redis", "--redis", "127.0.0.1:6379", "--metrics-port", "9464")]
    [InlineData("--cluster-id: 'a b'", "letters, digits", "--cluster", "redis", "--redis", "127.0.0.1:6379", "--cluster-id", "a b")]
    public async Task Simulate_refuses_a_bad_cluster_option_naming_it(string named, string says, params string[] options)
    {
        var (exit, _, error) = await CliRunner.RunAsync(["simulate", Minimal, "--no-report", .. options]);
        Assert.Equal(2, exit);
        Assert.Contains(named, error, StringComparison.Ordinal);
        Assert.Contains(says, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_silo_needs_a_redis_cluster_and_an_ip_address()
    {
        var (noCluster, _, e1) = await CliRunner.RunAsync("silo");
        Assert.Equal(2, noCluster);
        Assert.Contains("--cluster redis is required", e1, StringComparison.Ordinal);
        var (inProcess, _, e2) = await CliRunner.RunAsync("silo", "--cluster", "in-process");
        Assert.Equal(2, inProcess);
        Assert.Contains("'in-process' is not one of redis", e2, StringComparison.Ordinal);
        var (badAddress, _, e3) = await CliRunner.RunAsync("silo", "--cluster", "redis", "--redis", "127.0.0.1:6379", "--address", "not-an-ip");
        Assert.Equal(2, badAddress);
        Assert.Contains("--address: 'not-an-ip' is not an IP address", e3, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_and_optimize_take_the_same_cluster_options()
    {
        var (compare, _, e1) = await CliRunner.RunAsync("compare", Minimal, Minimal, "--no-report", "--redis", "127.0.0.1:6379");
        Assert.Equal(2, compare);
        Assert.Contains("--redis needs --cluster redis", e1, StringComparison.Ordinal);
        var (help, output, _) = await CliRunner.RunAsync("optimize", "--help");
        Assert.Equal(0, help);
        Assert.Contains("--cluster-id", output, StringComparison.Ordinal);
    }
}
