using CsCheck;
using Docket.Domain.Assignment;
using Docket.Domain.Randomness;

namespace Docket.Domain.Tests.Assignment;

/// <summary>
/// The indexes behind least_loaded and the designation (issue 16, item 2) against the rules read straight off the
/// board: through random sequences of assignments by the policy and by hand, closures, absences and returns (a
/// return raises the team's count received to its peers' mean), on pools with caps, with weights that sum exactly, that
/// drift (0.1, 0.3), that have no common unit, and with works too large for the least-loaded tree's keys, both
/// indexes listening to one board as a court's router has them, every choice must be the reference's. Pools of 1–70
/// teams, about half of them leader-led, give the designation both its scan (at most
/// <see cref="DesignatedAssignment.ScanLimit"/> leader-led teams a type) and its columns.
/// </summary>
public sealed class LoadIndexPropertyTests
{
    /// <summary>Workload weights of the four case types (types 0–1 in category 0, 2–3 in category 1).</summary>
    private static readonly double[][] s_weights =
    [
        [1.0, 1.5, 0.5, 2.0],      // the benchmark's: halves
        [1.0, 0.3, 0.25, 2.0],     // twentieths; 0.3 drifts
        [0.1, 0.3, 0.7, 1.1],      // tenths, all drifting
        [1.0, 1.0, 1.0, 1.0],      // every work a whole number: many ties
        [1.0, 1.0 / 3, 0.2, 1.75], // sixtieths
        [1.0, Math.PI / 3, Math.E / 7, 0.5], // no common unit: least_loaded keeps heaps
    ];

    private static readonly int[] s_categories = [0, 0, 1, 1];

    [Fact]
    public void Least_loaded_and_designated_choose_as_a_scan_of_the_board_through_any_sequence_of_changes()
    {
        Gen.Select(Gen.Int[0, s_weights.Length - 1], Gen.Int[1, 70], Gen.Int[0, 3], Gen.ULong)
            .Sample((weights, teams, capKind, seed) => Run(s_weights[weights], s_categories, teams, capKind, seed, steps: 3_000), iter: 200);
    }

    /// <summary>
    /// Nine case types in three categories (least_loaded's tree then keeps three vectors of lanes, the last one padded)
    /// and pools of up to 600 teams (trees ten levels deep; the designation's columns up to about 250 leader-led teams).
    /// </summary>
    [Fact]
    public void Least_loaded_and_designated_choose_as_a_scan_on_large_pools_with_many_case_types()
    {
        double[] weights = [1.0, 1.5, 0.5, 2.0, 0.25, 1.0, 3.0, 0.75, 1.25];
        int[] categories = [0, 0, 0, 1, 1, 1, 2, 2, 2];
        Gen.Select(Gen.Int[100, 600], Gen.Int[0, 3], Gen.ULong)
            .Sample((teams, capKind, seed) => Run(weights, categories, teams, capKind, seed, steps: 2_000), iter: 12);
    }

    [Fact]
    public void Least_loaded_keeps_choosing_as_the_scan_after_a_work_too_large_for_its_keys_turns_it_over_to_heaps()
    {
        // A thousandth is the unit; 2^22 − 1 thousandths of work (4,194.303) no longer fit the key.
        var board = new TeamBoard([.. Enumerable.Range(0, 5).Select(t => Boards.Team($"t-{t}", [0, 1]))], [0, 0], [1.0, 0.001]);
        var policy = (LeastLoadedAssignment)Boards.Create(AssignmentPolicyKind.LeastLoaded, board);
        Assert.Equal(1000, policy.UnitsPerWork);
        for (var i = 0; i < 4_200; i++)
        {
            board.Assign(0, 0);
        }
        board.Assign(1, 1);

        Assert.Equal(0, policy.UnitsPerWork);
        Assert.Equal(2, policy.Choose(0, new RandomStream(0)));
        board.Assign(2, 0);
        board.Assign(3, 1);
        board.Assign(3, 1);
        Assert.Equal(4, policy.Choose(0, new RandomStream(0)));
        board.Assign(4, 0);
        Assert.Equal(1, policy.Choose(1, new RandomStream(0)));
    }

    [Fact]
    public void Least_loaded_keeps_heaps_when_the_weights_have_no_common_unit()
    {
        var board = new TeamBoard([Boards.Team("a", [0, 1]), Boards.Team("b", [0, 1])], [0, 0], [1.0, Math.PI]);

        Assert.Equal(0, ((LeastLoadedAssignment)Boards.Create(AssignmentPolicyKind.LeastLoaded, board)).UnitsPerWork);
    }

    private static void Run(double[] weights, int[] categories, int teamCount, int capKind, ulong seed, int steps)
    {
        var random = new RandomStream(seed);
        var types = weights.Length;
        var teams = new BoardTeam[teamCount];
        for (var t = 0; t < teamCount; t++)
        {
            var accepts = Enumerable.Range(0, types).Where(type => type == t % types || random.Next(3) == 0).ToArray();
            // capKind 0: no caps; 1: the pool's cap of 2; 2: caps of 1–3 on some teams; 3: both.
            int? cap = capKind >= 2 && random.Next(2) == 0 ? 1 + random.Next(3) : null;
            teams[t] = Boards.Team($"t-{t}", accepts, cap, leader: t % 3 == 0 || random.Next(5) == 0);
        }
        var board = new TeamBoard(teams, categories, weights, capKind is 1 or 3 ? 2 : null);
        for (var t = 0; t < teamCount; t++)
        {
            if (random.Next(8) == 0)
            {
                board.SetAbsent(t, true);
            }
        }
        var leastLoaded = Boards.Create(AssignmentPolicyKind.LeastLoaded, board);
        var designated = new DesignatedAssignment(board);
        var open = new List<(int Team, int Type)>();
        for (var step = 0; step < steps; step++)
        {
            var type = random.Next(types);
            var expected = LeastLoadedScan(board, type);
            Assert.True(expected == leastLoaded.Choose(type, random), $"step {step}, type {type}: least_loaded chose {leastLoaded.Choose(type, random)}, the scan {expected}");
            var leader = DesignatedScan(board, type);
            Assert.True(leader == designated.Choose(type), $"step {step}, type {type}: designated chose {designated.Choose(type)}, the scan {leader}");
            var roll = random.NextDouble();
            if (roll < 0.35)
            {
                Give(board, open, expected, type);
            }
            else if (roll < 0.45)
            {
                Give(board, open, leader, type);
            }
            else if (roll < 0.55)
            {
                // By hand, as a pull, a transfer or a designation elsewhere would: any team that can take it.
                var available = board.Available(type);
                Give(board, open, available.Count == 0 ? -1 : available[random.Next(available.Count)], type);
            }
            else if (roll < 0.92)
            {
                if (open.Count > 0)
                {
                    var i = random.Next(open.Count);
                    board.Close(open[i].Team, open[i].Type);
                    open[i] = open[^1];
                    open.RemoveAt(open.Count - 1);
                }
            }
            else
            {
                var team = random.Next(teamCount);
                board.SetAbsent(team, !board.IsAbsent(team));
            }
        }
    }

    private static void Give(TeamBoard board, List<(int Team, int Type)> open, int team, int type)
    {
        if (team >= 0)
        {
            board.Assign(team, type);
            open.Add((team, type));
        }
    }

    /// <summary>least_loaded as its summary reads: least pending work (within 1e-9), then fewest received in the category, then the lower team.</summary>
    private static int LeastLoadedScan(TeamBoard board, int type)
    {
        var category = board.CategoryOf(type);
        return Enumerable.Range(0, board.TeamCount)
            .Where(t => CanTake(board, t, type))
            .Aggregate(-1, (best, t) =>
            {
                if (best < 0)
                {
                    return t;
                }
                var (w, wb) = (board.PendingWork(t), board.PendingWork(best));
                return (Math.Abs(w - wb) > 1e-9 ? w < wb : board.AssignedInCategory(t, category) < board.AssignedInCategory(best, category)) ? t : best;
            });
    }

    /// <summary>The designation as its summary reads: the leader-led team that can take the type with the least pending work, the first in team order on a tie.</summary>
    private static int DesignatedScan(TeamBoard board, int type) =>
        Enumerable.Range(0, board.TeamCount)
            .Where(t => board.Teams[t].Leader && CanTake(board, t, type))
            .Aggregate(-1, (best, t) => best < 0 || board.PendingWork(t) < board.PendingWork(best) ? t : best);

    /// <summary>Read from the board's counters, not its available sets: accepts the type, present, under its cap.</summary>
    private static bool CanTake(TeamBoard board, int team, int type) =>
        board.Accepts(team, type) && !board.IsAbsent(team) && board.Pending(team, board.CategoryOf(type)) < board.CapOf(team);
}
