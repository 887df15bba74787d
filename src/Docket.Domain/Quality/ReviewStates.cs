namespace Docket.Domain.Quality;

/// <summary>Where a closed case's quality review stands (the live record's <c>review</c>).</summary>
public static class ReviewStates
{
    /// <summary>
    /// Held at closure for the next draw as its judge's file of the year (case 166): archiving waits for the draw,
    /// which reviews it (the judge's latest held file) or passes it over.
    /// </summary>
    public const string Held = "held";

    /// <summary>Drawn for review, no finding yet: archiving waits.</summary>
    public const string Drawn = "drawn";

    /// <summary>Its last review found a general problem: archiving waits for a passing review after the fix.</summary>
    public const string YellowCard = "yellow_card";

    /// <summary>Its last review found a serious (or repeated) problem: archiving waits for a passing review after the fix.</summary>
    public const string RedCard = "red_card";

    /// <summary>Its review passed: it may be archived.</summary>
    public const string Passed = "passed";

    /// <summary>Covered by a draw that did not pick it.</summary>
    public const string NotDrawn = "not_drawn";

    /// <summary>Whether a case in <paramref name="state"/> waits for a review to pass before it is archived.</summary>
    public static bool HoldsArchive(string? state) => state is Held or Drawn or YellowCard or RedCard;

    /// <summary>The state a card leaves the case in.</summary>
    public static string Of(QualityCard card) => card switch
    {
        QualityCard.Yellow => YellowCard,
        QualityCard.Red => RedCard,
        _ => Passed,
    };
}
