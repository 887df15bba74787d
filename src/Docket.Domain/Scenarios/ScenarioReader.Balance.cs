using Docket.Domain.Balance;
using Docket.Domain.Cases;
using YamlDotNet.RepresentationModel;

namespace Docket.Domain.Scenarios;

/// <summary>Balanced closure (baselines, index weights) and scores (coins and their re-balancing).</summary>
internal sealed partial class ScenarioReader
{
    internal static readonly string[] BalanceKeys = ["monthly_baseline", "annual_baseline", "weights", "long_pending_days"];

    internal static readonly string[] WeightKeys = ["time_limit_change", "trial_time", "mediation_and_simple", "file_transfer", "long_pending"];

    internal static readonly string[] ScoresKeys = ["coins", "rebalance_every_days", "sensitivity", "min_coins", "max_coins", "max_change_per_round", "moves"];

    internal static readonly string[] MovesKeys = ["specialties", "per_round", "min_judges"];

    private BalanceSpec ReadBalance(YamlNode node, string path)
    {
        var defaults = BalanceSpec.Default;
        var m = MappingReader.Open(node, path, _diagnostics, "{ monthly_baseline: 0.08, annual_baseline: 0.9 }");
        if (m is null)
        {
            return defaults;
        }
        m.RejectUnknown(BalanceKeys);
        var monthly = m.Value("monthly_baseline") is { } monthlyNode
            ? ReadMonthlyBaseline(monthlyNode, m.PathOf("monthly_baseline")) ?? defaults.MonthlyBaseline
            : defaults.MonthlyBaseline;
        var annual = ReadNumber(m, "annual_baseline", defaults.AnnualBaseline, Bounds.Between(0, 1));
        var weights = m.Value("weights") is { } weightsNode ? ReadWeights(weightsNode, m.PathOf("weights")) : defaults.Weights;
        var longPending = ReadNumber(m, "long_pending_days", defaults.LongPendingDays, Bounds.AtLeast(1));
        return new BalanceSpec(monthly, annual, weights) { LongPendingDays = longPending };
    }

    /// <summary>One closure-rate baseline for every month, or a list of 12 (the first for the run's first month).</summary>
    private List<double>? ReadMonthlyBaseline(YamlNode node, string path)
    {
        switch (node)
        {
            case YamlScalarNode:
                return TryReadNumber(node, path, Bounds.Between(0, 1), out var every) ? [.. Enumerable.Repeat(every, 12)] : null;
            case YamlSequenceNode list:
                {
                    if (list.Children.Count != 12)
                    {
                        Error(node, path, $"must list 12 monthly baselines, or be one number for every month (got {list.Children.Count})");
                        return null;
                    }
                    var values = new List<double>();
                    for (var i = 0; i < list.Children.Count; i++)
                    {
                        if (TryReadNumber(list.Children[i], ScenarioPaths.Index(path, i), Bounds.Between(0, 1), out var v))
                        {
                            values.Add(v);
                        }
                    }
                    return values.Count == 12 ? values : null;
                }
            default:
                Error(node, path, $"expected a number or a list of 12 monthly baselines (got {YamlScalars.Describe(node)})");
                return null;
        }
    }

    private BalanceWeights ReadWeights(YamlNode node, string path)
    {
        var m = MappingReader.Open(node, path, _diagnostics, "{ time_limit_change: 1, trial_time: 2 }");
        if (m is null)
        {
            return BalanceWeights.Equal;
        }
        m.RejectUnknown(WeightKeys);
        var errorsBefore = _diagnostics.Count;
        var weights = new BalanceWeights(
            ReadNumber(m, "time_limit_change", 1, Bounds.AtLeast(0)),
            ReadNumber(m, "trial_time", 1, Bounds.AtLeast(0)),
            ReadNumber(m, "mediation_and_simple", 1, Bounds.AtLeast(0)),
            ReadNumber(m, "file_transfer", 1, Bounds.AtLeast(0)),
            ReadNumber(m, "long_pending", 1, Bounds.AtLeast(0)));
        var total = weights.TimeLimitChange + weights.TrialTime + weights.MediationAndSimple + weights.FileTransfer + weights.LongPending;
        if (_diagnostics.Count == errorsBefore && total <= 0)
        {
            Error(node, path, "must not be all zero (an omitted weight is 1)");
        }
        return weights;
    }

    private ScoringSpec ReadScores(YamlNode node, string path, IReadOnlyList<CaseType> caseTypes)
    {
        var defaults = ScoringSpec.Default;
        var m = MappingReader.Open(node, path, _diagnostics, "{ coins: { civil: 2.5 }, rebalance_every_days: 91 }");
        if (m is null)
        {
            return defaults;
        }
        m.RejectUnknown(ScoresKeys);
        var coins = new Dictionary<string, double>(StringComparer.Ordinal);
        if (m.Value("coins") is { } coinsNode &&
            MappingReader.Open(coinsNode, m.PathOf("coins"), _diagnostics, "{ small_claims: 1, civil: 2.5 }") is { } c)
        {
            foreach (var (key, value) in c.Entries)
            {
                var type = key.Value!;
                var known = CheckTypeKnown(key, c.Path, type);
                if (YamlScalars.IsNull(value))
                {
                    Error(key, c.PathOf(type), "a number of coins is required");
                    continue;
                }
                if (TryReadNumber(value, c.PathOf(type), Bounds.Above(0), out var coinValue) && known)
                {
                    coins[type] = coinValue;
                }
            }
        }
        var rebalance = ReadNumber(m, "rebalance_every_days", defaults.RebalanceEveryDays, Bounds.AtLeast(0));
        var minCoins = ReadNumber(m, "min_coins", defaults.MinCoins, Bounds.AtLeast(0));
        var maxCoins = ReadNumber(m, "max_coins", defaults.MaxCoins, Bounds.Above(0));
        if (m.Value("max_coins") is { } maxNode && maxCoins < minCoins)
        {
            Error(maxNode, m.PathOf("max_coins"), $"must be at least min_coins ({minCoins}) (got {maxCoins})");
        }
        else
        {
            CheckStartingCoins(m, coins, caseTypes, minCoins, maxCoins);
        }
        SpecialtyMoves? moves = null;
        if (m.Value("moves") is { } movesNode)
        {
            moves = ReadMoves(movesNode, m.PathOf("moves"), caseTypes);
            if (rebalance <= 0)
            {
                Error(movesNode, m.PathOf("moves"), "teams move at the end of a round: set rebalance_every_days (> 0) too");
            }
        }
        return new ScoringSpec(coins, rebalance, ReadNumber(m, "sensitivity", defaults.Sensitivity, Bounds.AtLeast(0)))
        {
            MinCoins = minCoins,
            MaxCoins = maxCoins,
            MaxChangePerRound = ReadNumber(m, "max_change_per_round", defaults.MaxChangePerRound, Bounds.Above(0)),
            Moves = moves,
        };
    }

    /// <summary>Every type's starting coins (given, or its default) must lie within [min_coins, max_coins].</summary>
    private void CheckStartingCoins(MappingReader m, Dictionary<string, double> coins, IReadOnlyList<CaseType> caseTypes, double minCoins, double maxCoins)
    {
        var priced = ScoringSpec.Default with { Coins = coins };
        foreach (var type in caseTypes)
        {
            var given = coins.ContainsKey(type.Id);
            var start = priced.StartingCoins(type);
            if (start >= minCoins && start <= maxCoins)
            {
                continue;
            }
            var bound = start < minCoins ? "min_coins" : "max_coins";
            var limit = start < minCoins ? minCoins : maxCoins;
            var coinsMap = given ? MappingReader.Open(m.Value("coins")!, m.PathOf("coins"), _diagnostics, "") : null;
            if (coinsMap?.Value(type.Id) is { } valueNode)
            {
                Error(valueNode, coinsMap.PathOf(type.Id), $"starts outside the bounds: {start} coins, {bound} is {limit}");
            }
            else
            {
                var why = type.Track == CaseTrack.FastTrack ? "1 for a fast-track type" : "its weight";
                Error(m.Value(bound)!, m.PathOf(bound), $"case type '{type.Id}' starts at {start} coins ({why}; give it coins within the bounds), outside {bound} {limit}");
            }
        }
    }

    private SpecialtyMoves? ReadMoves(YamlNode node, string path, IReadOnlyList<CaseType> caseTypes)
    {
        var m = MappingReader.Open(node, path, _diagnostics, "{ specialties: [contract, family], per_round: 10, min_judges: 2 }");
        if (m is null)
        {
            return null;
        }
        m.RejectUnknown(MovesKeys);
        var categories = caseTypes.Select(t => t.Category).Distinct().ToList();
        var specialties = new List<string>();
        if (ReadList(m, "specialties", required: true, " (the case categories teams may move between)") is { } list)
        {
            for (var i = 0; i < list.Children.Count; i++)
            {
                var itemPath = ScenarioPaths.Index(m.PathOf("specialties"), i);
                if (ScalarText(list.Children[i], itemPath, "a case category") is not { } name)
                {
                    continue;
                }
                if (!categories.Contains(name))
                {
                    Error(list.Children[i], itemPath, $"'{name}' is not a case category (categories: {Names(categories)})");
                }
                else if (specialties.Contains(name))
                {
                    Error(list.Children[i], itemPath, $"'{name}' is listed twice");
                }
                else
                {
                    specialties.Add(name);
                }
            }
            if (list.Children.Count < 2)
            {
                Error(list, m.PathOf("specialties"), $"teams move between specialties: list at least two (got {list.Children.Count})");
            }
        }
        var perRound = ReadRequiredInt(m, "per_round", Bounds.AtLeast(1)) ?? 0;
        var minJudges = ReadInt(m, "min_judges", 1, Bounds.AtLeast(1));
        return new SpecialtyMoves(specialties, perRound, minJudges);
    }
}
