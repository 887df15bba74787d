using Docket.Domain.Assignment;
using Docket.Domain.Randomness;
using MathNet.Numerics.Distributions;

namespace Docket.Domain.Tests.Assignment;

/// <summary>Team boards, draws and goodness-of-fit helpers for the assignment policies' tests.</summary>
internal static class Boards
{
    /// <summary>The level of the chi-square bounds: a correct policy fails one seed in a thousand.</summary>
    public const double Confidence = 0.999;

    public static BoardTeam Team(string id, int[] accepts, int? cap = null, double coefficient = 1.0, int judges = 1, bool leader = false, bool chief = false) =>
        new(id, accepts, cap, coefficient, judges, leader, chief);

    /// <summary><paramref name="teams"/> one-judge teams that accept every type; one type in one category by default.</summary>
    public static TeamBoard Alike(int teams, int[]? typeCategory = null, double[]? typeWeight = null, int? cap = null)
    {
        typeCategory ??= [0];
        typeWeight ??= [.. typeCategory.Select(_ => 1.0)];
        int[] all = [.. Enumerable.Range(0, typeCategory.Length)];
        return new TeamBoard([.. Enumerable.Range(0, teams).Select(t => Team($"t-{t + 1}", all))], typeCategory, typeWeight, cap);
    }

    /// <summary>A board of the given teams; every type weighs 1.</summary>
    public static TeamBoard Of(int[] typeCategory, params BoardTeam[] teams) =>
        new(teams, typeCategory, [.. typeCategory.Select(_ => 1.0)]);

    public static AssignmentPolicy Create(AssignmentPolicyKind kind, TeamBoard board) =>
        AssignmentPolicy.Create(new AssignmentSpec(kind), board);

    /// <summary>Chooses and assigns <paramref name="cases"/> cases of the type; with <paramref name="closeAtOnce"/> each is closed at once, so loads stay as they are.</summary>
    public static int[] Assign(AssignmentPolicy policy, int type, int cases, RandomStream random, bool closeAtOnce = false)
    {
        var chosen = new int[cases];
        for (var i = 0; i < cases; i++)
        {
            var team = policy.Choose(type, random);
            Assert.True(team >= 0, $"case {i}: no team chosen although one could take it");
            policy.Board.Assign(team, type);
            if (closeAtOnce)
            {
                policy.Board.Close(team, type);
            }
            chosen[i] = team;
        }
        return chosen;
    }

    /// <summary>How many of <paramref name="chosen"/> went to each team.</summary>
    public static long[] Tally(IEnumerable<int> chosen, int teamCount)
    {
        var counts = new long[teamCount];
        foreach (var team in chosen)
        {
            counts[team]++;
        }
        return counts;
    }

    /// <summary>Pearson's statistic of <paramref name="observed"/> against <paramref name="weights"/> (normalised), over the teams with a positive weight.</summary>
    public static double ChiSquare(long[] observed, double[] weights)
    {
        var total = observed.Sum();
        var weightSum = weights.Sum();
        var statistic = 0.0;
        for (var i = 0; i < observed.Length; i++)
        {
            if (weights[i] <= 0)
            {
                continue;
            }
            var expected = total * weights[i] / weightSum;
            statistic += (observed[i] - expected) * (observed[i] - expected) / expected;
        }
        return statistic;
    }

    /// <summary>Asserts the counts fit the weights at <see cref="Confidence"/>, and that zero-weight teams got nothing.</summary>
    public static void AssertFits(long[] observed, double[] weights)
    {
        for (var i = 0; i < observed.Length; i++)
        {
            if (weights[i] <= 0)
            {
                Assert.True(observed[i] == 0, $"team {i} should get nothing, got {observed[i]}");
            }
        }
        var degrees = weights.Count(w => w > 0) - 1;
        var statistic = ChiSquare(observed, weights);
        var critical = ChiSquared.InvCDF(degrees, Confidence);
        Assert.True(statistic < critical,
            $"chi-square {statistic:F2} ≥ {critical:F2} ({degrees} df): counts [{string.Join(", ", observed)}] vs weights [{string.Join(", ", weights)}]");
    }
}
