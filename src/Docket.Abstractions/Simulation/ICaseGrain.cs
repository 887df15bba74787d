namespace Docket.Abstractions.Simulation;

/// <summary>A case's identity. In simulation its working record lives with its court; the grain wakes when asked.
/// Keyed "{run}/{court}/{number}".</summary>
[Alias("docket.case")]
public interface ICaseGrain : IGrainWithStringKey
{
    [Alias("get")]
    Task<CaseView?> GetAsync();
}
