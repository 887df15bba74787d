using Docket.Domain.Assignment;
using Docket.Domain.Randomness;

namespace Docket.Domain.Tests.Assignment;

public sealed class DeckAssignmentTests
{
    /// <summary>A one-judge team, a two-judge team, the president's one-judge team, the president's two-judge team, another one-judge team.</summary>
    private static TeamBoard Court(int types = 1, int[]? typeCategory = null) => Boards.Of(typeCategory ?? [0],
        Boards.Team("t-1", [.. Enumerable.Range(0, types)]),
        Boards.Team("pair", [.. Enumerable.Range(0, types)], judges: 2),
        Boards.Team("president", [.. Enumerable.Range(0, types)], leader: true, chief: true),
        Boards.Team("president-pair", [.. Enumerable.Range(0, types)], judges: 2, leader: true, chief: true),
        Boards.Team("t-2", [.. Enumerable.Range(0, types)]));

    [Fact]
    public void A_full_deck_gives_each_judge_cards_per_judge_cards_and_the_chief_half()
    {
        var deck = new DeckAssignment(Court(), cardsPerJudge: 2, chiefCards: 1);

        Assert.Equal([2, 4, 1, 3, 2], Enumerable.Range(0, 5).Select(t => deck.CardsOf(t, 0)));
    }

    [Fact]
    public void The_default_deck_is_two_cards_a_judge_and_one_for_the_chief()
    {
        var deck = (DeckAssignment)Boards.Create(AssignmentPolicyKind.Deck, Court());

        Assert.Equal(2, deck.CardsOf(0, 0));
        Assert.Equal(1, deck.CardsOf(2, 0));
    }

    [Fact]
    public void Cards_per_judge_scales_every_judge_but_the_chief()
    {
        var deck = new DeckAssignment(Court(), cardsPerJudge: 4, chiefCards: 2);

        Assert.Equal([4, 8, 2, 6, 4], Enumerable.Range(0, 5).Select(t => deck.CardsOf(t, 0)));
    }

    [Fact]
    public void One_deck_cycle_gives_each_team_exactly_its_cards_and_the_deck_is_reshuffled_when_empty()
    {
        var board = Court();
        var deck = new DeckAssignment(board, cardsPerJudge: 2, chiefCards: 1);
        var random = new RandomStream(51);
        var cards = Enumerable.Range(0, 5).Select(t => (long)deck.CardsOf(t, 0)).ToArray();
        var size = (int)cards.Sum();

        var cycles = Enumerable.Range(0, 20).Select(_ => Boards.Assign(deck, 0, size, random, closeAtOnce: true)).ToList();

        Assert.All(cycles, cycle => Assert.Equal(cards, Boards.Tally(cycle, 5)));
        // A reshuffled deck, not the same order again: 20 cycles of 12 cards in one order would be a broken shuffle.
        Assert.True(cycles.Select(c => string.Join(",", c)).Distinct().Count() > 15);
    }

    [Fact]
    public void Each_category_has_its_own_deck()
    {
        var board = Court(types: 2, typeCategory: [0, 1]);
        var deck = new DeckAssignment(board, cardsPerJudge: 2, chiefCards: 1);
        var random = new RandomStream(52);
        var cards = Enumerable.Range(0, 5).Select(t => (long)deck.CardsOf(t, 0)).ToArray();
        var size = (int)cards.Sum();

        // Interleave the categories: each category's deck still deals exactly its cards per cycle.
        var byCategory = new List<int>[] { [], [] };
        for (var i = 0; i < 2 * size; i++)
        {
            var type = i % 2;
            var team = deck.Choose(type, random);
            board.Assign(team, type);
            board.Close(team, type);
            byCategory[type].Add(team);
        }

        Assert.Equal(cards, Boards.Tally(byCategory[0], 5));
        Assert.Equal(cards, Boards.Tally(byCategory[1], 5));
    }

    [Fact]
    public void A_category_deck_holds_cards_only_for_teams_accepting_the_category()
    {
        var board = Boards.Of([0, 1], Boards.Team("a", [0]), Boards.Team("b", [0, 1]), Boards.Team("c", [1], judges: 3));
        var deck = new DeckAssignment(board, cardsPerJudge: 2, chiefCards: 1);

        Assert.Equal([2, 2, 0], Enumerable.Range(0, 3).Select(t => deck.CardsOf(t, 0)));
        Assert.Equal([0, 2, 6], Enumerable.Range(0, 3).Select(t => deck.CardsOf(t, 1)));
    }

    [Fact]
    public void A_card_of_a_team_at_its_cap_is_discarded_and_the_next_card_drawn()
    {
        var board = Boards.Of([0], Boards.Team("a", [0], cap: 1), Boards.Team("b", [0]), Boards.Team("c", [0]));
        var deck = new DeckAssignment(board, cardsPerJudge: 2, chiefCards: 1);
        var random = new RandomStream(53);
        board.Assign(0, 0);

        var chosen = Boards.Assign(deck, 0, 300, random, closeAtOnce: true);

        Assert.DoesNotContain(0, chosen);
        Boards.AssertFits(Boards.Tally(chosen, 3), [0, 1, 1]);
    }

    [Fact]
    public void Deck_returns_minus_one_when_no_team_can_take_the_case()
    {
        var board = Boards.Alike(2, cap: 1);
        var deck = Boards.Create(AssignmentPolicyKind.Deck, board);
        var random = new RandomStream(54);
        Boards.Assign(deck, 0, 2, random);

        Assert.Equal(-1, deck.Choose(0, random));
    }
}
