using BenchmarkDotNet.Attributes;
using Docket.Domain.Assignment;

namespace Docket.Benchmarks.Assignment;

/// <summary>
/// deck: one shuffled deck per category, 2 cards a judge (the chief judge 1 + 2 per further judge), drawn without
/// replacement; a card whose team cannot take the case is discarded.
/// </summary>
[MemoryDiagnoser]
public class DeckAssignmentBenchmark : AssignmentBenchmark
{
    private const int CardsPerJudge = 2;
    private const int ChiefCards = 1;

    private AssignmentPolicy _policy = null!;
    private List<int>[] _decks = [];

    [GlobalSetup]
    public void Setup()
    {
        Reset();
        _policy = AssignmentPolicy.Create(new AssignmentSpec(AssignmentPolicyKind.Deck, CardsPerJudge: CardsPerJudge, ChiefCards: ChiefCards), Board);
        _decks = [[], []];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Decisions)]
    public int LinqBaseline()
    {
        var sum = 0;
        for (var i = 0; i < Decisions; i++)
        {
            var type = BeginLinqDecision();
            var team = ChooseLinq(type);
            CommitLinq(team, type);
            sum += team;
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Decisions)]
    public int Domain() => Decide(_policy);

    private int ChooseLinq(int type)
    {
        if (!Linq.Available(type).Any())
        {
            return -1;
        }
        var category = Linq.CategoryOf(type);
        var deck = _decks[category];
        var dealt = Linq.Teams.Where(t => t.Board.Accepts.Any(a => Linq.CategoryOf(a) == category))
            .Select(t => (t.Index, Cards: t.Board.Chief ? ChiefCards + (CardsPerJudge * (t.Board.Judges - 1)) : CardsPerJudge * t.Board.Judges))
            .ToList();
        var full = dealt.Sum(d => d.Cards);
        for (var drawn = 0; drawn < (2 * full) + 1; drawn++)
        {
            if (deck.Count == 0)
            {
                deck.AddRange(dealt.SelectMany(d => Enumerable.Repeat(d.Index, d.Cards)));
            }
            var pick = Random.Next(deck.Count);
            var team = deck[pick];
            deck.RemoveAt(pick);
            if (Linq.CanTake(Linq.Teams[team], type))
            {
                return team;
            }
        }
        return -1;
    }
}
