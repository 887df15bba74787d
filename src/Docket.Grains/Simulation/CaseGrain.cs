using Docket.Abstractions.Simulation;

namespace Docket.Grains.Simulation;

/// <summary>A simulated case: wakes when asked and reads its record from its court.</summary>
public sealed class CaseGrain : Grain, ICaseGrain
{
    public Task<CaseView?> GetAsync()
    {
        var key = this.GetPrimaryKeyString();
        var cut = key.LastIndexOf('/');
        if (cut <= 0 || !int.TryParse(key.AsSpan(cut + 1), out var number))
        {
            return Task.FromResult<CaseView?>(null);
        }
        return GrainFactory.GetGrain<ICourtGrain>(key[..cut]).GetCaseAsync(number);
    }
}
