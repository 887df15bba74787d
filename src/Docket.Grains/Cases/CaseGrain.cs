using System.Globalization;
using Docket.Abstractions;
using Docket.Domain.Simulation;

namespace Docket.Grains;

/// <summary>A simulated case: wakes when asked and reads its record from its court, as of the court's last step.</summary>
public sealed class CaseGrain : Grain, ICaseGrain
{
    public Task<CaseSnapshot?> GetAsync() =>
        RunKey.Split(this.GetPrimaryKeyString(), 1) is (var court, var parts)
        && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? GrainFactory.GetGrain<ICourtGrain>(court).GetCaseAsync(index)
            : Task.FromResult<CaseSnapshot?>(null);
}
