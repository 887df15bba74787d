using Docket.Domain.Assignment;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;

namespace Docket.Domain.Audit;

/// <summary>What a randomness audit counts draws of: the team a case goes to, or the judge in its charge.</summary>
public enum AuditSubject
{
    Team,
    Judge,
}

/// <summary>
/// The result of a randomness audit: the random draws taken (by method), the decisions made by rule and not tested (by
/// policy or kind), each period's test (Holm-corrected across periods at <see cref="Alpha"/>), and notes on what could
/// not be tested.
/// </summary>
public sealed record RandomnessAuditResult(
    string Court,
    AuditSubject By,
    AuditPeriod Period,
    double Alpha,
    IReadOnlyDictionary<string, long> Drawn,
    IReadOnlyDictionary<string, long> NotTested,
    IReadOnlyList<PeriodTest> Periods,
    IReadOnlyList<string> Notes)
{
    /// <summary>Whether any period's shares depart from the recorded probabilities at the level.</summary>
    public bool Departs => Periods.Any(p => p.Departs);
}

/// <summary>
/// A randomness audit of a court's ledger, entry by entry. The decisions drawn at random — <c>assign</c> entries with
/// a <c>draw</c> (methods uniform, weighted, deck) — give each eligible team its probability under what the entry
/// records: uniform 1 ÷ the eligible teams; weighted the entry's <c>weights</c> normalised; deck each team's cards in a
/// full deck (which the entry does not record: taken from the court's scenario when given, else the deck's draws are
/// counted apart, untested). Decisions made by rule — designation, least-loaded, round robin (an <c>assign</c> without
/// a draw), a team's <c>pull</c> of a waiting case, a supervisor's <c>designate</c> — are counted apart. The judge in
/// charge is named by rule (<see cref="JudgeInCharge"/>), never drawn: by judge, nothing is tested.
/// </summary>
public sealed class RandomnessAudit(AuditPeriod period, AuditSubject by, Court? court = null, Func<DateTimeOffset, string>? periodOf = null)
{
    /// <summary>Not-tested key of a deck's draw whose cards are unknown.</summary>
    public const string DeckWithoutCards = "deck_without_cards";

    /// <summary>Not-tested key of a decision naming a judge by rule (auditing by judge).</summary>
    public const string JudgeByRule = "judge_in_charge";

    private readonly SortedDictionary<string, long> _drawn = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, long> _notTested = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _pools = court is null ? [] : court.PoolNames.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);

    /// <summary>The expected and observed counts so far (of the draws tested).</summary>
    public ExpectedCounts Counts { get; } = periodOf is null ? new(period) : new(periodOf);

    public string? Court { get; private set; }

    /// <summary>Takes the ledger's next entry; the field at fault and why when the entry cannot be read as a ledger entry with its draw.</summary>
    public (string Field, string Problem)? Add(LedgerEntry e)
    {
        if (!LedgerKinds.IsKnown(e.Kind))
        {
            return ("kind", $"entry {e.Seq}: unknown entry kind '{e.Kind}'");
        }
        Court ??= e.Court;
        if (e.Kind is not (LedgerKinds.Assign or LedgerKinds.Pull or LedgerKinds.Designate))
        {
            return null;
        }
        if (by == AuditSubject.Judge)
        {
            Count(_notTested, JudgeByRule);
            return null;
        }
        if (e.Kind != LedgerKinds.Assign)
        {
            Count(_notTested, e.Kind);
            return null;
        }
        if (e.Draw is not { } draw)
        {
            Count(_notTested, e.Policy ?? AssignmentPolicyNames.Designated);
            return null;
        }
        var eligible = e.Eligible ?? [];
        if (eligible.Length == 0)
        {
            return ("eligible", $"entry {e.Seq}: a draw without eligible teams");
        }
        double[]? shares;
        switch (draw.Method)
        {
            case DrawMethods.Uniform:
                shares = DrawShares.Uniform(eligible.Length);
                break;
            case DrawMethods.Weighted:
                if (draw.Weights is not { } weights || weights.Length != eligible.Length || weights.Any(w => !(w >= 0) || double.IsInfinity(w)) || weights.Sum() <= 0)
                {
                    return ("draw", $"entry {e.Seq}: a weighted draw needs one finite weight of at least 0 per eligible team ({eligible.Length}), not all 0");
                }
                shares = DrawShares.Normalised(weights);
                break;
            case DrawMethods.Deck:
                if (DeckCards(e, eligible) is not { } cards)
                {
                    Count(_notTested, DeckWithoutCards);
                    return null;
                }
                shares = DrawShares.Normalised(cards);
                break;
            default:
                return ("draw", $"entry {e.Seq}: unknown draw method '{draw.Method}' (uniform, weighted or deck)");
        }
        try
        {
            Counts.Add(e.At, eligible, shares, e.Team ?? "");
        }
        catch (ArgumentException ex)
        {
            return ("team", $"entry {e.Seq}: {ex.Message}");
        }
        Count(_drawn, draw.Method);
        return null;
    }

    /// <summary>
    /// Each period's observed and expected draws per team of a court's entries (in ledger order), as the audit counts
    /// them — what a published count per team and period shows beside the observed one. <paramref name="court"/> gives
    /// deck draws their cards (without it they are left out). An <see cref="ArgumentException"/> naming the entry and
    /// field the audit cannot read.
    /// </summary>
    public static IReadOnlyList<PeriodCounts> ExpectedCountsOf(IEnumerable<LedgerEntry> entries, AuditPeriod period, Court? court = null,
        Func<DateTimeOffset, string>? periodOf = null)
    {
        var audit = new RandomnessAudit(period, AuditSubject.Team, court, periodOf);
        foreach (var e in entries)
        {
            if (audit.Add(e) is { } problem)
            {
                throw new ArgumentException($"{problem.Field}: {problem.Problem}");
            }
        }
        return audit.Counts.Periods();
    }

    /// <summary>The audit at level <paramref name="alpha"/> (0 &lt; alpha &lt; 1).</summary>
    public RandomnessAuditResult Result(double alpha)
    {
        var tests = RandomnessTest.Holm([.. Counts.Periods().Select(RandomnessTest.GoodnessOfFit)], alpha);
        var notes = new List<string>();
        if (by == AuditSubject.Judge)
        {
            notes.Add("no decision draws a judge: the judge in charge is named by rule (the team's judge with the fewest open cases), so there is nothing to test by judge");
        }
        if (_notTested.TryGetValue(DeckWithoutCards, out var decks))
        {
            notes.Add($"{decks:N0} deck draws not tested: an entry does not record the teams' cards in the deck (give the court's scenario)");
        }
        if (court is not null && _drawn.ContainsKey(DrawMethods.Deck))
        {
            notes.Add("deck draws: each team's share is its cards in a full deck among the eligible teams (drawn without replacement, a deck's counts vary less than independent draws': the test is conservative for them)");
        }
        return new RandomnessAuditResult(Court ?? "", by, period, alpha, _drawn, _notTested, tests, notes);
    }

    /// <summary>Each eligible team's cards in a full deck of the entry's pool (<see cref="DeckAssignment.CardsOf"/>), or null without the court.</summary>
    private double[]? DeckCards(LedgerEntry e, string[] eligible)
    {
        if (court is null || e.Pool is null || !_pools.TryGetValue(e.Pool, out var pool))
        {
            return null;
        }
        var spec = court.Layout.PoolSpecs[pool];
        var cards = new double[eligible.Length];
        for (var i = 0; i < eligible.Length; i++)
        {
            var t = court.TeamIndex(eligible[i]);
            if (t < 0)
            {
                return null;
            }
            cards[i] = DrawShares.Cards(court.Layout, t, spec);
        }
        return cards.Sum() > 0 ? cards : null;
    }

    private static void Count(SortedDictionary<string, long> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
}
