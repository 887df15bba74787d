namespace Docket.Grains.Tests;

/// <summary>
/// When a court wakes a team's deadline watch, from what the team last told it of its earliest next check (the court
/// keeps no check of the cases a team holds).
/// </summary>
public sealed class TeamChecksTests
{
    private static readonly DateTimeOffset s_now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan s_period = TimeSpan.FromMinutes(1);

    [Fact]
    public void A_team_that_told_nothing_is_woken_and_one_that_told_is_woken_only_once_its_check_waited_a_period()
    {
        var checks = new TeamChecks(3);
        checks.Tell(1, through: 10, next: s_now);
        checks.Tell(2, through: 10, next: null);

        Assert.True(checks.Wakes(0, s_now, s_period));
        Assert.False(checks.Wakes(1, s_now, s_period));
        Assert.False(checks.Wakes(1, s_now + s_period - TimeSpan.FromTicks(1), s_period));
        Assert.True(checks.Wakes(1, s_now + s_period, s_period));
        Assert.False(checks.Wakes(2, s_now.AddYears(1), s_period));
    }

    [Fact]
    public void A_team_tells_again_when_news_brings_an_earlier_check_or_moves_one_that_has_come_and_not_otherwise()
    {
        var later = s_now.AddDays(2);
        var earlier = s_now.AddHours(-1);
        Assert.True(TeamChecks.TellsAgain(told: false, toldNext: null, next: null, s_now));
        // The check told has come (its case was due, and its warning's news moved the docket's check on): told again,
        // so the court's next watch does not wake the team for a case already warned.
        Assert.True(TeamChecks.TellsAgain(told: true, toldNext: s_now, next: later, s_now));
        Assert.True(TeamChecks.TellsAgain(told: true, toldNext: earlier, next: null, s_now));
        // An earlier check than the one told, still to come.
        Assert.True(TeamChecks.TellsAgain(told: true, toldNext: later, next: s_now.AddDays(1), s_now));
        Assert.True(TeamChecks.TellsAgain(told: true, toldNext: null, next: later, s_now));
        // Nothing new, or a later check while the told one is still to come: no telling.
        Assert.False(TeamChecks.TellsAgain(told: true, toldNext: later, next: later, s_now));
        Assert.False(TeamChecks.TellsAgain(told: true, toldNext: s_now.AddDays(1), next: later, s_now));
        Assert.False(TeamChecks.TellsAgain(told: true, toldNext: later, next: null, s_now));
    }

    [Fact]
    public void A_telling_as_of_an_earlier_ledger_position_does_not_overwrite_a_later_one()
    {
        var checks = new TeamChecks(1);
        checks.Tell(0, through: 20, next: s_now.AddDays(3));
        checks.Tell(0, through: 12, next: s_now);
        Assert.False(checks.Wakes(0, s_now.AddDays(1), s_period));
        checks.Tell(0, through: 20, next: s_now);
        Assert.True(checks.Wakes(0, s_now.AddDays(1), s_period));
    }
}
