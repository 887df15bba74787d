using System.Diagnostics;
using Docket.Abstractions;
using Docket.Domain.Ledger;
using Docket.Grains;

namespace Docket.Server.Tests;

/// <summary>
/// The news a court keeps for its teams' dockets to catch up with: those of the last <see cref="RecentTeamNews.KeptFor"/>,
/// at most <see cref="RecentTeamNews.PerTeam"/> a team; a docket behind by an older one takes its docket afresh.
/// </summary>
public sealed class RecentTeamNewsTests
{
    private static readonly DateTimeOffset s_at = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_news_older_than_the_time_kept_is_let_go_when_the_team_s_next_news_comes_and_a_docket_behind_it_gets_none()
    {
        long now = 0;
        var news = new RecentTeamNews(2, () => now);
        long Ms(double ms) => (long)(ms / 1000 * Stopwatch.Frequency);
        news.Add(0, News(10, previous: 0));
        now = Ms(20);
        news.Add(0, News(11, previous: 10));
        Assert.Equal([10L, 11L], Seqs(news.Since(0, 0, 11)));

        now = Ms(20) + Ms(RecentTeamNews.KeptFor.TotalMilliseconds) - 1;
        news.Add(0, News(12, previous: 11));
        Assert.Null(news.Since(0, 0, 12));
        Assert.Equal([11L, 12L], Seqs(news.Since(0, 10, 12)));
        Assert.Equal([], Seqs(news.Since(0, 12, 12)));
        // Another team's news are its own.
        Assert.Null(news.Since(1, 0, 12));
    }

    [Fact]
    public void No_more_than_the_count_kept_stay_however_young()
    {
        var news = new RecentTeamNews(1, () => 0);
        for (var seq = 1; seq <= RecentTeamNews.PerTeam + 8; seq++)
        {
            news.Add(0, News(seq, previous: seq - 1));
        }
        // The first 8 are gone: a docket at entry 7 lacks entry 8; one at entry 8 gets the 32 kept.
        Assert.Null(news.Since(0, 7, RecentTeamNews.PerTeam + 8));
        Assert.Equal(RecentTeamNews.PerTeam, news.Since(0, 8, RecentTeamNews.PerTeam + 8)!.Length);
    }

    private static DocketNews News(long seq, long previous) =>
        new("civil-1", previous, [new LedgerEntry { Court = "live", Seq = seq, Kind = LedgerKinds.Absence, At = s_at, Prev = "" }], []);

    private static long[] Seqs(DocketNews[]? news) => [.. (news ?? throw new Xunit.Sdk.XunitException("no news")).Select(n => n.Entries[^1].Seq)];
}
