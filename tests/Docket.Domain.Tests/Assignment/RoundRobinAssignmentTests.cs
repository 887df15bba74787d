using Docket.Domain.Assignment;
using Docket.Domain.Randomness;

namespace Docket.Domain.Tests.Assignment;

public sealed class RoundRobinAssignmentTests
{
    private static readonly RandomStream s_unused = new(0);

    [Fact]
    public void Round_robin_gives_each_team_one_case_in_turn()
    {
        var policy = Boards.Create(AssignmentPolicyKind.RoundRobin, Boards.Alike(4));

        Assert.Equal([0, 1, 2, 3, 0, 1, 2, 3, 0], Boards.Assign(policy, 0, 9, s_unused));
    }

    [Fact]
    public void Round_robin_keeps_an_independent_rotation_per_category()
    {
        // Types 0 and 1 are category 0, type 2 is category 1: cases of one category never move the other's turn.
        var policy = Boards.Create(AssignmentPolicyKind.RoundRobin, Boards.Alike(3, typeCategory: [0, 0, 1]));
        int[] types = [0, 2, 1, 2, 2, 0, 2, 1, 0];
        var chosen = types.Select(type =>
        {
            var team = policy.Choose(type, s_unused);
            policy.Board.Assign(team, type);
            return team;
        }).ToArray();

        // Category 0 (positions 0, 2, 5, 7, 8): 0, 1, 2, 0, 1. Category 1 (positions 1, 3, 4, 6): 0, 1, 2, 0.
        Assert.Equal([0, 0, 1, 1, 2, 2, 0, 0, 1], chosen);
    }

    [Fact]
    public void Round_robin_rotates_a_category_over_its_types_together()
    {
        // Both types share the category's rotation: balance holds within the category, not per type.
        var policy = Boards.Create(AssignmentPolicyKind.RoundRobin, Boards.Alike(3, typeCategory: [0, 0]));
        int[] types = [0, 1, 1, 0, 1, 0];
        var chosen = types.Select(type =>
        {
            var team = policy.Choose(type, s_unused);
            policy.Board.Assign(team, type);
            return team;
        }).ToArray();

        Assert.Equal([0, 1, 2, 0, 1, 2], chosen);
    }

    [Fact]
    public void Round_robin_skips_a_team_that_does_not_accept_the_type()
    {
        var board = Boards.Of([0, 0], Boards.Team("a", [0, 1]), Boards.Team("b", [0]), Boards.Team("c", [0, 1]));
        var policy = Boards.Create(AssignmentPolicyKind.RoundRobin, board);

        Assert.Equal([0, 2, 0, 2], Boards.Assign(policy, 1, 4, s_unused));
        Assert.Equal([0, 1, 2], Boards.Assign(policy, 0, 3, s_unused));
    }

    [Fact]
    public void Round_robin_skips_a_team_at_its_cap_and_gives_it_its_next_turn_once_it_closes()
    {
        var board = Boards.Of([0], Boards.Team("a", [0]), Boards.Team("b", [0], cap: 1), Boards.Team("c", [0]));
        var policy = Boards.Create(AssignmentPolicyKind.RoundRobin, board);

        Assert.Equal([0, 1, 2, 0, 2, 0], Boards.Assign(policy, 0, 6, s_unused));
        board.Close(1, 0);
        Assert.Equal([1, 2, 0, 2], Boards.Assign(policy, 0, 4, s_unused));
    }

    [Fact]
    public void Round_robin_skips_an_absent_team_without_giving_it_a_catch_up_burst()
    {
        var board = Boards.Alike(4);
        var policy = Boards.Create(AssignmentPolicyKind.RoundRobin, board);
        Boards.Assign(policy, 0, 5, s_unused);
        board.SetAbsent(2, true);
        var away = Boards.Assign(policy, 0, 30, s_unused);
        board.SetAbsent(2, false);
        var back = Boards.Assign(policy, 0, 40, s_unused);

        Assert.DoesNotContain(2, away);
        Assert.Equal([10L, 10L, 10L, 10L], Boards.Tally(back, 4));
        // Every window of four consecutive cases after the return is one full turn: no team twice, none left out.
        for (var i = 0; i + 4 <= back.Length; i++)
        {
            Assert.Equal(4, back.Skip(i).Take(4).Distinct().Count());
        }
    }

    [Fact]
    public void Round_robin_returns_minus_one_when_no_team_can_take_the_case()
    {
        var board = Boards.Alike(2, cap: 1);
        var policy = Boards.Create(AssignmentPolicyKind.RoundRobin, board);
        Boards.Assign(policy, 0, 2, s_unused);

        Assert.Equal(-1, policy.Choose(0, s_unused));
    }
}
