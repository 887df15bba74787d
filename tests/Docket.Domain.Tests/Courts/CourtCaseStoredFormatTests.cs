using System.Text.Json;
using Docket.Domain.Courts;
using Docket.Domain.Deadlines;
using Docket.Domain.Quality;
using Docket.Domain.Supervision;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Docket.Domain.Tests.Courts;

/// <summary>
/// A case's record in Orleans' serializer (between silos, and as versions before schema 3 stored it) and its JSON
/// (the API) keep the form they had while
/// <see cref="CourtCase.Status"/>, <see cref="CourtCase.Risk"/> and a warning's <see cref="CaseWarning.Level"/> were strings;
/// its JSON keeps the names its conversion, review and meeting stage had as strings too.
/// </summary>
public sealed class CourtCaseStoredFormatTests
{
    private static readonly DateTimeOffset s_t0 = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    /// <summary>
    /// Three records as the positional record with string status and risk wrote them (commit bc3ba88, Orleans
    /// 10.4.2), in the order of <see cref="Cases"/>: pending on a team with major risk, stages, nodes, an unlock,
    /// warnings, an extension and an escalation; waiting with no risk; closed with ordinary risk. The first record's
    /// warnings are at levels yellow_card and discipline, as commit 89557fd (string levels) wrote them.
    /// </summary>
    private static readonly string[] s_storedBeforeEnums =
    [
        "IOhAF2Jhc2ljLTIvYzE3QQ9iYXNpYy0yAUVBC2NpdmlsAQNBC21ham9yIYAA3IpGPnjeCIEAAAAAAAAAAOABpUEPcGVuZGluZ0ENdGVhbS0zQRN0ZWFtLTMvajJBFWRlc2lnbmF0ZWQBAyGAAKwTCk943giBAAAAAAAAAADgAanBAQEJIQAFIehADWZpbGluZyGAAORgL2h43giBAAAAAAAAAADg4CDoQA9oZWFyaW5nIYAAHMjFmXreCIEAAAAAAAAAAODg4CEAAyHoQBFhY2NlcHRlZCGAABTYa1d43giBAAAAAAAAAADg4OAhgADcMfBie94IgQAAAAAAAAAA4AEFAeUhAAUh6EAJY2FzZUEXeWVsbG93X2NhcmQhgABc7z7Rj94IgQAAAAAAAAAA4CGAAJzeauOL3giBAAAAAAAAAADgAd3gIOjAP0EVZGlzY2lwbGluZSGAAFys7hmA3giBAAAAAAAAAADgIYAAHBYZ44DeCIEAAAAAAAAAAOAB4eDggQAAAAAAgD5AAQUhgAB4MdlKeN4IgQAAAAAAAAAA4OA=",
        "IOhAF2Jhc2ljLTIvYzE4QQ9iYXNpYy0yAUlBEWNyaW1pbmFsAQFBCW5vbmUhgACc9HAHed4IgQAAAAAAAAAA4AHxQQ93YWl0aW5nwQHBAUEJcHVsbAEBwQEBAcEBAQEh4MErwQEBAQHxIeCBAAAAAAAAAAABAcEB4A==",
        "IOhAFWJhc2ljLTIvYzVBD2Jhc2ljLTIBFUELY2l2aWwBAUERb3JkaW5hcnkhgAAc08grcd4IgQAAAAAAAAAA4AExQQ1jbG9zZWRBDXRlYW0tMUETdGVhbS0xL2oxQRdyb3VuZC1yb2JpbgEBIYAAHNPIK3HeCIEAAAAAAAAAAOABMSGAABwhHHV33giBAAAAAAAAAADgAQ0h4MEzwQEBAQEaAyHggQAAAAAAAAAAAQHBAeA=",
    ];

    /// <summary>The first record as the API and the <c>state</c> column printed it (snake_case names) before the enums.</summary>
    private const string PendingJsonBeforeEnums =
        """{"id":"basic-2/c17","court":"basic-2","number":17,"type":"civil","flagged":true,"risk":"major","filed_at":"2026-03-02T09:30:00+00:00","filing_seq":41,"status":"pending","team":"team-3","judge":"team-3/j2","policy":"designated","designated":true,"assigned_at":"2026-03-02T11:30:00+00:00","assignment_seq":42,"closed_at":null,"stages_done":2,"stages":[{"node":"filing","at":"2026-03-02T14:30:00+00:00"},{"node":"hearing","at":"2026-03-05T09:30:00+00:00"}],"nodes":[{"node":"accepted","at":"2026-03-02T12:30:00+00:00"}],"unlocked_at":"2026-03-06T09:30:00+00:00","unlocks":1,"version":57,"warnings":[{"subject":"case","level":"yellow_card","due":"2026-04-01T09:30:00+00:00","at":"2026-03-27T09:30:00+00:00","seq":55},{"subject":"hearing","level":"discipline","due":"2026-03-12T09:30:00+00:00","at":"2026-03-13T09:30:00+00:00","seq":56}],"extended_days":30.5,"extensions":1,"escalated_at":"2026-03-02T11:00:00+00:00"}""";

    /// <summary>
    /// The waiting record of <see cref="Cases"/> converted, carded and before the committee, as the API printed it
    /// while its conversion, review and meeting stage were strings (commit f07a71a).
    /// </summary>
    private const string HeldJsonBeforeEnums =
        """{"id":"basic-2/c18","court":"basic-2","number":18,"type":"criminal","flagged":false,"risk":"none","filed_at":"2026-03-03T09:30:00+00:00","filing_seq":60,"status":"waiting","team":null,"judge":null,"policy":"pull","designated":false,"assigned_at":null,"assignment_seq":0,"closed_at":null,"stages_done":0,"stages":[],"nodes":[],"unlocked_at":null,"unlocks":0,"version":60,"warnings":[],"extended_days":0,"extensions":0,"escalated_at":null,"conversion":"approved","review":"yellow_card","meeting":{"trigger":"four_type","referred_at":"2026-03-04T09:30:00+00:00","stage":"committee","adopted":false}}""";

    private static readonly Serializer s_serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    private static readonly JsonSerializerOptions s_snake = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The records <see cref="s_storedBeforeEnums"/> holds.</summary>
    internal static CourtCase[] Cases() =>
    [
        new()
        {
            Id = "basic-2/c17", Court = "basic-2", Number = 17, Type = "civil", Flagged = true, Risk = RiskLevel.Major, FiledAt = s_t0,
            FilingSeq = 41, Status = CourtCaseStatus.Pending, Team = "team-3", Judge = "team-3/j2", Policy = "designated", Designated = true,
            AssignedAt = s_t0.AddHours(2), AssignmentSeq = 42, StagesDone = 2,
            Stages = [new NodeReach("filing", s_t0.AddHours(5)), new NodeReach("hearing", s_t0.AddDays(3))],
            Nodes = [new NodeReach("accepted", s_t0.AddHours(3))], UnlockedAt = s_t0.AddDays(4), Unlocks = 1, Version = 57,
            Warnings =
            [
                new CaseWarning { Subject = "case", Level = WarningLevel.YellowCard, Due = s_t0.AddDays(30), At = s_t0.AddDays(25), Seq = 55 },
                new CaseWarning { Subject = "hearing", Level = WarningLevel.Discipline, Due = s_t0.AddDays(10), At = s_t0.AddDays(11), Seq = 56 },
            ],
            ExtendedDays = 30.5, Extensions = 1, EscalatedAt = s_t0.AddMinutes(90),
        },
        new()
        {
            Id = "basic-2/c18", Court = "basic-2", Number = 18, Type = "criminal", Flagged = false, Risk = RiskLevel.None, FiledAt = s_t0.AddDays(1),
            FilingSeq = 60, Status = CourtCaseStatus.Waiting, Policy = "pull", Version = 60,
        },
        new()
        {
            Id = "basic-2/c5", Court = "basic-2", Number = 5, Type = "civil", Flagged = false, Risk = RiskLevel.Ordinary, FiledAt = s_t0.AddDays(-9),
            FilingSeq = 12, Status = CourtCaseStatus.Closed, Team = "team-1", Judge = "team-1/j1", Policy = "round-robin",
            AssignedAt = s_t0.AddDays(-9), AssignmentSeq = 12, ClosedAt = s_t0.AddDays(-1), StagesDone = 3, Version = 99,
        },
    ];

    [Fact]
    public void A_record_stored_while_status_and_risk_were_strings_reads_as_the_same_case()
    {
        var expected = Cases();
        for (var i = 0; i < expected.Length; i++)
        {
            var read = Read(Convert.FromBase64String(s_storedBeforeEnums[i]));
            Assert.Equal(Json(expected[i]), Json(read));
            Assert.Equal(expected[i].Status, read.Status);
            Assert.Equal(expected[i].Risk, read.Risk);
        }
        var pending = Read(Convert.FromBase64String(s_storedBeforeEnums[0]));
        Assert.Equal(CourtCaseStatus.Pending, pending.Status);
        Assert.Equal(RiskLevel.Major, pending.Risk);
        Assert.Equal(("team-3", "team-3/j2"), (pending.Team, pending.Judge));
        Assert.Equal(["case", "hearing"], pending.Warnings.Select(w => w.Subject));
        Assert.Equal(30.5, pending.ExtendedDays);
    }

    [Fact]
    public void A_record_is_stored_byte_for_byte_as_it_was_while_status_and_risk_were_strings()
    {
        var cases = Cases();
        for (var i = 0; i < cases.Length; i++)
        {
            Assert.Equal(s_storedBeforeEnums[i], Convert.ToBase64String(s_serializer.SerializeToArray(cases[i])));
        }
    }

    [Fact]
    public void Json_spells_status_and_risk_as_lower_case_names_with_the_fields_it_had()
    {
        Assert.Equal(PendingJsonBeforeEnums, JsonSerializer.Serialize(Cases()[0], s_snake));
        var names = Cases().Select(c => JsonDocument.Parse(JsonSerializer.Serialize(c, s_snake)).RootElement)
            .Select(j => (j.GetProperty("status").GetString(), j.GetProperty("risk").GetString()));
        Assert.Equal([("pending", "major"), ("waiting", "none"), ("closed", "ordinary")], names);
    }

    [Fact]
    public void Every_status_and_risk_level_survives_storage_and_json()
    {
        foreach (var status in Enum.GetValues<CourtCaseStatus>())
        {
            foreach (var risk in Enum.GetValues<RiskLevel>())
            {
                var c = Cases()[1] with { Status = status, Risk = risk };
                var read = Read(s_serializer.SerializeToArray(c));
                Assert.Equal((status, risk), (read.Status, read.Risk));
                Assert.Equal(Json(c), Json(read));
                var json = JsonDocument.Parse(JsonSerializer.Serialize(c, s_snake)).RootElement;
                Assert.Equal(CourtCaseStatuses.NameOf(status), json.GetProperty("status").GetString());
                Assert.Equal(RiskLevels.NameOf(risk), json.GetProperty("risk").GetString());
                var parsed = JsonSerializer.Deserialize<CourtCase>(JsonSerializer.Serialize(c, s_snake), s_snake)!;
                Assert.Equal((status, risk), (parsed.Status, parsed.Risk));
            }
        }
    }

    [Fact]
    public void Json_spells_conversion_review_and_meeting_stage_as_the_names_they_had_as_strings()
    {
        var held = Cases()[1] with
        {
            Conversion = ConversionState.Approved,
            Review = ReviewState.YellowCard,
            Meeting = new MeetingHold(MeetingTriggers.FourType, s_t0.AddDays(2), MeetingStage.Committee, false),
        };
        Assert.Equal(HeldJsonBeforeEnums, JsonSerializer.Serialize(held, s_snake));
        var read = JsonSerializer.Deserialize<CourtCase>(HeldJsonBeforeEnums, s_snake)!;
        Assert.Equal((held.Conversion, held.Review, held.Meeting), (read.Conversion, read.Review, read.Meeting));
        Assert.Equal(
            """{"node":"served","state":"late","due":"2026-03-02T09:30:00+00:00","reached_at":null}""",
            JsonSerializer.Serialize(new PartyNode("served", PartyNodeState.Late, s_t0, null), s_snake));
    }

    [Fact]
    public void A_meeting_step_a_referral_and_a_finding_cross_between_silos_as_their_enums()
    {
        foreach (var kind in Enum.GetValues<MeetingStepKind>())
        {
            var step = new MeetingStep(kind, MeetingTriggers.PanelSplit, "why", true);
            Assert.Equal(step, s_serializer.Deserialize<MeetingStep>(s_serializer.SerializeToArray(step)));
        }
        foreach (var stage in MeetingStages.All)
        {
            var hold = new MeetingHold(MeetingTriggers.FourType, s_t0, stage, false);
            Assert.Equal(hold, s_serializer.Deserialize<MeetingHold>(s_serializer.SerializeToArray(hold)));
        }
        foreach (var finding in Enum.GetValues<QualityFinding>())
        {
            Assert.Equal(finding, s_serializer.Deserialize<QualityFinding>(s_serializer.SerializeToArray(finding)));
        }
    }

    private static CourtCase Read(byte[] payload) => s_serializer.Deserialize<CourtCase>(payload) ?? throw new InvalidOperationException("no case");

    private static string Json(CourtCase c) => JsonSerializer.Serialize(c, s_snake);
}
