using Docket.Domain.Planning;

namespace Docket.Domain.Tests.Planning;

public sealed class StaffingSearchTests
{
    private static readonly Goal s_goal = Goal.Parse("mean_days_to_disposition<=30");

    /// <summary>A candidate whose replications sit tightly around <paramref name="mean"/>.</summary>
    private static StaffingCandidate At(int count, double mean) =>
        new(count, [s_goal.Check([mean - 0.1, mean, mean + 0.1])]);

    private static async Task<(StaffingSearchResult Result, List<int> Tried)> Search(int min, int max, Func<int, double> mean)
    {
        var tried = new List<int>();
        var result = await StaffingSearch.FindSmallestAsync(min, max, (n, _) =>
        {
            tried.Add(n);
            return Task.FromResult(At(n, mean(n)));
        }, CancellationToken.None);
        return (result, tried);
    }

    [Fact]
    public async Task Bisection_finds_the_smallest_count_meeting_the_goal_and_the_count_below_fails()
    {
        // Mean days 600 ÷ n: 30 at n = 20, so 20 meets only if its upper bound (30.14) did; 21 → 28.6 meets.
        var (result, tried) = await Search(1, 100, n => 600.0 / n);
        Assert.True(result.Found);
        Assert.Equal(21, result.Answer!.Count);
        Assert.Equal(20, result.Below!.Count);
        Assert.False(result.Below.Met);
        Assert.False(result.NotMonotone);
        Assert.Equal(tried.Count, tried.Distinct().Count());          // each count simulated once
        Assert.True(tried.Count <= 10, $"tried {tried.Count}: {string.Join(", ", tried)}");   // log2(100) + the check above
        Assert.Contains(22, tried);                                   // the neighbour above was verified
    }

    [Fact]
    public async Task A_goal_not_met_at_the_upper_bound_is_reported_with_the_best_count_found()
    {
        var (result, tried) = await Search(1, 15, n => 600.0 / n);
        Assert.False(result.Found);
        Assert.Null(result.Answer);
        Assert.Equal(15, result.Best.Count);
        Assert.Equal([15], tried);
    }

    [Fact]
    public async Task When_the_lower_bound_already_meets_the_goal_it_is_the_answer()
    {
        var (result, _) = await Search(25, 40, n => 600.0 / n);
        Assert.Equal(25, result.Answer!.Count);
        Assert.Null(result.Below);
    }

    [Fact]
    public async Task Noise_that_breaks_monotonicity_above_the_answer_moves_the_search_up()
    {
        // Monotone except that 13 is (by noise) worse than 12: bisection lands on 12, its neighbour 13 fails, so the
        // search continues above 13 and answers 14, flagging the noise.
        var (result, _) = await Search(1, 20, n => n switch { < 12 => 40, 12 => 29, 13 => 31, _ => 25 });
        Assert.Equal(14, result.Answer!.Count);
        Assert.Equal(13, result.Below!.Count);
        Assert.True(result.NotMonotone);
    }

    [Fact]
    public async Task Bounds_out_of_order_are_refused()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Search(10, 5, n => n));
    }
}
