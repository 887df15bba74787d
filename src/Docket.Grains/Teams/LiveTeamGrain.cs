using Docket.Abstractions;
using Docket.Domain.Assignment;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Microsoft.Extensions.Options;

namespace Docket.Grains;

/// <summary>
/// A team of a live court (<see cref="ILiveTeamGrain"/>): its open docket, kept from the court's news and passed on
/// to its judges' grains, and the deadline watch of its open cases, which the court does not keep — a grain timer
/// every <see cref="DeadlineWatchOptions.Period"/> while the grain is active; each due case decides its own warnings
/// (<see cref="ILiveCaseGrain.WatchAsync"/>). After each watch, and whenever news brings a check earlier than the one it
/// last told or moves one that has come, it tells the court its earliest next check (<see cref="ILiveCourtGrain.TeamNextCheckAsync"/>), by which
/// the court wakes it when that check waited longer than a period. Nothing is stored: the docket is derived from the
/// court's ledger, taken from the court at first use and whenever news was lost.
/// </summary>
[CollectionAgeLimit(Minutes = 30)]
public sealed class LiveTeamGrain(Organization organization, TimeProvider time, IOptions<DeadlineWatchOptions> watchOptions, DueCases dueCases) : Grain, ILiveTeamGrain
{
    private readonly LiveDocket _docket = new();
    private string _court = "";
    private string _team = "";
    private ILiveJudgeGrain[] _judges = [];
    private bool _told;
    private DateTimeOffset? _toldNext;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (organization.FindTeam(this.GetPrimaryKeyString()) is var (court, team))
        {
            (_court, _team) = (court.Id, court.Layout.Teams[team].Id);
            _docket.Of(court, _team, null, time);
            // References made once: making one looks up the interface's attributes by reflection each time.
            _judges = [.. Enumerable.Range(0, court.Layout.JudgesPerTeam[team]).Select(k => GrainFactory.GetGrain<ILiveJudgeGrain>(JudgeInCharge.Name(_team, k)))];
            // A grain timer belongs to the activation: an idle team is collected, and the court wakes it when needed.
            var period = watchOptions.Value.Period;
            this.RegisterGrainTimer(_ => WatchDeadlinesAsync(), new GrainTimerCreationOptions { DueTime = period, Period = period });
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
            judge.TellAsync(news).Ignore();
        }
        if (_docket.Taken is { } docket && TeamChecks.TellsAgain(_told, _toldNext, docket.NextCheck, time.GetUtcNow()))
        {
            TellCourt(docket);
        }
    }

    public async Task<TeamCaseload?> GetCaseloadAsync() =>
        _docket.Known ? (await _docket.CurrentAsync(GrainFactory)).Caseload(time.GetUtcNow()) : null;

    public async Task<CourtWarning[]> WatchDeadlinesAsync()
    {
        if (!_docket.Known)
        {
            return [];
        }
        var docket = await _docket.CurrentAsync(GrainFactory);
        var due = docket.DueBy(time.GetUtcNow());
        TellCourt(docket);
        if (due.Count == 0)
        {
            return [];
        }
        var court = organization.Court(_court)!;
        return await dueCases.WatchAsync(GrainFactory, due.Select(court.CaseId));
    }

    /// <summary>Tells the court the docket's earliest next check (not awaited), by which it wakes this watch if need be.</summary>
    private void TellCourt(OpenDocket docket)
    {
        (_told, _toldNext) = (true, docket.NextCheck);
        GrainFactory.LiveCourt(_court).TeamNextCheckAsync(_team, docket.Through, _toldNext).Ignore();
    }

}
