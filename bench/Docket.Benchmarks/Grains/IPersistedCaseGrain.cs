using Docket.Abstractions.Assignment;

namespace Docket.Benchmarks.Grains;

/// <summary>Like <see cref="IFiledCaseGrain"/>, but the case is a persisted grain (state read on activation, written once filed).</summary>
[Alias("docket.bench.persisted-case")]
public interface IPersistedCaseGrain : IGrainWithIntegerKey
{
    [Alias("file")]
    Task<string?> FileAsync(string pool, CaseFiling filing);
}
