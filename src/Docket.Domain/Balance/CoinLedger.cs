namespace Docket.Domain.Balance;

/// <summary>
/// Linshu's coins (case 163). A closed case earns its type's coins times its category's current multiplier. Every
/// round, each category's multiplier is re-weighted by how crowded it is: (share of the round's filings ÷ share of the
/// teams taking it) ^ sensitivity — lowered where judges crowd in, raised where they shun it.
/// </summary>
public sealed class CoinLedger
{
    private readonly double[] _multiplier;
    private readonly double[] _teamShare;
    private readonly double _sensitivity;

    /// <param name="teamsPerCategory">How many teams take each category.</param>
    public CoinLedger(IReadOnlyList<int> teamsPerCategory, double sensitivity)
    {
        _multiplier = [.. Enumerable.Repeat(1.0, teamsPerCategory.Count)];
        var total = teamsPerCategory.Sum();
        _teamShare = [.. teamsPerCategory.Select(t => total > 0 ? (double)t / total : 0.0)];
        _sensitivity = sensitivity;
    }

    public IReadOnlyList<double> Multipliers => _multiplier;

    public double Value(double coins, int category) => coins * _multiplier[category];

    /// <summary>Closes a round in which each category received <paramref name="filedPerCategory"/> filings.</summary>
    public void Rebalance(IReadOnlyList<long> filedPerCategory)
    {
        var total = filedPerCategory.Sum();
        if (total == 0)
        {
            return;
        }
        for (var c = 0; c < _multiplier.Length; c++)
        {
            if (_teamShare[c] <= 0 || filedPerCategory[c] == 0)
            {
                continue;
            }
            var crowding = ((double)filedPerCategory[c] / total) / _teamShare[c];
            _multiplier[c] *= Math.Pow(crowding, _sensitivity);
        }
    }
}
