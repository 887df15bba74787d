using Docket.Domain.Assignment;

namespace Docket.Domain.Tests.Assignment;

public sealed class DesignatedAssignmentTests
{
    /// <summary>Ordinary teams 0 and 2, leader-led teams 1 (a division head), 3 (the president) and 4 (a division head who hears only type 1).</summary>
    private static TeamBoard Court() => Boards.Of([0, 0],
        Boards.Team("t-1", [0, 1]),
        Boards.Team("head-1", [0, 1], cap: 2, leader: true),
        Boards.Team("t-2", [0, 1]),
        Boards.Team("president", [0, 1], leader: true, chief: true),
        Boards.Team("head-2", [1], leader: true));

    [Fact]
    public void Designated_goes_to_the_least_loaded_leader_led_team()
    {
        var board = Court();
        var designated = new DesignatedAssignment(board);
        board.Assign(1, 0);
        board.Assign(1, 0);
        board.Close(1, 0);   // head-1: 1.0 pending
        board.Assign(3, 0);
        board.Assign(3, 1);  // president: 2.0 pending

        Assert.Equal(1, designated.Choose(0));
    }

    [Fact]
    public void Designated_passes_over_ordinary_teams_even_when_they_are_less_loaded()
    {
        var board = Court();
        var designated = new DesignatedAssignment(board);
        board.Assign(1, 0);
        board.Assign(3, 0);
        board.Assign(3, 0);

        Assert.Equal(1, designated.Choose(0));
    }

    [Fact]
    public void Designated_ties_go_to_the_lower_team_number()
    {
        Assert.Equal(1, new DesignatedAssignment(Court()).Choose(0));
    }

    [Fact]
    public void Designated_skips_a_leader_team_that_is_away_at_its_cap_or_does_not_accept_the_type()
    {
        var board = Court();
        var designated = new DesignatedAssignment(board);
        board.Assign(1, 0);
        board.Assign(1, 0);      // head-1 at its cap of 2
        board.SetAbsent(3, true); // the president away

        Assert.Equal(-1, designated.Choose(0));   // head-2 does not hear type 0
        Assert.Equal(4, designated.Choose(1));

        board.SetAbsent(3, false);
        Assert.Equal(3, designated.Choose(0));
    }

    [Fact]
    public void Designated_returns_minus_one_in_a_pool_without_leaders()
    {
        var board = Boards.Alike(3);

        Assert.Equal(-1, new DesignatedAssignment(board).Choose(0));
    }
}
