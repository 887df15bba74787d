using Docket.Domain.Assignment;
using Docket.Domain.Randomness;

namespace Docket.Domain.Tests.Assignment;

/// <summary>
/// The rules every policy obeys, checked through long random sequences of arrivals, closures and absences against a
/// model of the board kept by the test itself: a policy never returns a team that does not accept the type, is away or
/// is at its cap, and returns -1 exactly when no team can take the case.
/// </summary>
public sealed class PolicyRulesTests
{
    public static TheoryData<string> Policies => new()
    {
        "random", "weighted_random", "weighted_random_leader_share", "round_robin", "least_loaded", "pull", "deck", "designated",
    };

    /// <summary>Types 0–1 are category 0, types 2–3 category 1, type 4 (category 2) no team accepts.</summary>
    private static readonly int[] s_categories = [0, 0, 1, 1, 2];

    private static readonly double[] s_weights = [1.0, 0.3, 2.0, 0.25, 1.0];

    private static BoardTeam[] Teams() =>
    [
        Boards.Team("all", [0, 1, 2, 3], cap: 2),
        Boards.Team("only-0", [0]),
        Boards.Team("1-and-2", [1, 2], cap: 1, coefficient: 1.6),
        Boards.Team("only-3", [3], judges: 2, coefficient: 2.6),
        Boards.Team("0-and-3", [0, 3], cap: 5),
        Boards.Team("nothing", []),
        Boards.Team("head", [0, 1, 2, 3], leader: true, coefficient: 2.1),
        Boards.Team("president", [2], judges: 2, leader: true, chief: true, cap: 2),
        Boards.Team("head-0", [0, 1], leader: true, cap: 1),
    ];

    private static Func<int, RandomStream, int> Chooser(string policy, TeamBoard board)
    {
        switch (policy)
        {
            case "designated":
                var designated = new DesignatedAssignment(board);
                return (type, _) => designated.Choose(type);
            case "weighted_random_leader_share":
                return new WeightedRandomAssignment(board, WeightBasis.LeaderShare, 1.15).Choose;
            default:
                return Boards.Create(AssignmentPolicyNames.Parse(policy)!.Value, board).Choose;
        }
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void A_policy_never_returns_a_team_that_cannot_take_the_case_and_returns_minus_one_only_when_none_can(string policy)
    {
        var teams = Teams();
        var board = new TeamBoard(teams, s_categories, s_weights, defaultCap: 3);
        var choose = Chooser(policy, board);
        var random = new RandomStream(StreamKey.Of(policy));
        var walk = new RandomStream(61);
        // The test's own model of the board.
        var pending = new int[teams.Length, 3];
        var absent = new bool[teams.Length];
        var open = new List<(int Team, int Type)>();
        var (assignments, refusals) = (0, 0);

        for (var step = 0; step < 30_000; step++)
        {
            var roll = walk.NextDouble();
            if (roll < 0.55)
            {
                var type = walk.Next(s_categories.Length);
                var team = choose(type, random);
                var canTake = Enumerable.Range(0, teams.Length)
                    .Where(t => CanTake(t, type) && (policy != "designated" || teams[t].Leader)).ToList();
                if (team < 0)
                {
                    Assert.True(canTake.Count == 0, $"step {step}: -1 for type {type} although teams [{string.Join(", ", canTake)}] could take it");
                    refusals += type == 4 ? 0 : 1;
                    continue;
                }
                Assert.True(teams[team].Accepts.Contains(type), $"step {step}: team {team} does not accept type {type}");
                Assert.False(absent[team], $"step {step}: team {team} is away");
                Assert.True(pending[team, s_categories[type]] < (teams[team].Cap ?? 3), $"step {step}: team {team} is at its cap");
                Assert.Contains(team, canTake);
                board.Assign(team, type);
                pending[team, s_categories[type]]++;
                open.Add((team, type));
                assignments++;
            }
            else if (roll < 0.93 && open.Count > 0)
            {
                var i = walk.Next(open.Count);
                board.Close(open[i].Team, open[i].Type);
                pending[open[i].Team, s_categories[open[i].Type]]--;
                open.RemoveAt(i);
            }
            else
            {
                var team = walk.Next(teams.Length);
                absent[team] = !absent[team];
                board.SetAbsent(team, absent[team]);
            }
        }

        // The walk reached both outcomes often, refusals of types some team accepts included.
        Assert.True(refusals > 100, $"only {refusals} refusals");
        Assert.True(assignments > 5_000, $"only {assignments} assignments");

        bool CanTake(int t, int type) =>
            teams[t].Accepts.Contains(type) && !absent[t] && pending[t, s_categories[type]] < (teams[t].Cap ?? 3);
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void A_policy_returns_minus_one_for_a_type_no_team_accepts(string policy)
    {
        var board = new TeamBoard(Teams(), s_categories, s_weights, defaultCap: 3);

        Assert.Equal(-1, Chooser(policy, board)(4, new RandomStream(62)));
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void A_policy_gives_an_absent_team_nothing(string policy)
    {
        var board = new TeamBoard(Teams(), s_categories, s_weights);
        var choose = Chooser(policy, board);
        var random = new RandomStream(63);
        board.SetAbsent(6, true);

        for (var i = 0; i < 2_000; i++)
        {
            var type = i % 4;
            var team = choose(type, random);
            Assert.NotEqual(6, team);
            if (team >= 0)
            {
                board.Assign(team, type);
                board.Close(team, type);
            }
        }
    }
}
