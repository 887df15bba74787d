using Docket.Abstractions;
using Docket.Domain.Courts;
using Docket.Domain.Deadlines;
using Docket.Domain.Quality;
using Docket.Domain.Supervision;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Docket.Grains.Tests;

/// <summary>
/// A case's record travels to its grain as a <see cref="HeldCase"/>, its conversion, review and meeting beside the
/// record (enums on the wire between silos): what arrives is what was sent.
/// </summary>
public sealed class HeldCaseWireFormTests
{
    private static readonly Serializer s_serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    [Fact]
    public void A_held_case_crosses_the_wire_with_its_conversion_review_and_meeting()
    {
        var filed = new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
        var record = new CourtCase
        {
            Id = "court-a/c18",
            Court = "court-a",
            Number = 18,
            Type = "criminal",
            Flagged = true,
            Risk = RiskLevel.Major,
            FiledAt = filed,
            FilingSeq = 60,
            Status = CourtCaseStatus.Closed,
            Team = "criminal-1",
            Judge = "criminal-1/judge-1",
            Policy = "pull",
            Version = 75,
            ClosedAt = filed.AddDays(20),
            Conversion = ConversionState.Approved,
            Review = ReviewState.YellowCard,
            Meeting = new MeetingHold("four_type", filed.AddDays(3), MeetingStage.Released, true),
        };

        var arrived = s_serializer.Deserialize<HeldCase>(s_serializer.SerializeToArray(HeldCase.Of(record)))!;

        Assert.Equal(ConversionState.Approved, arrived.Conversion);
        Assert.Equal(ReviewState.YellowCard, arrived.Review);
        Assert.Equal(record.Meeting, arrived.Meeting);
        var whole = arrived.Whole;
        Assert.Equal((record.Id, record.Status, record.Version, record.ClosedAt, record.Risk), (whole.Id, whole.Status, whole.Version, whole.ClosedAt, whole.Risk));
        Assert.Equal((ConversionState.Approved, ReviewState.YellowCard, MeetingStage.Released), (whole.Conversion, whole.Review, whole.Meeting!.Stage));
    }
}
