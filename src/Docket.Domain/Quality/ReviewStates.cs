using System.Text.Json.Serialization;

namespace Docket.Domain.Quality;

/// <summary>
/// Where a closed case's quality review stands (the live record's <c>review</c>). JSON, the ledger (a close entry's
/// <c>review</c>, a finding's <c>level</c>) and the saved state spell it as its name (<see cref="ReviewStates.NameOf"/>).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReviewState>))]
public enum ReviewState : byte
{
    /// <summary>
    /// Held at closure for the next draw as its judge's file of the year (case 166): archiving waits for the draw,
    /// which reviews it (the judge's latest held file) or passes it over.
    /// </summary>
    [JsonStringEnumMemberName("held")]
    Held,

    /// <summary>Drawn for review, no finding yet: archiving waits.</summary>
    [JsonStringEnumMemberName("drawn")]
    Drawn,

    /// <summary>Its last review found a general problem: archiving waits for a passing review after the fix.</summary>
    [JsonStringEnumMemberName("yellow_card")]
    YellowCard,

    /// <summary>Its last review found a serious (or repeated) problem: archiving waits for a passing review after the fix.</summary>
    [JsonStringEnumMemberName("red_card")]
    RedCard,

    /// <summary>Its review passed: it may be archived.</summary>
    [JsonStringEnumMemberName("passed")]
    Passed,

    /// <summary>Covered by a draw that did not pick it.</summary>
    [JsonStringEnumMemberName("not_drawn")]
    NotDrawn,
}

public static class ReviewStates
{
    public static IReadOnlyList<ReviewState> All { get; } = Enum.GetValues<ReviewState>();

    /// <summary>A state as the API, the ledger and the saved state spell it: held, drawn, yellow_card, red_card, passed or not_drawn.</summary>
    public static string NameOf(ReviewState state) => state switch
    {
        ReviewState.Held => "held",
        ReviewState.Drawn => "drawn",
        ReviewState.YellowCard => "yellow_card",
        ReviewState.RedCard => "red_card",
        ReviewState.Passed => "passed",
        ReviewState.NotDrawn => "not_drawn",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    /// <summary>The state a name spells (<see cref="NameOf"/>); null for anything else.</summary>
    public static ReviewState? Parse(string? name) => name switch
    {
        "held" => ReviewState.Held,
        "drawn" => ReviewState.Drawn,
        "yellow_card" => ReviewState.YellowCard,
        "red_card" => ReviewState.RedCard,
        "passed" => ReviewState.Passed,
        "not_drawn" => ReviewState.NotDrawn,
        _ => null,
    };

    /// <summary>Whether a case in <paramref name="state"/> waits for a review to pass before it is archived.</summary>
    public static bool HoldsArchive(ReviewState? state) => state is ReviewState.Held or ReviewState.Drawn or ReviewState.YellowCard or ReviewState.RedCard;

    /// <summary>The state a card leaves the case in.</summary>
    public static ReviewState Of(QualityCard card) => card switch
    {
        QualityCard.Yellow => ReviewState.YellowCard,
        QualityCard.Red => ReviewState.RedCard,
        _ => ReviewState.Passed,
    };
}
