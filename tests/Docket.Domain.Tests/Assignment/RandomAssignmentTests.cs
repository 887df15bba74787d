using Docket.Domain.Assignment;
using Docket.Domain.Randomness;

namespace Docket.Domain.Tests.Assignment;

public sealed class RandomAssignmentTests
{
    [Fact]
    public void Random_is_uniform_over_the_teams_that_can_take_the_case()
    {
        var board = Boards.Alike(6, cap: 1);
        board.SetAbsent(1, true);
        board.Assign(4, 0); // at its cap of 1
        var policy = Boards.Create(AssignmentPolicyKind.Random, board);
        var random = new RandomStream(11);

        var counts = Boards.Tally(Enumerable.Range(0, 60_000).Select(_ => policy.Choose(0, random)), 6);

        Boards.AssertFits(counts, [1, 0, 1, 1, 0, 1]);
    }

    [Fact]
    public void Random_stays_uniform_after_teams_leave_and_rejoin_the_available_set()
    {
        // Removals reorder the board's available set; the draw must not favour any position in it.
        var board = Boards.Alike(5);
        board.SetAbsent(0, true);
        board.SetAbsent(2, true);
        board.SetAbsent(0, false);
        var policy = Boards.Create(AssignmentPolicyKind.Random, board);
        var random = new RandomStream(12);

        var counts = Boards.Tally(Boards.Assign(policy, 0, 40_000, random), 5);

        Boards.AssertFits(counts, [1, 1, 0, 1, 1]);
    }

    [Fact]
    public void Random_draws_only_among_teams_accepting_the_type()
    {
        var board = Boards.Of([0, 0],
            Boards.Team("a", [0]), Boards.Team("b", [1]), Boards.Team("c", [0, 1]), Boards.Team("d", [1]));
        var policy = Boards.Create(AssignmentPolicyKind.Random, board);
        var random = new RandomStream(13);

        var counts = Boards.Tally(Enumerable.Range(0, 30_000).Select(_ => policy.Choose(1, random)), 4);

        Boards.AssertFits(counts, [0, 1, 1, 1]);
    }

    [Fact]
    public void Random_returns_minus_one_when_every_accepting_team_is_away()
    {
        var board = Boards.Alike(2);
        board.SetAbsent(0, true);
        board.SetAbsent(1, true);

        Assert.Equal(-1, Boards.Create(AssignmentPolicyKind.Random, board).Choose(0, new RandomStream(1)));
    }
}
