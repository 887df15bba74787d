using CsCheck;
using Docket.Domain.Balance;

namespace Docket.Domain.Tests.Balance;

/// <summary>
/// Linshu's coins as a market (case 163): each round a specialty's price is scaled by (court pay ÷ its pay) ^
/// sensitivity within the scenario's bounds, and teams move from the worst-paid specialty to the best-paid within the
/// moves' limits.
/// </summary>
public sealed class CoinMarketTests
{
    private static readonly ScoringSpec s_free = ScoringSpec.Default with { Sensitivity = 1 };

    [Fact]
    public void The_best_paid_specialty_is_priced_down_and_the_worst_paid_up()
    {
        // Types 0 and 1 in specialties 0 and 1; 10 judges each; specialty 0 earned 300 coins, specialty 1 100.
        var market = new CoinMarket(s_free, [2.0, 1.0], [0, 1], [false, false]);

        var factors = market.Reprice([300, 100], [10, 10]);

        // Court pay 20 a judge; specialty 0 paid 30, specialty 1 paid 10.
        Assert.Equal(20.0 / 30, factors[0], 12);
        Assert.Equal(20.0 / 10, factors[1], 12);
        Assert.Equal(2.0 * 20 / 30, market.CoinsOf(0), 12);
        Assert.Equal(2.0, market.CoinsOf(1), 12);
    }

    [Fact]
    public void The_sensitivity_is_the_exponent_of_the_pay_ratio()
    {
        var market = new CoinMarket(ScoringSpec.Default with { Sensitivity = 0.5 }, [1.0, 1.0], [0, 1], [false, false]);

        market.Reprice([300, 100], [10, 10]);

        Assert.Equal(Math.Sqrt(20.0 / 30), market.Multipliers[0], 12);
        Assert.Equal(Math.Sqrt(2.0), market.Multipliers[1], 12);
    }

    [Fact]
    public void The_fast_track_is_the_unit_and_keeps_its_price()
    {
        var market = new CoinMarket(s_free, [1.0, 2.0], [0, 1], [true, false]);

        market.Reprice([600, 100], [10, 10]);

        Assert.Equal(1.0, market.CoinsOf(0));
        Assert.Equal(2.0 * 35 / 10, market.CoinsOf(1), 12);
    }

    [Fact]
    public void A_specialty_that_earned_nothing_or_has_no_judges_keeps_its_price()
    {
        var market = new CoinMarket(s_free, [1.0, 1.0, 1.0], [0, 1, 2], [false, false, false]);

        market.Reprice([0, 100, 50], [5, 0, 5]);

        Assert.Equal(1.0, market.Multipliers[0]);
        Assert.Equal(1.0, market.Multipliers[1]);
        Assert.NotEqual(1.0, market.Multipliers[2]);
    }

    [Fact]
    public void A_round_changes_a_price_by_at_most_the_limit_and_within_the_bounds()
    {
        var limited = s_free with { MaxChangePerRound = 0.25 };
        var market = new CoinMarket(limited, [1.0, 1.0], [0, 1], [false, false]);

        market.Reprice([900, 100], [10, 10]);

        Assert.Equal(0.75, market.Multipliers[0], 12);
        Assert.Equal(1.25, market.Multipliers[1], 12);

        var bounded = new CoinMarket(s_free with { MinCoins = 0.8, MaxCoins = 3 }, [1.0, 2.0], [0, 1], [false, false]);
        bounded.Reprice([900, 10], [10, 10]);

        Assert.Equal(0.8, bounded.CoinsOf(0), 12);
        Assert.Equal(3.0, bounded.CoinsOf(1), 12);
    }

    [Fact]
    public void The_spread_is_the_90th_over_the_10th_percentile_by_nearest_rank()
    {
        // 26 judges paid 1..26 coins a month: the third highest (24) over the third lowest (3).
        var coins = Enumerable.Range(1, 26).Select(i => (double)i).Reverse().ToList();

        Assert.Equal(24.0 / 3, CoinMarket.Spread(coins)!.Value, 12);
        Assert.Null(CoinMarket.Spread([0, 0, 5, 6, 7, 8, 9, 10, 11, 12]));
        Assert.Null(CoinMarket.Spread([]));
    }

    [Fact]
    public void A_team_of_the_worst_paid_specialty_moves_to_the_best_paid_one_with_the_fewest_pending_first()
    {
        var moves = new SpecialtyMoves(["a", "b"], PerRound: 5, MinJudges: 1);
        // Specialty a: 3 teams, 30 coins (10 a judge); b: 1 team, 30 coins (30 a judge). Team 2 has the fewest pending in a.
        int[] pending = [4, 3, 1, 0];
        var teams = new[] { 0, 0, 0, 1 }.Select((c, t) => new MovableTeam(t, 1, 3, [c], _ => true, cat => cat == c ? pending[t] : 0)).ToList();

        var planned = CoinMarket.PlanMoves(moves, ["a", "b"], [30, 30], teams);

        // One move makes a 15 and b 15; a second would make b the worse paid.
        var move = Assert.Single(planned);
        Assert.Equal(new SpecialtyMove(2, 0, 1, 1, 3), move);
    }

    [Fact]
    public void Moves_stop_at_the_limit_per_round_and_never_take_a_specialty_below_its_minimum()
    {
        var teams = Enumerable.Range(0, 6).Select(t => new MovableTeam(t, 1, 2, [t < 5 ? 0 : 1], _ => true, _ => 0)).ToList();

        Assert.Equal(2, CoinMarket.PlanMoves(new SpecialtyMoves(["a", "b"], 2, 1), ["a", "b"], [5, 100], teams).Count);
        // a has 5 judges and must keep 4: one move only.
        Assert.Single(CoinMarket.PlanMoves(new SpecialtyMoves(["a", "b"], 10, 4), ["a", "b"], [5, 100], teams));
        // A team that may not take b does not move.
        var barred = teams.Select(t => t with { MayTake = c => c != 1 }).ToList();
        Assert.Empty(CoinMarket.PlanMoves(new SpecialtyMoves(["a", "b"], 10, 1), ["a", "b"], [5, 100], barred));
    }

    [Fact]
    public void Every_round_keeps_every_price_within_the_bounds_and_the_change_limit()
    {
        Gen.Select(Gen.Double[0.1, 2].Array[1, 5], Gen.Double[0, 2], Gen.Double[0.05, 1.5], Gen.Double[0, 3], Gen.Int[1, 8])
            .Sample((bases, lowest, change, sensitivity, rounds) =>
            {
                var min = Math.Min(lowest, bases.Min());
                var max = bases.Max() * 1.5;
                var spec = ScoringSpec.Default with { MinCoins = min, MaxCoins = max, MaxChangePerRound = change, Sensitivity = sensitivity };
                var categories = bases.Length;
                var market = new CoinMarket(spec, bases, [.. Enumerable.Range(0, categories)], new bool[categories]);
                var random = new Random(bases.Length + rounds);
                for (var r = 0; r < rounds; r++)
                {
                    var before = market.TypeCoins();
                    market.Reprice([.. Enumerable.Range(0, categories).Select(_ => random.NextDouble() * 100)],
                        [.. Enumerable.Range(0, categories).Select(_ => (double)random.Next(0, 6))]);
                    var after = market.TypeCoins();
                    for (var t = 0; t < categories; t++)
                    {
                        Assert.InRange(after[t], min - 1e-9, max + 1e-9);
                        Assert.InRange(after[t] / before[t], Math.Max(0, 1 - change) - 1e-9, 1 + change + 1e-9);
                    }
                }
            });
    }

    [Fact]
    public void Moves_never_leave_a_specialty_below_its_minimum_nor_move_more_than_allowed()
    {
        Gen.Select(Gen.Int[1, 3].Array[2, 12], Gen.Int[0, 3].Array[2, 12], Gen.Double[0, 100].Array[4], Gen.Int[1, 6], Gen.Int[1, 4])
            .Sample((judges, homes, coins, perRound, minJudges) =>
            {
                var n = Math.Min(judges.Length, homes.Length);
                string[] names = ["a", "b", "c", "d"];
                var teams = Enumerable.Range(0, n).Select(t => new MovableTeam(t, judges[t], judges[t] + 1, [homes[t]], _ => true, _ => t)).ToList();
                var limits = new SpecialtyMoves(names, perRound, minJudges);
                var before = new int[4];
                for (var t = 0; t < n; t++)
                {
                    before[homes[t]] += judges[t];
                }

                var planned = CoinMarket.PlanMoves(limits, names, coins, teams);

                Assert.True(planned.Count <= perRound);
                var on = homes.Take(n).ToArray();
                foreach (var move in planned)
                {
                    Assert.Equal(on[move.Team], move.From);
                    Assert.NotEqual(move.From, move.To);
                    on[move.Team] = move.To;
                }
                for (var c = 0; c < 4; c++)
                {
                    var after = Enumerable.Range(0, n).Where(t => on[t] == c).Sum(t => judges[t]);
                    Assert.True(after >= Math.Min(before[c], minJudges), $"specialty {names[c]}: {before[c]} judges before, {after} after, minimum {minJudges}");
                }
            });
    }
}
