using Docket.Domain.Balance;
using Docket.Domain.Cases;
using Orleans;

namespace Docket.Domain.Simulation;

/// <summary>
/// A simulated court's coins (case 163) over the statistics window: what each closure earns at the prices in force
/// when it closes, per team, judge and specialty, cut into rounds of <see cref="ScoringSpec.RebalanceEveryDays"/>
/// (one round for the whole window when it is 0). At each round's end the <see cref="CoinMarket"/> re-prices the
/// specialties and, with <see cref="ScoringSpec.Moves"/>, teams move to the best-paid specialty.
/// </summary>
public sealed class CoinRounds
{
    private readonly CourtLayout _layout;
    private readonly CoinMarket _market;
    private readonly int[] _judgeOffset;
    private readonly double[] _teamCoins;
    private readonly double[] _judgeCoins;
    private readonly double[] _categoryCoins;
    private readonly List<CoinRound> _finished = [];
    private double[] _categoryJudges;
    private double[] _roundTypeCoins;
    private IReadOnlyList<SpecialtyMove> _roundMoves = [];
    private double _roundStart;

    internal CoinRounds(CourtLayout layout, Func<int, int, bool> takes)
    {
        _layout = layout;
        var scenario = layout.Scenario;
        var scoring = scenario.Scoring;
        var types = scenario.CaseTypes;
        var fixedCategories = new bool[layout.CategoryNames.Count];
        for (var type = 0; type < types.Count; type++)
        {
            if (types[type].Track == CaseTrack.FastTrack)
            {
                fixedCategories[layout.TypeCategory[type]] = true;
            }
        }
        _market = new CoinMarket(scoring, BaseCoins(scenario), layout.TypeCategory, fixedCategories);
        _judgeOffset = new int[layout.Teams.Count + 1];
        for (var t = 0; t < layout.Teams.Count; t++)
        {
            _judgeOffset[t + 1] = _judgeOffset[t] + layout.JudgesPerTeam[t];
        }
        _teamCoins = new double[layout.Teams.Count];
        _judgeCoins = new double[_judgeOffset[^1]];
        _categoryCoins = new double[layout.CategoryNames.Count];
        _roundStart = scenario.WarmupDays;
        _roundTypeCoins = _market.TypeCoins();
        _categoryJudges = JudgesOn(takes);
    }

    /// <summary>Each type's coins before any round (<see cref="ScoringSpec.StartingCoins"/>), in type order.</summary>
    public static double[] BaseCoins(Scenarios.Scenario scenario) => [.. scenario.CaseTypes.Select(scenario.Scoring.StartingCoins)];

    /// <summary>The day the first round ends, or infinity when the coins are never re-balanced.</summary>
    internal double FirstRoundEnd =>
        _layout.Scenario.Scoring.RebalanceEveryDays > 0 ? _roundStart + _layout.Scenario.Scoring.RebalanceEveryDays : double.PositiveInfinity;

    /// <summary>Coins each team earned in the window.</summary>
    public ReadOnlySpan<double> TeamCoins => _teamCoins;

    /// <summary>A closure at <paramref name="now"/>: inside the window it earns its type's coins now.</summary>
    internal void Closed(int team, int judge, int type, double now)
    {
        if (now < _layout.Scenario.WarmupDays)
        {
            return;
        }
        var coins = _market.CoinsOf(type);
        _teamCoins[team] += coins;
        _judgeCoins[_judgeOffset[team] + judge] += coins;
        _categoryCoins[_layout.TypeCategory[type]] += coins;
    }

    /// <summary>
    /// Ends the round at <paramref name="now"/>: records it, re-prices, and plans the next round's moves (applied by
    /// the caller, which then calls <see cref="StartRound"/>).
    /// </summary>
    internal List<SpecialtyMove> EndRound(double now, Func<int, int, bool> takes, Func<int, int, bool> accepts, Func<int, int, int> pending)
    {
        _finished.Add(Snapshot(now));
        var factors = _market.Reprice(_categoryCoins, _categoryJudges);
        var moves = new List<SpecialtyMove>();
        if (_layout.Scenario.Scoring.Moves is { } limits)
        {
            var projected = _categoryCoins.Select((c, i) => c * factors[i]).ToArray();
            var teams = Enumerable.Range(0, _layout.Teams.Count).Select(t => new MovableTeam(
                t, _layout.JudgesPerTeam[t], _layout.Teams[t].Members.Values.Sum(),
                [.. Enumerable.Range(0, _categoryCoins.Length).Where(c => takes(t, c))],
                c => accepts(t, c), c => pending(t, c))).ToList();
            moves = CoinMarket.PlanMoves(limits, _layout.CategoryNames, projected, teams);
        }
        Array.Clear(_judgeCoins);
        Array.Clear(_categoryCoins);
        _roundStart = now;
        _roundMoves = moves;
        return moves;
    }

    /// <summary>Starts a round with the teams' specialties as they now are.</summary>
    internal void StartRound(Func<int, int, bool> takes)
    {
        _roundTypeCoins = _market.TypeCoins();
        _categoryJudges = JudgesOn(takes);
    }

    /// <summary>Every round of the window, the last (still open at <paramref name="end"/>) included.</summary>
    public IReadOnlyList<CoinRound> Rounds(double end) => [.. _finished, Snapshot(end)];

    private CoinRound Snapshot(double end)
    {
        var months = (end - _roundStart) / (SimulationYear.Days / 12);
        return new CoinRound(
            _finished.Count,
            _roundStart,
            end,
            _roundTypeCoins,
            [.. _categoryJudges],
            [.. _categoryCoins],
            [.. _judgeCoins.Select(c => months > 0 ? c / months : 0.0)],
            _roundMoves);
    }

    /// <summary>Judge-equivalents on each specialty: a team's judges split evenly over the specialties it takes.</summary>
    private double[] JudgesOn(Func<int, int, bool> takes)
    {
        var judges = new double[_categoryCoins.Length];
        for (var t = 0; t < _layout.Teams.Count; t++)
        {
            var on = Enumerable.Range(0, judges.Length).Where(c => takes(t, c)).ToList();
            foreach (var c in on)
            {
                judges[c] += (double)_layout.JudgesPerTeam[t] / on.Count;
            }
        }
        return judges;
    }
}

/// <summary>
/// One round of the coins: its days, each type's coins in force, each specialty's judge-equivalents and coins earned,
/// each judge's coins per month (judges in court order), and the moves made at its start.
/// </summary>
[GenerateSerializer, Immutable, Alias("docket.sim.coin-round")]
public sealed record CoinRound(
    [property: Id(0)] int Index,
    [property: Id(1)] double FromDay,
    [property: Id(2)] double ToDay,
    [property: Id(3)] IReadOnlyList<double> TypeCoins,
    [property: Id(4)] IReadOnlyList<double> CategoryJudges,
    [property: Id(5)] IReadOnlyList<double> CategoryCoins,
    [property: Id(6)] IReadOnlyList<double> JudgeMonthlyCoins,
    [property: Id(7)] IReadOnlyList<SpecialtyMove> Moves);
