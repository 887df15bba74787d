using Docket.Abstractions.Assignment;

namespace Docket.Benchmarks.Grains;

/// <summary>Keeps its decision in memory only.</summary>
public sealed class FiledCaseGrain : Grain, IFiledCaseGrain
{
    private AssignmentDecision? _decision;

    public async Task<string?> FileAsync(string pool, CaseFiling filing)
    {
        _decision = await GrainFactory.GetGrain<IAssignmentPoolGrain>(pool).AssignAsync(filing);
        return _decision.Team;
    }
}
