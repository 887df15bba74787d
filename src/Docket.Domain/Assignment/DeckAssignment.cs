using Docket.Domain.Randomness;

namespace Docket.Domain.Assignment;

/// <summary>
/// The US federal courts' draw: one shuffled deck per category in which every judge has
/// <c>cardsPerJudge</c> cards (the chief judge <c>chiefCards</c>, half as many by default); cards are drawn without
/// replacement and the deck is reshuffled when empty. A drawn card whose team cannot take the case (away, at its cap,
/// not accepting this type) is discarded, so an absence is neither made up afterwards nor credited.
/// </summary>
public sealed class DeckAssignment : AssignmentPolicy
{
    private readonly int[][] _decks;
    private readonly int[] _remaining;

    public DeckAssignment(TeamBoard board, int cardsPerJudge, int chiefCards)
        : base(board)
    {
        _decks = new int[board.CategoryCount][];
        _remaining = new int[board.CategoryCount];
        for (var category = 0; category < board.CategoryCount; category++)
        {
            var cards = new List<int>();
            foreach (var team in board.EligibleInCategory(category))
            {
                var t = board.Teams[team];
                var count = CardsOf(t.Judges, t.Chief, cardsPerJudge, chiefCards);
                for (var c = 0; c < count; c++)
                {
                    cards.Add(team);
                }
            }
            _decks[category] = [.. cards];
        }
    }

    public override AssignmentPolicyKind Kind => AssignmentPolicyKind.Deck;

    /// <summary>A team's cards in a full deck: <paramref name="cardsPerJudge"/> per judge, the chief judge <paramref name="chiefCards"/>.</summary>
    public static int CardsOf(int judges, bool chief, int cardsPerJudge, int chiefCards) =>
        chief ? chiefCards + (cardsPerJudge * (judges - 1)) : cardsPerJudge * judges;

    /// <summary>Cards of the team in a full deck of the category.</summary>
    public int CardsOf(int team, int category) => _decks[category].Count(c => c == team);

    internal override void WriteState(BinaryWriter w)
    {
        for (var category = 0; category < _decks.Length; category++)
        {
            w.Write(_remaining[category]);
            w.Write(_decks[category].Length);
            Array.ForEach(_decks[category], w.Write);
        }
    }

    internal override void ReadState(BinaryReader r)
    {
        for (var category = 0; category < _decks.Length; category++)
        {
            _remaining[category] = r.ReadInt32();
            if (r.ReadInt32() != _decks[category].Length)
            {
                throw new InvalidDataException("a saved deck is not of this pool");
            }
            for (var i = 0; i < _decks[category].Length; i++)
            {
                _decks[category][i] = r.ReadInt32();
            }
        }
    }

    public override int Choose(int type, RandomStream random)
    {
        if (Board.Available(type).Count == 0)
        {
            return -1;
        }
        var category = Board.CategoryOf(type);
        var deck = _decks[category];
        // Every available team holds at least one card unless it was dealt none (chief_cards 0); two passes bound the search.
        for (var drawn = 0; drawn < 2 * deck.Length + 1; drawn++)
        {
            if (_remaining[category] == 0)
            {
                _remaining[category] = deck.Length;
            }
            // Draw without replacement: a partial Fisher–Yates step over the undealt prefix of the deck.
            var left = _remaining[category];
            var pick = random.Next(left);
            var team = deck[pick];
            deck[pick] = deck[left - 1];
            deck[left - 1] = team;
            _remaining[category] = left - 1;
            if (Board.IsAvailable(team, type))
            {
                return team;
            }
        }
        return -1;
    }
}
