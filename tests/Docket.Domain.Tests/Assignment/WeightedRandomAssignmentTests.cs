using Docket.Domain.Assignment;
using Docket.Domain.Randomness;

namespace Docket.Domain.Tests.Assignment;

public sealed class WeightedRandomAssignmentTests
{
    private static readonly double[] s_coefficients = [1.0, 1.6, 2.6, 0.5, 2.0];

    private static TeamBoard CoefficientBoard() =>
        Boards.Of([0], [.. s_coefficients.Select((c, i) => Boards.Team($"t-{i + 1}", [0], coefficient: c))]);

    [Fact]
    public void Weighted_random_by_coefficient_matches_the_coefficient_shares()
    {
        var board = CoefficientBoard();
        var policy = new WeightedRandomAssignment(board, WeightBasis.Coefficient, 1.15);
        var random = new RandomStream(21);

        var counts = Boards.Tally(Boards.Assign(policy, 0, 100_000, random, closeAtOnce: true), board.TeamCount);

        Boards.AssertFits(counts, s_coefficients);
        // Each share on its own, within five standard errors (binomial: √(n·p·(1 − p))).
        for (var t = 0; t < s_coefficients.Length; t++)
        {
            var p = s_coefficients[t] / s_coefficients.Sum();
            var error = Math.Sqrt(100_000 * p * (1 - p));
            Assert.InRange(counts[t], (100_000 * p) - (5 * error), (100_000 * p) + (5 * error));
        }
    }

    [Fact]
    public void Weighted_random_by_coefficient_renormalises_over_the_present_teams()
    {
        var board = CoefficientBoard();
        var policy = new WeightedRandomAssignment(board, WeightBasis.Coefficient, 1.15);
        board.SetAbsent(2, true);
        var random = new RandomStream(22);

        var counts = Boards.Tally(Boards.Assign(policy, 0, 60_000, random, closeAtOnce: true), board.TeamCount);

        Boards.AssertFits(counts, [1.0, 1.6, 0, 0.5, 2.0]);
    }

    [Fact]
    public void Weighted_random_by_leader_share_gives_leader_led_teams_1_15_times_the_cases()
    {
        var board = Boards.Of([0],
            Boards.Team("lead-1", [0], leader: true), Boards.Team("t-1", [0]), Boards.Team("t-2", [0]), Boards.Team("t-3", [0]),
            Boards.Team("lead-2", [0], leader: true, chief: true));
        var policy = new WeightedRandomAssignment(board, WeightBasis.LeaderShare, 1.15);
        var random = new RandomStream(23);

        var counts = Boards.Tally(Boards.Assign(policy, 0, 400_000, random, closeAtOnce: true), board.TeamCount);

        double[] weights = [1.15, 1.0, 1.0, 1.0, 1.15];
        Assert.Equal(weights, Enumerable.Range(0, 5).Select(policy.WeightOf));
        Boards.AssertFits(counts, [1.15, 1, 1, 1, 1.15]);
        // 400,000 draws: the ratio's standard error is about 0.3 %, so ±2.5 % is more than eight of them.
        var ratio = (counts[0] + counts[4]) / 2.0 / ((counts[1] + counts[2] + counts[3]) / 3.0);
        Assert.InRange(ratio, 1.15 * 0.975, 1.15 * 1.025);
    }

    [Fact]
    public void Under_the_raised_reduced_share_reading_leader_led_teams_get_fewer_cases_than_ordinary_teams()
    {
        var board = Boards.Of([0], Boards.Team("lead", [0], leader: true), Boards.Team("t-1", [0]), Boards.Team("t-2", [0]));
        // leader_share: { reduced: 0.5, raised_by: 0.15 }: 0.575 of an ordinary team's cases.
        var policy = new WeightedRandomAssignment(board, WeightBasis.LeaderShare, 0.5 * 1.15);
        var random = new RandomStream(29);

        var counts = Boards.Tally(Boards.Assign(policy, 0, 200_000, random, closeAtOnce: true), board.TeamCount);

        Boards.AssertFits(counts, [0.575, 1, 1]);
        Assert.True(counts[0] < counts[1] && counts[0] < counts[2]);
    }

    [Fact]
    public void Weighted_random_by_coefficient_ignores_the_leader_share()
    {
        var board = Boards.Of([0], Boards.Team("lead", [0], coefficient: 2.1, leader: true), Boards.Team("t", [0], coefficient: 1.0));
        var policy = new WeightedRandomAssignment(board, WeightBasis.Coefficient, 1.15);

        Assert.Equal(2.1, policy.WeightOf(0));
        Assert.Equal(1.0, policy.WeightOf(1));
    }

    [Fact]
    public void Weighted_random_never_picks_a_team_at_its_cap_and_picks_again_once_it_closes()
    {
        var board = Boards.Of([0], Boards.Team("a", [0], cap: 1, coefficient: 5), Boards.Team("b", [0], coefficient: 1));
        var policy = new WeightedRandomAssignment(board, WeightBasis.Coefficient, 1.15);
        var random = new RandomStream(24);
        board.Assign(0, 0);

        Assert.All(Enumerable.Range(0, 1_000), _ => Assert.Equal(1, policy.Choose(0, random)));

        board.Close(0, 0);
        var counts = Boards.Tally(Enumerable.Range(0, 12_000).Select(_ => policy.Choose(0, random)), 2);
        Boards.AssertFits(counts, [5, 1]);
    }
}
