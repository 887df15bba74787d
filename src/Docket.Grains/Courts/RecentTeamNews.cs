using System.Diagnostics;
using Docket.Abstractions;

namespace Docket.Grains;

/// <summary>
/// The news the court told each team in the last <see cref="KeptFor"/> (at most <see cref="PerTeam"/> a team), so a
/// team or judge docket that is behind only by news still on its way catches up with just those
/// (<see cref="ILiveCourtGrain.CatchUpAsync"/>) instead of taking its whole docket afresh. A news is on its way for a
/// few milliseconds. Kept by age, not by count alone: news kept 32 a team whatever their age lived about 0.6 s under
/// the live budget's load on Xicheng's 103 teams, outlived the collector's young generations, and each filing's news
/// went to the old generation to die there — some 25–45 MB of each 10 s window (bench/README.md, "The court's news kept
/// by age"). A news older than <see cref="KeptFor"/> is let go when the team's next news comes.
/// </summary>
internal sealed class RecentTeamNews(int teams, Func<long>? timestamp = null)
{
    /// <summary>Far more than a team's news in flight at once (its grain takes them in order as they come).</summary>
    public const int PerTeam = 32;

    /// <summary>How long a news is kept: many times its way to the team's grain, outside a collector's pause.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromMilliseconds(50);

    private readonly Func<long> _timestamp = timestamp ?? Stopwatch.GetTimestamp;
    private readonly long _keptForTicks = (long)(KeptFor.TotalSeconds * Stopwatch.Frequency);
    private readonly Queue<(long At, DocketNews News)>[] _news = [.. Enumerable.Range(0, teams).Select(_ => new Queue<(long, DocketNews)>())];

    public void Add(int team, DocketNews news)
    {
        var now = _timestamp();
        var kept = _news[team];
        while (kept.Count > 0 && (kept.Count >= PerTeam || now - kept.Peek().At > _keptForTicks))
        {
            kept.Dequeue();
        }
        kept.Enqueue((now, news));
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
        var after = _news[team].Select(k => k.News).Where(n => n.Entries[^1].Seq > through).ToArray();
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
