using Docket.Abstractions.Live;
using Docket.Domain.Assignment;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;

namespace Docket.Grains.Live;

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
        var cut = name.LastIndexOf("/judge-", StringComparison.Ordinal);
        if (cut > 0 && organization.FindTeam(name[..cut]) is var (court, team)
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

/// <summary>
/// A team's or judge's docket inside its grain: started from the court's snapshot, kept with the court's news, and
/// caught up from the court when news was lost (a news whose previous entry is past the docket) or, before a read,
/// when the court's durable ledger has an entry for the team the docket has not taken (news still on its way).
/// </summary>
internal sealed class LiveDocket
{
    private Court? _court;
    private string _team = "";
    private string? _judge;
    private OpenDocket? _docket;

    public bool Known => _court is not null;

    public void Of(Court court, string team, string? judge) => (_court, _team, _judge) = (court, team, judge);

    public async Task TakeAsync(DocketNews news, IGrainFactory grains)
    {
        var docket = _docket ??= await FromCourtAsync(grains);
        if (news.Previous > docket.Through)
        {
            docket = _docket = await FromCourtAsync(grains);
        }
        var arrivals = news.Arrivals.ToDictionary(c => c.Number);
        foreach (var entry in news.Entries)
        {
            if (entry.Seq > docket.Through)
            {
                docket.Apply(entry, n => arrivals.GetValueOrDefault(n));
            }
        }
    }

    public async Task<OpenDocket> CurrentAsync(IGrainFactory grains)
    {
        var court = grains.GetGrain<ILiveCourtGrain>(_court!.Id);
        if (_docket is null || await court.GetLastTouchAsync(_team) > _docket.Through)
        {
            _docket = await FromCourtAsync(grains);
        }
        return _docket;
    }

    private async Task<OpenDocket> FromCourtAsync(IGrainFactory grains) =>
        new(_court!, await grains.GetGrain<ILiveCourtGrain>(_court!.Id).GetDocketAsync(_team, _judge)
            ?? throw new InvalidOperationException($"court {_court.Id} does not know {_judge ?? _team}"));
}
