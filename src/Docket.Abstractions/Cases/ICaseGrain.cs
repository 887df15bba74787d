using Docket.Domain.Simulation;

namespace Docket.Abstractions;

/// <summary>A case of a simulation run. Its working record lives in its court's array; the grain wakes when asked and
/// reads the record as of the court's last step. Keyed "{run}/{court}/{case}", the case's place in the court (0-based,
/// in order of receipt; <see cref="CaseSnapshot.Number"/> is the court's filing number).</summary>
[Alias("docket.case")]
public interface ICaseGrain : IGrainWithStringKey
{
    [Alias("get")]
    Task<CaseSnapshot?> GetAsync();
}
