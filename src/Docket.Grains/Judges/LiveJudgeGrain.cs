using Docket.Abstractions;
using Docket.Domain.Assignment;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;

namespace Docket.Grains;

/// <summary>
/// A judge of a live court's team (<see cref="ILiveJudgeGrain"/>): the open docket of the cases the judge is in
/// charge of, kept from the team's news as the team's is.
/// </summary>
[CollectionAgeLimit(Minutes = 30)]
public sealed class LiveJudgeGrain(Organization organization, TimeProvider time) : Grain, ILiveJudgeGrain
{
    private readonly LiveDocket _docket = new();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var name = this.GetPrimaryKeyString();
        if (JudgeInCharge.TeamIdOf(name) is { } teamId && organization.FindTeam(teamId) is var (court, team)
            && new JudgeInCharge(court.Layout.JudgesPerTeam).NumberOf(team, court.Layout.Teams[team].Id, name) >= 0)
        {
            _docket.Of(court, court.Layout.Teams[team].Id, name);
        }
        return Task.CompletedTask;
    }

    public Task TellAsync(DocketNews news) => _docket.Known ? _docket.TakeAsync(news, GrainFactory) : Task.CompletedTask;

    public async Task<TeamCaseload?> GetCaseloadAsync() =>
        _docket.Known ? (await _docket.CurrentAsync(GrainFactory)).Caseload(time.GetUtcNow()) : null;
}
