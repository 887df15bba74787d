using System.Text.Json;
using Docket.Domain.Courts;
using Docket.Domain.Deadlines;
using Docket.Domain.Quality;
using Docket.Domain.Supervision;

namespace Docket.Domain.Tests.Courts;

/// <summary>
/// A case's review and conversion states, a referral's meeting stage and a party's node state are enums in the code
/// and their names in JSON, the ledger and the saved state — the names they had while they were strings. Each name
/// round-trips (<c>NameOf</c>, <c>Parse</c>), JSON spells each value by it, and a name the court does not know parses to null.
/// </summary>
public sealed class CaseStateNamesTests
{
    [Fact]
    public void Review_states_are_named_held_drawn_yellow_card_red_card_passed_and_not_drawn_and_each_name_round_trips() =>
        AssertNames(ReviewStates.All, ReviewStates.NameOf, ReviewStates.Parse, ["held", "drawn", "yellow_card", "red_card", "passed", "not_drawn"]);

    [Fact]
    public void Conversion_states_are_named_requested_approved_and_refused_and_each_name_round_trips() =>
        AssertNames(ConversionStates.All, ConversionStates.NameOf, ConversionStates.Parse, ["requested", "approved", "refused"]);

    [Fact]
    public void Meeting_stages_are_named_referred_held_committee_released_and_required_and_each_name_round_trips() =>
        AssertNames(MeetingStages.All, MeetingStages.NameOf, MeetingStages.Parse, ["referred", "held", "committee", "released", "required"]);

    [Fact]
    public void Party_node_states_are_named_reached_due_and_late_in_json()
    {
        Assert.Equal(["\"reached\"", "\"due\"", "\"late\""], Enum.GetValues<PartyNodeState>().Select(s => JsonSerializer.Serialize(s)));
        Assert.Equal(Enum.GetValues<PartyNodeState>(), new[] { "reached", "due", "late" }.Select(n => JsonSerializer.Deserialize<PartyNodeState>($"\"{n}\"")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("YellowCard")]
    [InlineData("Held")]
    [InlineData("yellow card")]
    [InlineData(" passed")]
    [InlineData("pending")]
    [InlineData("3")]
    public void An_unknown_name_parses_to_no_state(string? name)
    {
        Assert.Null(ReviewStates.Parse(name));
        Assert.Null(ConversionStates.Parse(name));
        Assert.Null(MeetingStages.Parse(name));
    }

    [Fact]
    public void A_value_outside_an_enum_has_no_name()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReviewStates.NameOf((ReviewState)99));
        Assert.Throws<ArgumentOutOfRangeException>(() => ConversionStates.NameOf((ConversionState)99));
        Assert.Throws<ArgumentOutOfRangeException>(() => MeetingStages.NameOf((MeetingStage)99));
    }

    [Fact]
    public void Only_a_held_drawn_or_carded_file_holds_its_archiving()
    {
        Assert.Equal([ReviewState.Held, ReviewState.Drawn, ReviewState.YellowCard, ReviewState.RedCard], ReviewStates.All.Where(s => ReviewStates.HoldsArchive(s)));
        Assert.False(ReviewStates.HoldsArchive(null));
        Assert.Equal([ReviewState.Passed, ReviewState.YellowCard, ReviewState.RedCard], new[] { QualityCard.None, QualityCard.Yellow, QualityCard.Red }.Select(ReviewStates.Of));
    }

    /// <summary>
    /// The names, in enum order, are <paramref name="names"/>; each parses back to its value; JSON writes each value as
    /// its name and reads the name back; and the names are distinct.
    /// </summary>
    private static void AssertNames<T>(IReadOnlyList<T> all, Func<T, string> nameOf, Func<string?, T?> parse, string[] names)
        where T : struct, Enum
    {
        Assert.Equal(Enum.GetValues<T>(), all);
        Assert.Equal(names, all.Select(nameOf));
        foreach (var value in all)
        {
            var name = nameOf(value);
            Assert.Equal(value, parse(name));
            Assert.Equal($"\"{name}\"", JsonSerializer.Serialize(value));
            Assert.Equal(value, JsonSerializer.Deserialize<T>($"\"{name}\""));
        }
    }
}
