using Docket.Abstractions;
using Docket.Domain.Simulation;

namespace Docket.Grains;

/// <summary>A team of a run as a live view: asks its court for the team's snapshot, one call a question.</summary>
public sealed class TeamGrain : Grain, ITeamGrain
{
    public Task<TeamSnapshot?> GetAsync() => RunKey.Split(this.GetPrimaryKeyString(), 1) is (var court, var parts)
        ? GrainFactory.GetGrain<ICourtGrain>(court).GetTeamAsync(parts[0])
        : Task.FromResult<TeamSnapshot?>(null);
}
