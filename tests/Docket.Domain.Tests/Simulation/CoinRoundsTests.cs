using CsCheck;
using Docket.Domain.Balance;
using Docket.Domain.Scenarios;
using Docket.Domain.Simulation;
using Docket.Domain.Statistics;
using Docket.Domain.Tests.Scenarios;
using Docket.Domain.Tests.Support;

namespace Docket.Domain.Tests.Simulation;

/// <summary>
/// Linshu's coin rounds in the simulator (case 163), on the sample scenarios/linshu-pull.yaml: the rounds, their
/// prices within the scenario's bounds, the spread of the judges' monthly coins falling, and teams moving between
/// specialties — a team that left a specialty receives none of its new cases, and no specialty falls below its
/// minimum of judges.
/// </summary>
public sealed class CoinRoundsTests
{
    private static readonly Scenario s_linshu =
        ScenarioLoader.LoadFile(Path.Combine(ScenarioTestSupport.RepoRoot(), "scenarios", "linshu-pull.yaml")).Scenario!;

    [Fact]
    public void The_linshu_sample_has_four_rounds_after_its_starting_prices_and_its_spread_falls_from_3x()
    {
        var (_, summary) = TestCourts.Run(s_linshu);
        var rounds = summary.Scores.Rounds;

        Assert.Equal([0, 1, 2, 3, 4], rounds.Select(r => r.Round));
        Assert.Equal(s_linshu.WarmupDays, rounds[0].FromDay);
        Assert.Equal(s_linshu.Days, rounds[^1].ToDay);
        Assert.True(rounds[0].Spread >= 3, $"spread before the rounds {rounds[0].Spread}");
        Assert.True(rounds[^1].Spread < rounds[0].Spread / 1.5, $"spread {rounds[0].Spread} → {rounds[^1].Spread}");
        Assert.Equal(0, rounds[0].Moves);
        Assert.Equal(summary.Scores.Moves, rounds.Sum(r => r.Moves));
        Assert.True(summary.Scores.Moves > 0);
        // The starting prices are the scenario's.
        Assert.Equal(s_linshu.Scoring.Coins["commercial"], rounds[0].Coins["commercial"]);
    }

    [Fact]
    public void The_same_scenario_and_seed_give_the_same_rounds()
    {
        var first = TestCourts.Run(s_linshu).Summary.Scores;
        var second = TestCourts.Run(s_linshu).Summary.Scores;

        Assert.Equal(SummaryJson.Serialize(first), SummaryJson.Serialize(second));
    }

    [Fact]
    public void Every_round_keeps_prices_in_bounds_and_moves_keep_teams_out_of_what_they_left_and_specialties_staffed()
    {
        Gen.UInt[1, 100_000].Sample(seed =>
        {
            var scenario = s_linshu with { Seed = seed };
            var (simulation, _) = TestCourts.Run(scenario);
            var layout = simulation.Layout;
            var rounds = simulation.Coins.Rounds(scenario.Days);
            var scoring = scenario.Scoring;
            var limits = scoring.Moves!;

            for (var r = 0; r < rounds.Count; r++)
            {
                foreach (var coins in rounds[r].TypeCoins)
                {
                    Assert.InRange(coins, scoring.MinCoins, scoring.MaxCoins);
                }
                if (r > 0)
                {
                    for (var t = 0; t < rounds[r].TypeCoins.Count; t++)
                    {
                        Assert.InRange(rounds[r].TypeCoins[t] / rounds[r - 1].TypeCoins[t], 1 - scoring.MaxChangePerRound - 1e-9, 1 + scoring.MaxChangePerRound + 1e-9);
                    }
                }
                Assert.True(rounds[r].Moves.Count <= limits.PerRound);
            }

            // Each team's specialties through the rounds, from the scenario's accepts: after each round's moves.
            var on = layout.Teams.Select(t => t.Accepts.Select(type => layout.TypeCategory[type]).ToHashSet()).ToArray();
            int JudgesOn(int category) => Enumerable.Range(0, on.Length).Where(t => on[t].Contains(category)).Sum(t => layout.JudgesPerTeam[t]);
            var timeline = new List<(double From, HashSet<int>[] On)> { (double.NegativeInfinity, [.. on.Select(s => s.ToHashSet())]) };
            foreach (var round in rounds)
            {
                var before = Enumerable.Range(0, layout.CategoryNames.Count).Select(JudgesOn).ToArray();
                foreach (var move in round.Moves)
                {
                    Assert.Contains(move.From, on[move.Team]);
                    Assert.DoesNotContain(move.To, on[move.Team]);
                    on[move.Team].Remove(move.From);
                    on[move.Team].Add(move.To);
                }
                for (var c = 0; c < before.Length; c++)
                {
                    Assert.True(JudgesOn(c) >= Math.Min(before[c], limits.MinJudges), $"{layout.CategoryNames[c]}: {before[c]} judges → {JudgesOn(c)}");
                }
                timeline.Add((round.FromDay, [.. on.Select(s => s.ToHashSet())]));
            }
            foreach (ref readonly var c in simulation.Cases)
            {
                if (double.IsNaN(c.Assigned) || c.Team < 0)
                {
                    continue;
                }
                var assigned = c.Assigned;
                var then = timeline.Last(p => p.From <= assigned).On;
                Assert.True(then[c.Team].Contains(layout.TypeCategory[c.Type]),
                    $"team {layout.Teams[c.Team].Id} was given a {layout.CategoryNames[layout.TypeCategory[c.Type]]} case on day {assigned}, not its specialty then");
            }
        }, iter: 4);
    }

    [Fact]
    public void Without_rebalancing_the_window_is_one_round_at_the_starting_prices_and_nobody_moves()
    {
        var scenario = s_linshu with { Scoring = s_linshu.Scoring with { RebalanceEveryDays = 0, Moves = null } };

        var rounds = TestCourts.Run(scenario).Summary.Scores.Rounds;

        var only = Assert.Single(rounds);
        Assert.Equal(CoinRounds.BaseCoins(scenario), scenario.CaseTypes.Select(t => only.Coins[t.Id]));
        Assert.Equal(0, only.Moves);
    }
}
