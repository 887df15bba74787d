using Docket.Abstractions.Assignment;

namespace Docket.Benchmarks.Grains;

/// <summary>
/// A case-like grain of the live path, keyed by case number: filing it activates it, and it asks its pool for a
/// team. The live service's case grain does not exist yet; this stands in for it.
/// </summary>
[Alias("docket.bench.filed-case")]
public interface IFiledCaseGrain : IGrainWithIntegerKey
{
    /// <returns>The team the pool chose, or null when none could take the case.</returns>
    [Alias("file")]
    Task<string?> FileAsync(string pool, CaseFiling filing);
}
