using Docket.Abstractions;

namespace Docket.Grains;

/// <summary>
/// The last few news the court told each team (<see cref="PerTeam"/> a team), so a team or judge docket that is
/// behind only by news still on its way catches up with just those (<see cref="ILiveCourtGrain.CatchUpAsync"/>)
/// instead of taking its whole docket afresh.
/// </summary>
internal sealed class RecentTeamNews(int teams)
{
    /// <summary>Far more than a team's news in flight at once, even under a full filing load (a few milliseconds' worth).</summary>
    public const int PerTeam = 32;

    private readonly Queue<DocketNews>[] _news = [.. Enumerable.Range(0, teams).Select(_ => new Queue<DocketNews>(PerTeam))];

    public void Add(int team, DocketNews news)
    {
        var kept = _news[team];
        if (kept.Count == PerTeam)
        {
            kept.Dequeue();
        }
        kept.Enqueue(news);
    }

    /// <summary>
    /// The news with the team's entries after <paramref name="through"/> up to <paramref name="lastTouch"/>, oldest
    /// first, when every one of those entries is among them; null when some are not (older than the news kept, or a
    /// gap in the chain of <see cref="DocketNews.Previous"/>).
    /// </summary>
    public DocketNews[]? Since(int team, long through, long lastTouch)
    {
        if (lastTouch <= through)
        {
            return [];
        }
        var after = _news[team].Where(n => n.Entries[^1].Seq > through).ToArray();
        if (after.Length == 0 || after[0].Previous > through || after[^1].Entries[^1].Seq < lastTouch)
        {
            return null;
        }
        for (var i = 1; i < after.Length; i++)
        {
            if (after[i].Previous != after[i - 1].Entries[^1].Seq)
            {
                return null;
            }
        }
        return after;
    }
}
