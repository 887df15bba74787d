using Docket.Domain.Assignment;
using Docket.Domain.Simulation;

namespace Docket.Domain.Audit;

/// <summary>
/// Each eligible team's probability in a random draw, by the draw's method: uniform 1 ÷ the eligible teams, weighted
/// the weights normalised, a deck each team's cards in a full deck normalised. The randomness audit reads them from a
/// ledger entry; the simulator's published counts take them from the draw it makes.
/// </summary>
public static class DrawShares
{
    public static double[] Uniform(int eligible) => [.. Enumerable.Repeat(1.0 / eligible, eligible)];

    public static double[] Normalised(IReadOnlyList<double> weights)
    {
        var total = weights.Sum();
        return [.. weights.Select(w => w / total)];
    }

    /// <summary>The team's cards in a full deck of its pool (<see cref="DeckAssignment.CardsOf"/>).</summary>
    public static double Cards(CourtLayout layout, int team, AssignmentSpec pool)
    {
        var t = layout.Teams[team];
        return DeckAssignment.CardsOf(t.Judges, t.Chief, pool.CardsPerJudge, pool.ChiefCards);
    }
}
