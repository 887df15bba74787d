namespace Docket.Domain.Balance;

/// <summary>
/// Linshu's coins (case 163): a closed case earns its type's coins (fast track 1 by default; other types their
/// weight unless given); every <see cref="RebalanceEveryDays"/> the coins of each category are re-weighted by how
/// crowded it is (share of demand ÷ share of teams, to the power <see cref="Sensitivity"/>).
/// </summary>
public sealed record ScoringSpec(IReadOnlyDictionary<string, double> Coins, double RebalanceEveryDays, double Sensitivity)
{
    public static ScoringSpec Default { get; } = new(new Dictionary<string, double>(), 0, 0.5);
}
