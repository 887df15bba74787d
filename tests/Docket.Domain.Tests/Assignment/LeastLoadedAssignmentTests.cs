using Docket.Domain.Assignment;
using Docket.Domain.Randomness;

namespace Docket.Domain.Tests.Assignment;

public sealed class LeastLoadedAssignmentTests
{
    private static readonly RandomStream s_unused = new(0);

    [Fact]
    public void Least_loaded_picks_the_team_with_the_least_weighted_pending_work_not_the_fewest_cases()
    {
        // Type 0 weighs 1 (ordinary), type 1 weighs 0.25 (simple, case 155), both in one category.
        var board = Boards.Alike(3, typeCategory: [0, 0], typeWeight: [1.0, 0.25]);
        var policy = Boards.Create(AssignmentPolicyKind.LeastLoaded, board);
        board.Assign(0, 0);                 // 1.0 in one case
        board.Assign(1, 1);
        board.Assign(1, 1);
        board.Assign(1, 1);                 // 0.75 in three cases
        board.Assign(2, 0);
        board.Assign(2, 0);                 // 2.0

        Assert.Equal(1, policy.Choose(0, s_unused));
        Assert.Equal(0.75, board.PendingWork(1), 12);
    }

    [Fact]
    public void Least_loaded_counts_pending_work_over_all_categories()
    {
        var board = Boards.Alike(2, typeCategory: [0, 1]);
        var policy = Boards.Create(AssignmentPolicyKind.LeastLoaded, board);
        board.Assign(0, 1);

        Assert.Equal(1, policy.Choose(0, s_unused));
    }

    [Fact]
    public void Least_loaded_breaks_a_tie_in_pending_work_by_fewest_cases_assigned_in_the_category()
    {
        var board = Boards.Alike(3, typeCategory: [0, 1]);
        var policy = Boards.Create(AssignmentPolicyKind.LeastLoaded, board);
        // All three end with no pending work. Category 0 lifetime counts: 2, 1, 3; category 1: 0, 5, 0.
        Give(board, team: 0, type: 0, times: 2);
        Give(board, team: 1, type: 0, times: 1);
        Give(board, team: 2, type: 0, times: 3);
        Give(board, team: 1, type: 1, times: 5);

        Assert.Equal(1, policy.Choose(0, s_unused));
        Assert.Equal(0, policy.Choose(1, s_unused));
    }

    [Fact]
    public void Least_loaded_breaks_a_full_tie_by_the_lowest_team_number()
    {
        var board = Boards.Alike(4);
        var policy = Boards.Create(AssignmentPolicyKind.LeastLoaded, board);
        board.SetAbsent(0, true);
        Give(board, team: 1, type: 0, times: 1);

        Assert.Equal(2, policy.Choose(0, s_unused));
    }

    [Fact]
    public void Least_loaded_fills_teams_evenly_when_cases_stay_pending()
    {
        var policy = Boards.Create(AssignmentPolicyKind.LeastLoaded, Boards.Alike(3));

        Assert.Equal([0, 1, 2, 0, 1, 2, 0], Boards.Assign(policy, 0, 7, s_unused));
    }

    [Fact]
    public void Least_loaded_skips_a_less_loaded_team_at_its_cap()
    {
        var board = Boards.Of([0, 1], Boards.Team("a", [0, 1], cap: 1), Boards.Team("b", [0, 1]));
        var policy = Boards.Create(AssignmentPolicyKind.LeastLoaded, board);
        board.Assign(0, 0);
        board.Assign(1, 0);
        board.Assign(1, 0);

        Assert.Equal(1, policy.Choose(0, s_unused));
        // The cap is per category: team a still takes the other category's case.
        Assert.Equal(0, policy.Choose(1, s_unused));
    }

    [Fact]
    public void Least_loaded_agrees_with_a_brute_force_search_through_any_sequence_of_changes()
    {
        // Assignments, closures and absences in random order; after each, the heap's pick must be the true minimum.
        int[] categories = [0, 0, 1, 2];
        double[] weights = [1.0, 0.3, 0.25, 2.0];
        var random = new RandomStream(31);
        var teams = Enumerable.Range(0, 9).Select(t => Boards.Team($"t-{t}",
            [.. Enumerable.Range(0, 4).Where(type => ((t + 1) >> type & 1) == 1 || t == 8)],
            cap: t % 3 == 0 ? null : 2 + (t % 3))).ToArray();
        var board = new TeamBoard(teams, categories, weights, defaultCap: 4);
        var policy = Boards.Create(AssignmentPolicyKind.LeastLoaded, board);
        var open = new List<(int Team, int Type)>();

        for (var step = 0; step < 20_000; step++)
        {
            var type = random.Next(4);
            Assert.Equal(BruteForce(board, type), policy.Choose(type, random));
            var roll = random.NextDouble();
            if (roll < 0.5)
            {
                var team = policy.Choose(type, random);
                if (team >= 0)
                {
                    board.Assign(team, type);
                    open.Add((team, type));
                }
            }
            else if (roll < 0.9 && open.Count > 0)
            {
                var i = random.Next(open.Count);
                board.Close(open[i].Team, open[i].Type);
                open.RemoveAt(i);
            }
            else
            {
                var team = random.Next(teams.Length);
                board.SetAbsent(team, !board.IsAbsent(team));
            }
        }
    }

    private static int BruteForce(TeamBoard board, int type)
    {
        var category = board.CategoryOf(type);
        var best = -1;
        for (var team = 0; team < board.TeamCount; team++)
        {
            if (!board.Accepts(team, type) || board.IsAbsent(team) || board.Pending(team, category) >= board.CapOf(team))
            {
                continue;
            }
            if (best < 0)
            {
                best = team;
                continue;
            }
            var (w, wb) = (board.PendingWork(team), board.PendingWork(best));
            if (Math.Abs(w - wb) > 1e-9 ? w < wb : board.AssignedInCategory(team, category) < board.AssignedInCategory(best, category))
            {
                best = team;
            }
        }
        return best;
    }

    private static void Give(TeamBoard board, int team, int type, int times)
    {
        for (var i = 0; i < times; i++)
        {
            board.Assign(team, type);
            board.Close(team, type);
        }
    }
}
