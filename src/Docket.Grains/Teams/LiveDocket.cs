using Docket.Abstractions;
using Docket.Domain.Assignment;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;

namespace Docket.Grains;

/// <summary>
/// A team's or judge's docket inside its grain: started from the court's snapshot, kept with the court's news, and
/// caught up from the court when its durable ledger has entries for the team the docket has not taken — before a read
/// or a watch (news still on its way), and when a news shows one was missed — with the news the court still keeps,
/// and taken afresh only when the court no longer keeps them all.
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

    /// <summary>The docket as taken so far (null before it is first taken from the court).</summary>
    public OpenDocket? Taken => _docket;

    /// <param name="watch">The clock a watching docket takes its cases' next checks by; null for a docket that does not watch.</param>
    public void Of(Court court, string team, string? judge, TimeProvider? watch = null) => (_court, _team, _judge, _watch) = (court, team, judge, watch);

    public async Task TakeAsync(DocketNews news, IGrainFactory grains)
    {
        var docket = _docket ??= await FromCourtAsync(grains);
        if (news.Previous > docket.Through)
        {
            // A news missed (or not yet come): caught up like a read.
            docket = await CurrentAsync(grains);
        }
        Apply(docket, news);
    }

    /// <summary>
    /// The docket as of the court's durable ledger: news still on its way is taken from the court (the few it keeps),
    /// and the docket is taken afresh only when the court no longer has them all.
    /// </summary>
    public async Task<OpenDocket> CurrentAsync(IGrainFactory grains)
    {
        if (_docket is null)
        {
            return _docket = await FromCourtAsync(grains);
        }
        var catchUp = await grains.LiveCourt(_court!.Id).CatchUpAsync(_team, _docket.Through)
            ?? throw new InvalidOperationException($"court {_court.Id} does not know {_team}");
        if (catchUp.LastTouch <= _docket.Through)
        {
            return _docket;
        }
        if (catchUp.News is not { } news)
        {
            return _docket = await FromCourtAsync(grains);
        }
        foreach (var n in news)
        {
            Apply(_docket, n);
        }
        return _docket;
    }

    private static void Apply(OpenDocket docket, DocketNews news)
    {
        // A news carries a record or two (each filing's now), so a look along them beats building a dictionary per news.
        foreach (var entry in news.Entries)
        {
            if (entry.Seq > docket.Through)
            {
                docket.Apply(entry, n => Array.Find(news.Arrivals, c => c.Number == n));
            }
        }
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
