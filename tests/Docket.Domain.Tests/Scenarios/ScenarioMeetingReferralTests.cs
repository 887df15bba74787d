using Docket.Domain.Supervision;
using static Docket.Domain.Tests.Scenarios.ScenarioTestSupport;

namespace Docket.Domain.Tests.Scenarios;

/// <summary>The scenario keys of meetings' referrals and the adjudication committee (cases 164, 165): read, defaulted, and refused with file:line:column.</summary>
public sealed class ScenarioMeetingReferralTests
{
    private const string Teams = """
        teams:
          - { id: a, count: 3, members: { judge: 1 }, accepts: [c] }
          - { id: b, count: 2, members: { judge: 1 }, accepts: [c] }
          - { id: d, count: 2, members: { judge: 1 }, accepts: [c] }
        intake: [ { type: c, per_year: 10 } ]
        """;

    [Fact]
    public void Referral_shares_papers_attendance_and_the_committee_load_and_omitted_keys_keep_their_defaults()
    {
        var s = LoadValid($$"""
            name: v
            case_types:
              - id: c
                flagged_share: 0.05
                meeting_referral: { remand_or_reversal: 0.02, remanded: 0.01, panel_split: 0.03, departs: 0.04 }
                effort: { judge: { dist: fixed, hours: 1 } }
            {{Teams}}
            supervision:
              meeting: { papers_days: 5, attendance: 0.8 }
              committee: { every_days: 10, members: 11, hours: { dist: fixed, hours: 2 } }
            """);
        Assert.Equal(new MeetingReferralShares(0.02, 0.01, 0.03, 0, 0.04), s.CaseTypes[0].MeetingReferral);
        var supervision = s.Courts[0].Supervision;
        Assert.Equal((5.0, 0.8), (supervision.Meeting.PapersDays, supervision.Meeting.Attendance));
        Assert.Equal((10.0, 11), (supervision.Committee.EveryDays, supervision.Committee.Members));
        Assert.True(supervision.ReportsReferrals);

        var plain = LoadValid($$"""
            name: v
            case_types: [ { id: c, effort: { judge: { dist: fixed, hours: 1 } } } ]
            {{Teams}}
            """);
        Assert.Null(plain.CaseTypes[0].MeetingReferral);
        Assert.Equal((7.0, 1.0), (plain.Courts[0].Supervision.Meeting.PapersDays, plain.Courts[0].Supervision.Meeting.Attendance));
        Assert.Equal(CommitteeSpec.Default, plain.Courts[0].Supervision.Committee);
        Assert.False(plain.Courts[0].Supervision.ReportsReferrals);
    }

    [Theory]
    [InlineData("meeting_referral: { »hunch: 0.1 }", "unknown key 'hunch' in case_types[0].meeting_referral (expected one of: remand_or_reversal, remanded, panel_split, leader_disagrees, departs)")]
    [InlineData("meeting_referral: { panel_split: »1.5 }", "case_types[0].meeting_referral.panel_split: must be between 0 and 1 (got 1.5)")]
    [InlineData("meeting_referral: »{ remand_or_reversal: 0.6, panel_split: 0.5 }", "case_types[0].meeting_referral: the referral shares (remand_or_reversal, remanded, panel_split, leader_disagrees) add up to 1.1; a case is referred once, so they must add up to at most 1")]
    [InlineData("meeting_referral: »0.1", "case_types[0].meeting_referral: expected a mapping")]
    public void Referral_shares_are_refused_at_their_place(string field, string message)
    {
        AssertErrorAt($$"""
            name: v
            case_types:
              - id: c
                {{field}}
                effort: { judge: { dist: fixed, hours: 1 } }
            {{Teams}}
            """, message);
    }

    [Theory]
    [InlineData("meeting: { papers_days: »-1 }", "supervision.meeting.papers_days: must be at least 0 (got -1)")]
    [InlineData("meeting: { attendance: »1.2 }", "supervision.meeting.attendance: must be between 0 and 1 (got 1.2)")]
    [InlineData("committee: { every_days: »0 }", "supervision.committee.every_days: must be greater than 0 (got 0)")]
    [InlineData("committee: { members: »0 }", "supervision.committee.members: must be at least 1 (got 0)")]
    [InlineData("committee: { »chair: 1 }", "unknown key 'chair' in supervision.committee (expected one of: every_days, members, hours)")]
    public void Meeting_and_committee_keys_are_refused_at_their_place(string field, string message)
    {
        AssertErrorAt($$"""
            name: v
            case_types: [ { id: c, effort: { judge: { dist: fixed, hours: 1 } } } ]
            {{Teams}}
            supervision:
              {{field}}
            """, message);
    }

    [Fact]
    public void A_court_whose_cases_are_referred_must_be_able_to_hold_a_meeting()
    {
        AssertErrorAt("""
            name: v
            case_types:
              - { id: c, meeting_referral: { panel_split: 0.1 }, effort: { judge: { dist: fixed, hours: 1 } } }
            intake: [ { type: c, per_year: 10 } ]
            teams: »[ { id: a, count: 6, members: { judge: 1 }, accepts: [c] } ]
            """, "teams: court 'v' cannot hold a professional judges' meeting, which its referred cases need (case type 'c' has a meeting_referral)");
    }
}
