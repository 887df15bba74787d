namespace Docket.Domain.Balance;

/// <summary>
/// Linshu's coins (case 163): a closed case earns its type's coins (fast track 1 by default; other types their
/// weight unless given). With <see cref="RebalanceEveryDays"/> &gt; 0 the statistics window is cut into rounds and at
/// the end of each the coins of every specialty (case category) are re-priced by <see cref="CoinMarket"/>, each
/// type's coins kept within [<see cref="MinCoins"/>, <see cref="MaxCoins"/>] and changed by at most
/// <see cref="MaxChangePerRound"/> (a fraction) a round; with <see cref="Moves"/>, teams then move to the specialty
/// that pays best.
/// </summary>
public sealed record ScoringSpec(IReadOnlyDictionary<string, double> Coins, double RebalanceEveryDays, double Sensitivity)
{
    public static ScoringSpec Default { get; } = new(new Dictionary<string, double>(), 0, 0.5);

    /// <summary>A type's coins before any round: <see cref="Coins"/>' price, else 1 for a fast-track type (the coin's unit), else its weight.</summary>
    public double StartingCoins(Cases.CaseType type) =>
        Coins.TryGetValue(type.Id, out var coins) ? coins : type.Track == Cases.CaseTrack.FastTrack ? 1.0 : type.Weight;

    /// <summary>The fewest coins any type may be worth after a round (<c>scores.min_coins</c>); 0 by default.</summary>
    public double MinCoins { get; init; }

    /// <summary>The most coins any type may be worth after a round (<c>scores.max_coins</c>); unbounded by default.</summary>
    public double MaxCoins { get; init; } = double.PositiveInfinity;

    /// <summary>
    /// The largest relative change of a type's coins in one round (<c>scores.max_change_per_round</c>): 0.25 keeps
    /// each round's new coins within 0.75× and 1.25× of the last; unbounded by default.
    /// </summary>
    public double MaxChangePerRound { get; init; } = double.PositiveInfinity;

    /// <summary>Teams moving between specialties at each round (<c>scores.moves</c>); null: nobody moves.</summary>
    public SpecialtyMoves? Moves { get; init; }
}

/// <summary>
/// Judges moving to the specialty whose coins pay best (case 163: 1,200+ person-moves over four rounds, by choice,
/// not by order). A move is a team giving up one of its specialties for another of <see cref="Specialties"/>.
/// </summary>
/// <param name="Specialties">The case categories teams may move between (at least two).</param>
/// <param name="PerRound">The most moves in one round.</param>
/// <param name="MinJudges">The fewest judges a specialty keeps: no move leaves one with fewer.</param>
public sealed record SpecialtyMoves(IReadOnlyList<string> Specialties, int PerRound, int MinJudges);
