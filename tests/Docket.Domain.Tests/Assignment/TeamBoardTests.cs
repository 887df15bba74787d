using Docket.Domain.Assignment;

namespace Docket.Domain.Tests.Assignment;

public sealed class TeamBoardTests
{
    [Fact]
    public void Assigning_over_a_cap_throws()
    {
        var board = Boards.Of([0], Boards.Team("a", [0], cap: 2));
        board.Assign(0, 0);
        board.Assign(0, 0);

        var error = Assert.Throws<InvalidOperationException>(() => board.Assign(0, 0));
        Assert.Contains("cap of 2", error.Message);
    }

    [Fact]
    public void Assigning_over_the_pools_default_cap_throws()
    {
        var board = Boards.Alike(1, cap: 1);
        board.Assign(0, 0);

        Assert.Throws<InvalidOperationException>(() => board.Assign(0, 0));
    }

    [Fact]
    public void Assigning_a_type_the_team_does_not_accept_throws()
    {
        var board = Boards.Of([0, 0], Boards.Team("a", [0]));

        Assert.Throws<InvalidOperationException>(() => board.Assign(0, 1));
    }

    [Fact]
    public void A_teams_own_cap_overrides_the_pools_default()
    {
        var board = new TeamBoard([Boards.Team("own", [0], cap: 5), Boards.Team("default", [0])], [0], [1.0], defaultCap: 2);

        Assert.Equal(5, board.CapOf(0));
        Assert.Equal(2, board.CapOf(1));
        Assert.Equal(int.MaxValue, Boards.Alike(1).CapOf(0));
    }

    [Fact]
    public void A_team_at_its_cap_in_one_category_still_takes_the_others()
    {
        var board = Boards.Alike(1, typeCategory: [0, 0, 1], cap: 1);
        board.Assign(0, 0);

        Assert.False(board.IsAvailable(0, 0));
        Assert.False(board.IsAvailable(0, 1));
        Assert.True(board.IsAvailable(0, 2));

        board.Close(0, 0);
        Assert.True(board.IsAvailable(0, 1));
    }

    [Fact]
    public void An_absent_team_is_unavailable_and_on_return_is_available_again_unless_at_its_cap()
    {
        var board = Boards.Alike(2, typeCategory: [0, 1], cap: 1);
        board.Assign(0, 0);
        board.SetAbsent(0, true);

        Assert.Equal(1, board.Available(1).Count);
        Assert.Equal(1, board.Available(1)[0]);
        Assert.False(board.IsAvailable(0, 1));
        // A case closed while away does not make the team available before it returns.
        board.Close(0, 0);
        Assert.False(board.IsAvailable(0, 0));

        board.Assign(0, 1);
        board.SetAbsent(0, false);
        Assert.True(board.IsAvailable(0, 0));
        Assert.False(board.IsAvailable(0, 1));
    }

    [Fact]
    public void The_board_keeps_pending_counts_lifetime_counts_and_weighted_work()
    {
        var board = Boards.Alike(1, typeCategory: [0, 0, 1], typeWeight: [1.0, 0.25, 2.0]);
        board.Assign(0, 0);
        board.Assign(0, 1);
        board.Assign(0, 2);
        board.Close(0, 0);

        Assert.Equal(1, board.Pending(0, 0));
        Assert.Equal(1, board.Pending(0, 1));
        Assert.Equal(2, board.AssignedInCategory(0, 0));
        Assert.Equal(1, board.AssignedInCategory(0, 1));
        Assert.Equal(2.25, board.PendingWork(0), 12);
    }

    [Fact]
    public void Eligible_lists_the_accepting_teams_in_order_whether_or_not_they_can_take_a_case_now()
    {
        var board = Boards.Of([0, 0, 1], Boards.Team("a", [2]), Boards.Team("b", [0, 2], cap: 1), Boards.Team("c", [1]));
        board.Assign(1, 0);
        board.SetAbsent(0, true);

        Assert.Equal([0, 1], board.Eligible(2).ToArray());
        Assert.Equal([1, 2], board.EligibleInCategory(0).ToArray());
        Assert.Equal(0, board.Available(0).Count);
    }
}
