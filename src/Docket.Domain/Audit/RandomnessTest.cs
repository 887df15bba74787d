using MathNet.Numerics;

namespace Docket.Domain.Audit;

/// <summary>
/// A cell of a period's goodness-of-fit test: one team, or teams pooled because each expected fewer than
/// <see cref="RandomnessTest.MinExpected"/> draws. <see cref="Residual"/> is (observed − expected) ÷ √variance, the
/// variance summed over the cell's teams (for a pooled cell an upper bound: the teams of one draw exclude each other).
/// </summary>
public sealed record AuditCell(IReadOnlyList<string> Teams, long Observed, double Expected, double Residual)
{
    /// <summary>The cell's two-sided p-value, Bonferroni-adjusted over its period's cells (set by <see cref="RandomnessTest.Holm"/>).</summary>
    public double AdjustedP { get; init; } = 1;
}

/// <summary>
/// A period's Pearson chi-square test of observed against expected counts: <see cref="ChiSquare"/> on
/// <see cref="DegreesOfFreedom"/> (cells minus one per group of teams drawn among one another), its p-value, and — once
/// the periods are taken together (<see cref="RandomnessTest.Holm"/>) — the Holm-adjusted p-value, whether the period
/// departs at the level, and the cells that depart.
/// </summary>
public sealed record PeriodTest(string Period, long Draws, IReadOnlyList<AuditCell> Cells, int PooledTeams, int DegreesOfFreedom, double ChiSquare, double P)
{
    /// <summary>Whether the period is tested: at least one degree of freedom.</summary>
    public bool Tested => DegreesOfFreedom > 0;

    public double AdjustedP { get; init; } = 1;

    public bool Departs { get; init; }

    /// <summary>The cells of a departing period whose own adjusted p-value is within the level.</summary>
    public IReadOnlyList<AuditCell> Departing { get; init; } = [];
}

/// <summary>
/// The randomness audit's statistics. Per period, Pearson's chi-square: Σ (O − E)² ÷ E over the cells, E the summed
/// probabilities of the draws as recorded; teams expecting fewer than 5 draws are pooled within their group (and the
/// pool merged into the group's smallest cell when it still expects fewer than 5). The draws of a period need not be
/// alike (eligible teams and weights change from draw to draw), so each team's count varies at most as a multinomial
/// one would: the statistic's χ² reference is then conservative (a false alarm at most as often as the level says).
/// Across periods, Holm's step-down correction keeps the chance of any false alarm within the level; in a departing
/// period, each cell's standardized residual is tested two-sided with Bonferroni over the period's cells.
/// </summary>
public static class RandomnessTest
{
    /// <summary>The smallest expected count a cell stands alone with.</summary>
    public const double MinExpected = 5;

    /// <summary>The period's cells and chi-square test (not yet corrected across periods).</summary>
    public static PeriodTest GoodnessOfFit(PeriodCounts counts)
    {
        var cells = new List<(List<TeamExpectation> Teams, int Group)>();
        var pooled = 0;
        var df = 0;
        foreach (var group in counts.Teams.GroupBy(t => t.Group))
        {
            var big = group.Where(t => t.Expected >= MinExpected).Select(t => new List<TeamExpectation> { t }).ToList();
            var small = group.Where(t => t.Expected < MinExpected).ToList();
            if (small.Count > 0)
            {
                if (small.Sum(t => t.Expected) >= MinExpected || big.Count == 0)
                {
                    big.Add(small);
                }
                else
                {
                    big.MinBy(c => c.Sum(t => t.Expected))!.AddRange(small);
                }
                pooled += small.Count;
            }
            df += big.Count - 1;
            cells.AddRange(big.Select(c => (c, group.Key)));
        }
        var result = new List<AuditCell>(cells.Count);
        var chiSquare = 0.0;
        foreach (var (teams, _) in cells)
        {
            var observed = teams.Sum(t => t.Observed);
            var expected = teams.Sum(t => t.Expected);
            var variance = teams.Sum(t => t.Variance);
            chiSquare += expected > 0 ? (observed - expected) * (observed - expected) / expected : 0;
            result.Add(new AuditCell([.. teams.Select(t => t.Team)], observed, expected, variance > 0 ? (observed - expected) / Math.Sqrt(variance) : 0));
        }
        var p = df > 0 ? SpecialFunctions.GammaUpperRegularized(df / 2.0, chiSquare / 2) : 1;
        return new PeriodTest(counts.Period, counts.Draws, result, pooled, df, chiSquare, p);
    }

    /// <summary>
    /// The periods' tests corrected together at level <paramref name="alpha"/>: Holm over the tested periods (the
    /// smallest p-value times m, the next times m − 1, …, each at least the one before, at most 1); a period departs
    /// when its adjusted p-value is at most alpha, and in it the cells whose two-sided residual p-value times the
    /// period's cell count is at most alpha are listed.
    /// </summary>
    public static IReadOnlyList<PeriodTest> Holm(IReadOnlyList<PeriodTest> tests, double alpha)
    {
        var order = tests.Select((t, i) => (t, i)).Where(x => x.t.Tested).OrderBy(x => x.t.P).ToList();
        var adjusted = new double[tests.Count];
        Array.Fill(adjusted, 1.0);
        var running = 0.0;
        for (var k = 0; k < order.Count; k++)
        {
            running = Math.Max(running, Math.Min(1, (order.Count - k) * order[k].t.P));
            adjusted[order[k].i] = running;
        }
        return [.. tests.Select((t, i) =>
        {
            var departs = t.Tested && adjusted[i] <= alpha;
            var cells = t.Cells.Select(c => c with { AdjustedP = Math.Min(1, t.Cells.Count * SpecialFunctions.Erfc(Math.Abs(c.Residual) / Math.Sqrt(2))) }).ToList();
            return t with
            {
                Cells = cells,
                AdjustedP = adjusted[i],
                Departs = departs,
                Departing = departs ? [.. cells.Where(c => c.AdjustedP <= alpha)] : [],
            };
        })];
    }
}
