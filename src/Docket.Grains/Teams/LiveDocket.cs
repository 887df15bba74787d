using Docket.Abstractions;
using Docket.Domain.Assignment;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;

namespace Docket.Grains;

/// <summary>
/// A team's or judge's docket inside its grain: started from the court's snapshot, kept with the court's news, and
/// caught up from the court when news was lost (a news whose previous entry is past the docket) or, before a read,
/// when the court's durable ledger has an entry for the team the docket has not taken (news still on its way).
/// A team's docket also watches its open cases' deadlines (<see cref="OpenDocket.Watch"/>), from the moment it is taken.
/// </summary>
internal sealed class LiveDocket
{
    private Court? _court;
    private string _team = "";
    private string? _judge;
    private OpenDocket? _docket;
    private TimeProvider? _watch;

    public bool Known => _court is not null;

    /// <param name="watch">The clock a watching docket takes its cases' next checks by; null for a docket that does not watch.</param>
    public void Of(Court court, string team, string? judge, TimeProvider? watch = null) => (_court, _team, _judge, _watch) = (court, team, judge, watch);

    public async Task TakeAsync(DocketNews news, IGrainFactory grains)
    {
        var docket = _docket ??= await FromCourtAsync(grains);
        if (news.Previous > docket.Through)
        {
            docket = _docket = await FromCourtAsync(grains);
        }
        // A news carries a record or two (each filing's now), so a look along them beats building a dictionary per news.
        foreach (var entry in news.Entries)
        {
            if (entry.Seq > docket.Through)
            {
                docket.Apply(entry, n => Array.Find(news.Arrivals, c => c.Number == n));
            }
        }
    }

    public async Task<OpenDocket> CurrentAsync(IGrainFactory grains)
    {
        var court = grains.LiveCourt(_court!.Id);
        if (_docket is null || await court.GetLastTouchAsync(_team) > _docket.Through)
        {
            _docket = await FromCourtAsync(grains);
        }
        return _docket;
    }

    private async Task<OpenDocket> FromCourtAsync(IGrainFactory grains)
    {
        var docket = new OpenDocket(_court!, await grains.LiveCourt(_court!.Id).GetDocketAsync(_team, _judge)
            ?? throw new InvalidOperationException($"court {_court.Id} does not know {_judge ?? _team}"));
        if (_watch is { } clock)
        {
            docket.Watch(clock.GetUtcNow());
        }
        return docket;
    }
}
