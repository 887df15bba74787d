using Docket.Domain.Assignment;
using Docket.Domain.Randomness;

namespace Docket.Domain.Tests.Assignment;

/// <summary>
/// An absent team receives nothing; after its return it is neither punished nor rewarded. Round robin and the deck
/// are neutral case for case; the random policies in distribution. Least loaded is not neutral, by design: it balances
/// pending work and lifetime counts, and the tests below document how a returning team catches up.
/// </summary>
public sealed class AbsenceNeutralityTests
{
    [Fact]
    public void Round_robin_gives_a_returning_team_exactly_its_peers_share_from_its_first_turn_on()
    {
        var board = Boards.Alike(5);
        var policy = Boards.Create(AssignmentPolicyKind.RoundRobin, board);
        var random = new RandomStream(71);
        Boards.Assign(policy, 0, 7, random);
        board.SetAbsent(3, true);
        var away = Boards.Assign(policy, 0, 23, random);
        board.SetAbsent(3, false);
        var back = Boards.Assign(policy, 0, 500, random);

        Assert.DoesNotContain(3, away);
        Assert.All(Boards.Tally(back, 5), count => Assert.Equal(100, count));
        // No burst: at most one case in any five consecutive ones.
        for (var i = 0; i + 5 <= back.Length; i++)
        {
            Assert.True(back.Skip(i).Take(5).Count(t => t == 3) <= 1);
        }
    }

    [Fact]
    public void Deck_discards_an_absent_teams_cards_and_after_its_return_deals_it_what_its_peers_get()
    {
        var board = Boards.Alike(4);
        var deck = new DeckAssignment(board, cardsPerJudge: 2, chiefCards: 1);
        var random = new RandomStream(72);
        Boards.Assign(deck, 0, 13, random, closeAtOnce: true);
        board.SetAbsent(2, true);
        var away = Boards.Assign(deck, 0, 30, random, closeAtOnce: true);
        board.SetAbsent(2, false);
        var back = Boards.Assign(deck, 0, 800, random, closeAtOnce: true);

        Assert.DoesNotContain(2, away);
        // The return falls inside a deck cycle: what is left of that cycle and the last, partial one are each at most
        // 2 cards per team; every cycle in between deals exactly 2 each. So the counts can differ by at most 4.
        var counts = Boards.Tally(back, 4);
        Assert.True(counts.Max() - counts.Min() <= 4, $"counts after return: [{string.Join(", ", counts)}]");
        Assert.InRange(counts[2], 196, 204);
        // No burst right after the return either: it holds at most its 2 cards of each of the next two cycles.
        Assert.True(back.Take(8).Count(t => t == 2) <= 4);
    }

    [Fact]
    public void Deck_neutrality_holds_for_a_two_judge_team_and_the_chief()
    {
        var board = Boards.Of([0],
            Boards.Team("t-1", [0]), Boards.Team("pair", [0], judges: 2), Boards.Team("president", [0], leader: true, chief: true));
        var deck = new DeckAssignment(board, cardsPerJudge: 2, chiefCards: 1);
        var random = new RandomStream(73);
        board.SetAbsent(1, true);
        var away = Boards.Assign(deck, 0, 41, random, closeAtOnce: true);
        board.SetAbsent(1, false);
        var back = Boards.Assign(deck, 0, 700, random, closeAtOnce: true);

        Assert.DoesNotContain(1, away);
        // 7 cards a cycle: 2, 4, 1. 700 cases are 100 cycles, give or take what is left of the cycle at the return.
        var counts = Boards.Tally(back, 3);
        Assert.InRange(counts[0], 200 - 2, 200 + 2);
        Assert.InRange(counts[1], 400 - 4, 400 + 4);
        Assert.InRange(counts[2], 100 - 1, 100 + 1);
    }

    [Theory]
    [InlineData(AssignmentPolicyKind.Random)]
    [InlineData(AssignmentPolicyKind.WeightedRandom)]
    [InlineData(AssignmentPolicyKind.Pull)]
    public void A_random_policy_gives_a_returning_team_its_fair_share_in_distribution(AssignmentPolicyKind kind)
    {
        var board = Boards.Alike(4);
        var policy = Boards.Create(kind, board);
        var random = new RandomStream(74);
        board.SetAbsent(1, true);
        var away = Boards.Assign(policy, 0, 3_000, random, closeAtOnce: true);
        board.SetAbsent(1, false);
        var back = Boards.Assign(policy, 0, 40_000, random, closeAtOnce: true);

        Assert.DoesNotContain(1, away);
        Boards.AssertFits(Boards.Tally(back, 4), [1, 1, 1, 1]);
        // Nor a burst right after the return: the first 400 cases fit the fair share as well.
        Boards.AssertFits(Boards.Tally(back.Take(400), 4), [1, 1, 1, 1]);
    }

    [Fact]
    public void Least_loaded_is_not_neutral_a_returning_team_gets_every_case_until_its_pending_work_reaches_its_peers()
    {
        // Cases stay pending (no closures): peers piled up work while the team was away; least loaded evens it out.
        var board = Boards.Alike(4);
        var policy = Boards.Create(AssignmentPolicyKind.LeastLoaded, board);
        var random = new RandomStream(75);
        Boards.Assign(policy, 0, 8, random);
        board.SetAbsent(3, true);
        var away = Boards.Assign(policy, 0, 30, random);
        board.SetAbsent(3, false);
        var back = Boards.Assign(policy, 0, 20, random);

        Assert.DoesNotContain(3, away);
        // Peers hold 12 cases each, the returning team 2: the next 10 cases all go to it, then the rotation resumes.
        Assert.All(back.Take(10), team => Assert.Equal(3, team));
        Assert.Equal([0, 1, 2, 3, 0, 1, 2, 3, 0, 1], back.Skip(10));
    }

    [Fact]
    public void Least_loaded_gives_a_returning_team_its_turn_in_ties_without_a_catch_up_burst()
    {
        // A steady court: every team keeps 3 cases pending, one closes as soon as one arrives, so pending work is
        // level and the tie-break on cases received in the category decides. On return the team's count is raised to
        // its peers' mean: it is neither given the 10 cases it missed nor left with a lasting discount.
        var board = Boards.Alike(4);
        var policy = Boards.Create(AssignmentPolicyKind.LeastLoaded, board);
        for (var team = 0; team < 4; team++)
        {
            for (var i = 0; i < 3; i++)
            {
                board.Assign(team, 0);
            }
        }
        board.SetAbsent(3, true);
        var away = SteadyArrivals(policy, 30);
        board.SetAbsent(3, false);
        var back = SteadyArrivals(policy, 40);

        Assert.DoesNotContain(3, away);
        Assert.True(back.Take(8).Count(t => t == 3) <= 2, $"first cases after the return: [{string.Join(", ", back.Take(8))}]");
        Assert.All(Enumerable.Range(0, 4), team => Assert.InRange(back.Count(t => t == team), 9, 11));
    }

    /// <summary>Each arriving case is assigned, and the team that received it closes one, so pending work stays level.</summary>
    private static int[] SteadyArrivals(AssignmentPolicy policy, int cases) => [.. Enumerable.Range(0, cases).Select(_ =>
    {
        var team = policy.Choose(0, new RandomStream(0));
        policy.Board.Assign(team, 0);
        policy.Board.Close(team, 0);
        return team;
    })];
}
