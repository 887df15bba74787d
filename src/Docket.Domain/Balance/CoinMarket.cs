using Orleans;

namespace Docket.Domain.Balance;

/// <summary>
/// Linshu's coins as a market (case 163). A closed case earns its type's coins: its base coins (given, or 1 for a
/// fast-track type, else its weight) times its specialty's (case category's) multiplier. At the end of each round
/// every specialty's pay is measured — the coins its closures earned ÷ the judges on it (a judge on k specialties
/// counts 1/k on each) — and its multiplier is scaled by (court pay ÷ specialty pay) ^ sensitivity: lowered where
/// judges are paid above the court (where they crowd in), raised where below (what they shun). The change is limited
/// to ± <see cref="ScoringSpec.MaxChangePerRound"/> and every type's coins kept within
/// [<see cref="ScoringSpec.MinCoins"/>, <see cref="ScoringSpec.MaxCoins"/>]. A fast-track specialty is the unit
/// (one fast-track case = one coin) and keeps its price; a specialty that earned nothing or has nobody keeps its own.
/// </summary>
public sealed class CoinMarket
{
    private readonly double[] _baseCoins;
    private readonly int[] _typeCategory;
    private readonly double[] _multiplier;
    private readonly double[] _lowest;
    private readonly double[] _highest;
    private readonly bool[] _fixed;
    private readonly ScoringSpec _spec;

    /// <param name="spec">The scenario's scores.</param>
    /// <param name="baseCoins">Each case type's coins before any round.</param>
    /// <param name="typeCategory">Each case type's specialty (category index).</param>
    /// <param name="fixedCategories">Specialties whose price never changes (the fast track: the coin's unit).</param>
    public CoinMarket(ScoringSpec spec, IReadOnlyList<double> baseCoins, IReadOnlyList<int> typeCategory, IReadOnlyList<bool> fixedCategories)
    {
        _spec = spec;
        _baseCoins = [.. baseCoins];
        _typeCategory = [.. typeCategory];
        var categories = fixedCategories.Count;
        _fixed = [.. fixedCategories];
        _multiplier = [.. Enumerable.Repeat(1.0, categories)];
        _lowest = new double[categories];
        _highest = [.. Enumerable.Repeat(double.PositiveInfinity, categories)];
        for (var type = 0; type < _baseCoins.Length; type++)
        {
            var c = _typeCategory[type];
            _lowest[c] = Math.Max(_lowest[c], spec.MinCoins / _baseCoins[type]);
            _highest[c] = Math.Min(_highest[c], spec.MaxCoins / _baseCoins[type]);
        }
    }

    public int CategoryCount => _multiplier.Length;

    /// <summary>Each specialty's multiplier of its types' base coins (1 before the first round).</summary>
    public IReadOnlyList<double> Multipliers => _multiplier;

    /// <summary>What a closed case of the type earns now.</summary>
    public double CoinsOf(int type) => _baseCoins[type] * _multiplier[_typeCategory[type]];

    /// <summary>Every type's coins now, in type order.</summary>
    public double[] TypeCoins() => [.. Enumerable.Range(0, _baseCoins.Length).Select(CoinsOf)];

    /// <summary>Pay: coins per judge (judge-equivalents on the specialty); 0 where nobody is on it.</summary>
    public static double Pay(double coins, double judges) => judges > 0 ? coins / judges : 0.0;

    /// <summary>
    /// Ends a round in which each specialty's closures earned <paramref name="coinsEarned"/> with
    /// <paramref name="judges"/> judge-equivalents on it: re-prices every specialty not fixed; returns each
    /// specialty's factor (new multiplier ÷ old).
    /// </summary>
    public double[] Reprice(IReadOnlyList<double> coinsEarned, IReadOnlyList<double> judges)
    {
        var factors = Enumerable.Repeat(1.0, _multiplier.Length).ToArray();
        var totalJudges = judges.Sum();
        var court = Pay(coinsEarned.Sum(), totalJudges);
        if (court <= 0)
        {
            return factors;
        }
        var down = Math.Max(0.0, 1 - _spec.MaxChangePerRound);
        var up = 1 + _spec.MaxChangePerRound;
        for (var c = 0; c < _multiplier.Length; c++)
        {
            if (_fixed[c] || judges[c] <= 0 || coinsEarned[c] <= 0)
            {
                continue;
            }
            var factor = Math.Clamp(Math.Pow(court / Pay(coinsEarned[c], judges[c]), _spec.Sensitivity), down, up);
            var next = Math.Clamp(_multiplier[c] * factor, _lowest[c], _highest[c]);
            factors[c] = next / _multiplier[c];
            _multiplier[c] = next;
        }
        return factors;
    }

    /// <summary>
    /// The moves of one round (case 163's person-moves, by choice): while moves are left, a team on the specialty
    /// that pays worst (projected: this round's coins at the new prices over the judges on it) gives it up for the
    /// one that pays best — the team with the fewest pending cases in it, then the first — provided the worst keeps
    /// at least <see cref="SpecialtyMoves.MinJudges"/> judges and the move does not turn the best into the worse
    /// paid of the two. Teams already on the best, or that may not take it, do not move.
    /// </summary>
    /// <param name="moves">The scenario's limits.</param>
    /// <param name="categories">Specialty names, by category index.</param>
    /// <param name="projectedCoins">Each specialty's coins this round at the new prices.</param>
    /// <param name="teams">The teams, each with its specialties now (updated as teams move).</param>
    public static List<SpecialtyMove> PlanMoves(SpecialtyMoves moves, IReadOnlyList<string> categories,
        IReadOnlyList<double> projectedCoins, IReadOnlyList<MovableTeam> teams)
    {
        var movable = moves.Specialties.Select(s => categories.ToList().IndexOf(s)).Where(c => c >= 0).Distinct().Order().ToArray();
        var on = teams.Select(t => new SortedSet<int>(t.Specialties)).ToArray();
        var planned = new List<SpecialtyMove>();
        while (planned.Count < moves.PerRound)
        {
            var share = new double[categories.Count];
            var judges = new int[categories.Count];
            for (var t = 0; t < teams.Count; t++)
            {
                foreach (var c in on[t])
                {
                    share[c] += (double)teams[t].Judges / on[t].Count;
                    judges[c] += teams[t].Judges;
                }
            }
            var staffed = movable.Where(c => share[c] > 0).ToArray();
            if (staffed.Length < 2)
            {
                break;
            }
            var best = staffed.OrderByDescending(c => Pay(projectedCoins[c], share[c])).ThenBy(c => c).First();
            var worst = staffed.OrderBy(c => Pay(projectedCoins[c], share[c])).ThenBy(c => c).First();
            if (Pay(projectedCoins[best], share[best]) <= Pay(projectedCoins[worst], share[worst]))
            {
                break;
            }
            var chosen = -1;
            foreach (var t in Enumerable.Range(0, teams.Count).OrderBy(t => teams[t].PendingIn(worst)).ThenBy(t => t))
            {
                var team = teams[t];
                if (!on[t].Contains(worst) || on[t].Contains(best) || !team.MayTake(best) || judges[worst] - team.Judges < moves.MinJudges)
                {
                    continue;
                }
                var moved = (double)team.Judges / on[t].Count;
                if (Pay(projectedCoins[best], share[best] + moved) >= Pay(projectedCoins[worst], share[worst] - moved))
                {
                    chosen = t;
                    break;
                }
            }
            if (chosen < 0)
            {
                break;
            }
            on[chosen].Remove(worst);
            on[chosen].Add(best);
            planned.Add(new SpecialtyMove(teams[chosen].Team, worst, best, teams[chosen].Judges, teams[chosen].People));
        }
        return planned;
    }

    /// <summary>
    /// The spread of judges' monthly coins: the 90th percentile ÷ the 10th, both by nearest rank (of 26 judges, the
    /// third highest ÷ the third lowest); null when the 10th percentile is 0 or there are no judges.
    /// </summary>
    public static double? Spread(IReadOnlyList<double> monthlyCoins)
    {
        if (monthlyCoins.Count == 0)
        {
            return null;
        }
        var sorted = monthlyCoins.Order().ToArray();
        var low = NearestRank(sorted, 0.1);
        return low > 0 ? NearestRank(sorted, 0.9) / low : null;
    }

    /// <summary>The p-quantile by nearest rank: the value at rank ⌈p·n⌉ (at least 1) of the sorted values.</summary>
    public static double NearestRank(IReadOnlyList<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling((p * sorted.Count) - 1e-9), 1, sorted.Count) - 1];
}

/// <summary>A team as the moves see it: court team index, judges, members, its specialties, what it may take, its pending cases by specialty.</summary>
public sealed record MovableTeam(int Team, int Judges, int People, IReadOnlyList<int> Specialties, Func<int, bool> MayTake, Func<int, int> PendingIn);

/// <summary>A team giving up specialty <paramref name="From"/> for <paramref name="To"/> (category indices).</summary>
[GenerateSerializer, Immutable, Alias("docket.balance.specialty-move")]
public sealed record SpecialtyMove(
    [property: Id(0)] int Team,
    [property: Id(1)] int From,
    [property: Id(2)] int To,
    [property: Id(3)] int Judges,
    [property: Id(4)] int People);
