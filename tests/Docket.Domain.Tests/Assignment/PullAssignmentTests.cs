using Docket.Domain.Assignment;
using Docket.Domain.Randomness;

namespace Docket.Domain.Tests.Assignment;

public sealed class PullAssignmentTests
{
    [Fact]
    public void Pull_returns_minus_one_when_every_team_is_at_its_cap()
    {
        var board = Boards.Alike(3, cap: 2);
        var policy = Boards.Create(AssignmentPolicyKind.Pull, board);
        var random = new RandomStream(41);
        Boards.Assign(policy, 0, 6, random);

        Assert.All(Enumerable.Range(0, 3), t => Assert.Equal(2, board.Pending(t, 0)));
        Assert.Equal(-1, policy.Choose(0, random));
    }

    [Fact]
    public void Pull_gives_the_case_to_the_one_team_under_its_cap()
    {
        var board = Boards.Alike(3, cap: 2);
        var policy = Boards.Create(AssignmentPolicyKind.Pull, board);
        var random = new RandomStream(42);
        Boards.Assign(policy, 0, 6, random);
        board.Close(1, 0);

        Assert.All(Enumerable.Range(0, 50), _ => Assert.Equal(1, policy.Choose(0, random)));
    }

    [Fact]
    public void Pull_draws_uniformly_among_the_teams_under_their_cap()
    {
        var board = Boards.Of([0], Boards.Team("a", [0], cap: 1), Boards.Team("b", [0], cap: 3), Boards.Team("c", [0], cap: 3), Boards.Team("d", [0], cap: 3));
        var policy = Boards.Create(AssignmentPolicyKind.Pull, board);
        var random = new RandomStream(43);
        board.Assign(0, 0);
        board.Assign(1, 0);
        board.Assign(1, 0);

        var counts = Boards.Tally(Enumerable.Range(0, 30_000).Select(_ => policy.Choose(0, random)), 4);

        Boards.AssertFits(counts, [0, 1, 1, 1]);
    }

    [Fact]
    public void Pull_caps_each_category_separately()
    {
        var board = Boards.Alike(1, typeCategory: [0, 1], cap: 1);
        var policy = Boards.Create(AssignmentPolicyKind.Pull, board);
        var random = new RandomStream(44);
        board.Assign(0, 0);

        Assert.Equal(-1, policy.Choose(0, random));
        Assert.Equal(0, policy.Choose(1, random));
    }
}
