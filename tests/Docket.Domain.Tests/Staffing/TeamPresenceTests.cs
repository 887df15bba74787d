using Docket.Domain.Assignment;
using Docket.Domain.Staffing;
using Docket.Domain.Tests.Replay;

namespace Docket.Domain.Tests.Staffing;

public sealed class TeamPresenceTests
{
    private static readonly DateTimeOffset s_start = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("{ policy: deck, cards_per_judge: 2 }")]
    [InlineData("{ policy: pull, cap: 2 }")]
    [InlineData("{ policy: round_robin }")]
    public void Goings_and_returns_are_made_in_the_order_they_happen_however_often_the_court_is_brought_forward(string assignment)
    {
        var court = ReplayCourts.Of(assignment);
        var criminal = court.TypeIndex("criminal");
        var pool = court.Layout.TypePool[criminal];
        var lead1 = court.TeamIndex("lead-1");
        var criminal3 = court.TeamIndex("criminal-3");
        var returns = s_start.AddDays(4);
        var leaves = returns.AddHours(4);

        string[] EligibleAfter(params DateTimeOffset[] broughtTo)
        {
            var router = new CaseRouter(court.Layout, court.Id);
            var presence = new TeamPresence(router, court.Layout.Teams.Count);
            presence.BringTo(s_start);
            // lead-1's absence, recorded first, starts after criminal-3's ends: criminal-3 comes back, then lead-1 goes.
            presence.Add(lead1, new RecordedAbsence(leaves, leaves.AddDays(3), "leave", 2), s_start);
            presence.Add(criminal3, new RecordedAbsence(s_start, returns, "leave", 3), s_start);
            foreach (var at in broughtTo)
            {
                presence.BringTo(at);
            }
            return router.Eligible(pool, criminal);
        }

        var once = EligibleAfter(leaves.AddHours(1));
        var inSteps = EligibleAfter(returns.AddHours(1), leaves.AddMinutes(30), leaves.AddHours(1));
        Assert.Equal(once, inSteps);
        Assert.Contains("criminal-3", once);
        Assert.DoesNotContain("lead-1", once);
    }

    [Fact]
    public void An_absence_recorded_while_it_runs_takes_the_team_away_at_once_and_back_at_its_end()
    {
        var court = ReplayCourts.Of("{ policy: random }");
        var civil = court.TypeIndex("civil");
        var pool = court.Layout.TypePool[civil];
        var router = new CaseRouter(court.Layout, court.Id);
        var presence = new TeamPresence(router, court.Layout.Teams.Count);
        var team = court.TeamIndex("civil-2");
        var at = s_start.AddHours(2);
        presence.BringTo(at);

        presence.Add(team, new RecordedAbsence(s_start, at.AddDays(1), "sick leave", 7), at);

        Assert.DoesNotContain("civil-2", router.Eligible(pool, civil));
        Assert.True(presence.IsAway(team, at));
        Assert.Equal([new RecordedAbsence(s_start, at.AddDays(1), "sick leave", 7)], presence.Of(team));
        presence.BringTo(at.AddDays(1));
        Assert.Contains("civil-2", router.Eligible(pool, civil));
        Assert.False(presence.IsAway(team, at.AddDays(1)));
    }

    [Fact]
    public void An_absence_over_still_reads_in_the_order_recorded_and_is_found_but_covers_nothing_more()
    {
        var court = ReplayCourts.Of("{ policy: random }");
        var router = new CaseRouter(court.Layout, court.Id);
        var presence = new TeamPresence(router, court.Layout.Teams.Count);
        var team = court.TeamIndex("civil-2");
        presence.BringTo(s_start);
        var longer = new RecordedAbsence(s_start, s_start.AddDays(10), "training", 2);
        var shorter = new RecordedAbsence(s_start.AddDays(1), s_start.AddDays(2), "sick leave", 3);
        presence.Add(team, longer, s_start);
        presence.Add(team, shorter, s_start);

        presence.BringTo(s_start.AddDays(3));
        presence.Add(team, new RecordedAbsence(s_start.AddDays(20), s_start.AddDays(21), "leave", 4), s_start.AddDays(3));

        Assert.Equal([2L, 3, 4], presence.Of(team).Select(a => a.Seq));
        Assert.Equal(shorter, presence.Find(team, 3));
        Assert.True(presence.IsAway(team, s_start.AddDays(3)));
        presence.BringTo(s_start.AddDays(15));
        Assert.False(presence.IsAway(team, s_start.AddDays(15)));
        Assert.Equal([2L, 3, 4], presence.Of(team).Select(a => a.Seq));
        Assert.Equal(s_start.AddDays(15), presence.BroughtTo);

        // A withdrawal of an absence over (refused before it is recorded, AbsenceRule.RefuseWithdrawal) changes nothing if recorded.
        presence.Withdraw(team, 2, 9, s_start.AddDays(15));
        Assert.Equal(longer with { Withdrawn = 9 }, presence.Find(team, 2));
        Assert.False(presence.IsAway(team, s_start.AddDays(15)));
    }
}
