using Docket.Abstractions;
using Docket.Domain.Assignment;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;

namespace Docket.Grains;

/// <summary>
/// A team of a live court (<see cref="ILiveTeamGrain"/>): its open docket, kept from the court's news and passed on
/// to its judges' grains. Nothing is stored: the docket is derived from the court's ledger, taken from the court at
/// first use and whenever news was lost.
/// </summary>
[CollectionAgeLimit(Minutes = 30)]
public sealed class LiveTeamGrain(Organization organization, TimeProvider time) : Grain, ILiveTeamGrain
{
    private readonly LiveDocket _docket = new();
    private string[] _judges = [];

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (organization.FindTeam(this.GetPrimaryKeyString()) is var (court, team))
        {
            _docket.Of(court, court.Layout.Teams[team].Id, null);
            _judges = [.. Enumerable.Range(0, court.Layout.JudgesPerTeam[team]).Select(k => JudgeInCharge.Name(court.Layout.Teams[team].Id, k))];
        }
        return Task.CompletedTask;
    }

    public async Task TellAsync(DocketNews news)
    {
        if (!_docket.Known)
        {
            return;
        }
        await _docket.TakeAsync(news, GrainFactory);
        foreach (var judge in _judges)
        {
            GrainFactory.GetGrain<ILiveJudgeGrain>(judge).TellAsync(news).Ignore();
        }
    }

    public async Task<TeamCaseload?> GetCaseloadAsync() =>
        _docket.Known ? (await _docket.CurrentAsync(GrainFactory)).Caseload(time.GetUtcNow()) : null;
}
