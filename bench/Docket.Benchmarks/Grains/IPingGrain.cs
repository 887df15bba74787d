namespace Docket.Benchmarks.Grains;

/// <summary>The plain baseline: a grain call that does nothing.</summary>
[Alias("docket.bench.ping")]
public interface IPingGrain : IGrainWithIntegerKey
{
    [Alias("ping")]
    Task PingAsync();
}
