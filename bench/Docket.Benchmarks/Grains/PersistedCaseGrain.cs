using Docket.Abstractions.Assignment;

namespace Docket.Benchmarks.Grains;

/// <summary>Writes its filing and decision to the default grain storage (in memory here).</summary>
public sealed class PersistedCaseGrain([PersistentState("case")] IPersistentState<FiledCaseState> state) : Grain, IPersistedCaseGrain
{
    public async Task<string?> FileAsync(string pool, CaseFiling filing)
    {
        var decision = await GrainFactory.GetGrain<IAssignmentPoolGrain>(pool).AssignAsync(filing);
        state.State = new FiledCaseState { CaseNumber = filing.CaseNumber, CaseType = filing.CaseType, Team = decision.Team };
        await state.WriteStateAsync();
        return decision.Team;
    }
}
