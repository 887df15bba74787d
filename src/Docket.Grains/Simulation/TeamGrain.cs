using Docket.Abstractions.Simulation;

namespace Docket.Grains.Simulation;

public sealed class TeamGrain : Grain, ITeamGrain
{
    private TeamRecord? _record;

    public Task RecordAsync(TeamRecord record)
    {
        _record = record;
        return Task.CompletedTask;
    }

    public Task<TeamRecord?> GetAsync() => Task.FromResult(_record);
}
