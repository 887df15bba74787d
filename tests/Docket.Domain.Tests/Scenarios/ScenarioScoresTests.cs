using static Docket.Domain.Tests.Scenarios.ScenarioTestSupport;

namespace Docket.Domain.Tests.Scenarios;

/// <summary>
/// <c>scores:</c> (docs/scenarios.md): the coins' bounds, the change limit per round and the moves between
/// specialties are read, and a bad value is reported at its node, naming the field.
/// </summary>
public sealed class ScenarioScoresTests
{
    private const string Court = """
        name: v
        case_types:
          - { id: a, category: civil, weight: 2, effort: { judge: { dist: exponential, mean_hours: 10 } } }
          - { id: b, category: family, effort: { judge: { dist: exponential, mean_hours: 10 } } }
        teams: [ { id: t, count: 4, members: { judge: 1 }, accepts: [a, b] } ]
        """;

    [Fact]
    public void Bounds_change_limit_and_moves_are_read()
    {
        var scoring = LoadValid(Court + """

            scores:
              rebalance_every_days: 91
              min_coins: 0.5
              max_coins: 4
              max_change_per_round: 0.25
              moves: { specialties: [civil, family], per_round: 3, min_judges: 2 }
            """).Scoring;

        Assert.Equal(0.5, scoring.MinCoins);
        Assert.Equal(4, scoring.MaxCoins);
        Assert.Equal(0.25, scoring.MaxChangePerRound);
        Assert.Equal(new[] { "civil", "family" }, scoring.Moves!.Specialties);
        Assert.Equal(3, scoring.Moves.PerRound);
        Assert.Equal(2, scoring.Moves.MinJudges);
    }

    [Fact]
    public void Without_the_new_keys_the_coins_are_unbounded_and_nobody_moves()
    {
        var scoring = LoadValid(Court + "\nscores: { rebalance_every_days: 91 }").Scoring;

        Assert.Equal(0, scoring.MinCoins);
        Assert.Equal(double.PositiveInfinity, scoring.MaxCoins);
        Assert.Equal(double.PositiveInfinity, scoring.MaxChangePerRound);
        Assert.Null(scoring.Moves);
    }

    [Fact]
    public void Max_coins_below_min_coins_is_reported_at_max_coins()
    {
        AssertErrorAt(Court + "\nscores: { min_coins: 3, max_coins: »2 }", "scores.max_coins", "must be at least min_coins (3)");
    }

    [Fact]
    public void A_starting_price_outside_the_bounds_names_the_type_and_the_bound()
    {
        AssertErrorAt(Court + "\nscores: { coins: { a: »9 }, max_coins: 5 }", "scores.coins.a", "starts outside the bounds", "max_coins is 5");
        // b is not priced: it starts at its weight, 1, under min_coins.
        AssertErrorAt(Court + "\nscores: { min_coins: »1.5 }", "scores.min_coins", "case type 'b' starts at 1 coins");
    }

    [Fact]
    public void A_change_limit_of_zero_or_less_is_rejected()
    {
        AssertErrorAt(Court + "\nscores: { max_change_per_round: »0 }", "scores.max_change_per_round");
    }

    [Fact]
    public void Moves_need_rounds_known_distinct_specialties_a_limit_and_a_minimum_of_one_judge()
    {
        AssertErrorAt(Court + "\nscores: { moves: »{ specialties: [civil, family], per_round: 2 } }", "scores.moves", "set rebalance_every_days");
        AssertErrorAt(Court + "\nscores: { rebalance_every_days: 30, moves: { specialties: [civil, »crime], per_round: 2 } }",
            "scores.moves.specialties[1]", "'crime' is not a case category (categories: civil, family)");
        AssertErrorAt(Court + "\nscores: { rebalance_every_days: 30, moves: { specialties: »[civil], per_round: 2 } }",
            "scores.moves.specialties", "at least two");
        AssertErrorAt(Court + "\nscores: { rebalance_every_days: 30, moves: { specialties: [civil, »civil], per_round: 2 } }",
            "scores.moves.specialties[1]", "listed twice");
        AssertErrorAt(Court + "\nscores: { rebalance_every_days: 30, moves: »{ specialties: [civil, family] } }", "per_round");
        AssertErrorAt(Court + "\nscores: { rebalance_every_days: 30, moves: { specialties: [civil, family], per_round: 2, min_judges: »0 } }",
            "scores.moves.min_judges");
        AssertErrorAt(Court + "\nscores: { rebalance_every_days: 30, moves: { specialties: [civil, family], per_round: 2, »max: 1 } }",
            "unknown key 'max' in scores.moves");
    }
}
