namespace Docket.Domain.Planning;

/// <summary>
/// Finds the smallest count in [min, max] meeting a goal, assuming more staff never does worse (monotone): bisection
/// between a failing and a meeting count, each count evaluated once. Noise can break monotonicity, so the answer is
/// verified against its neighbours: the count below must fail (bisection guarantees it was tried), and the count
/// above must meet; when it does not, the search goes on above it, and the result says the goal was not monotone.
/// </summary>
public static class StaffingSearch
{
    public static async Task<StaffingSearchResult> FindSmallestAsync(int min, int max,
        Func<int, CancellationToken, Task<StaffingCandidate>> evaluate, CancellationToken cancellationToken)
    {
        if (min < 0 || max < min)
        {
            throw new ArgumentOutOfRangeException(nameof(max), $"the search bounds must satisfy 0 ≤ min ≤ max (got {min} and {max})");
        }
        var tried = new SortedDictionary<int, StaffingCandidate>();
        async Task<StaffingCandidate> At(int count)
        {
            if (!tried.TryGetValue(count, out var candidate))
            {
                candidate = await evaluate(count, cancellationToken);
                tried[count] = candidate;
            }
            return candidate;
        }

        if (!(await At(max)).Met)
        {
            return Result(min, max, null, tried, notMonotone: false);
        }
        var notMonotone = false;
        var low = min - 1;          // the largest count known (or assumed, below min) to fail
        var high = max;             // a count known to meet
        while (true)
        {
            while (high - low > 1)
            {
                var middle = low + ((high - low) / 2);
                if ((await At(middle)).Met)
                {
                    high = middle;
                }
                else
                {
                    low = middle;
                }
            }
            // The neighbour above must meet too; if noise says it does not, the answer lies above it.
            if (high < max && !(await At(high + 1)).Met)
            {
                notMonotone = true;
                low = high + 1;
                high = max;
                continue;
            }
            return Result(min, max, high, tried, notMonotone || tried.Any(t => t.Key > high && !t.Value.Met) || tried.Any(t => t.Key < high && t.Value.Met));
        }
    }

    private static StaffingSearchResult Result(int min, int max, int? answer, SortedDictionary<int, StaffingCandidate> tried, bool notMonotone)
    {
        var evaluated = tried.Values.ToList();
        var best = answer is { } a ? tried[a]
            : evaluated.OrderByDescending(c => c.Checks.Count(g => g.Met)).ThenBy(c => c.Checks.Sum(g => g.RelativeGap)).ThenByDescending(c => c.Count).First();
        var below = answer is { } b && tried.TryGetValue(b - 1, out var under) ? under : null;
        return new StaffingSearchResult(min, max, answer is null ? null : best, below, best, evaluated, notMonotone);
    }
}
