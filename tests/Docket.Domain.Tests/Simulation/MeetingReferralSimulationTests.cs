using Docket.Domain.Assignment;
using Docket.Domain.Cases;
using Docket.Domain.Intake;
using Docket.Domain.Scenarios;
using Docket.Domain.Simulation;
using Docket.Domain.Staffing;
using Docket.Domain.Supervision;
using Docket.Domain.Tests.Support;

namespace Docket.Domain.Tests.Simulation;

/// <summary>
/// Referrals to professional judges' meetings and the adjudication committee in the simulator (cases 164, 165): a
/// court of 7 one-judge teams in departments of 3, 2 and 2, so a meeting of 7 always seats; cases judged in a day.
/// </summary>
public sealed class MeetingReferralSimulationTests
{
    private const double Hour = 1.0 / 24;

    private static CaseType Judged(double flaggedShare, MeetingReferralShares? referral) =>
        TestCourts.JudgeOnly("civil", 24, flaggedShare: flaggedShare) with
        {
            Stages = [new EffortStage("judgment", RoleCatalog.Judge, new FixedEffort(24))],
            MeetingReferral = referral,
        };

    private static Scenario MeetingCourt(CaseType type, SupervisionSpec supervision, int backlog = 1, double perYear = 0, int days = 60, ulong seed = 7)
    {
        var groups = new[] { ("a", 3), ("b", 2), ("c", 2) }.Select(d => TestCourts.Teams(d.Item1, d.Item2, ["civil"])).ToList();
        IntakeStream[] intake = perYear > 0 ? [TestCourts.Intake("civil", perYear)] : [];
        var court = TestCourts.Court([type], intake, groups, AssignmentSpec.Random, days, seed: seed, backlog: [TestCourts.FiledAtStart("civil", backlog)]);
        return TestCourts.WithSupervision(court, supervision);
    }

    private static readonly SupervisionSpec s_reported = SupervisionSpec.Default with { ReportsReferrals = true };

    [Fact]
    public void A_four_type_case_whose_panel_departs_from_the_majority_waits_for_the_committee_whose_members_spend_their_own_hours()
    {
        // Judged on day 1; the day-14 meeting sits 2 hours; the committee (every 14 days) takes it at its day-28 session of 3 hours.
        var (simulation, summary) = TestCourts.Run(MeetingCourt(Judged(1, new MeetingReferralShares(0, 0, 0, 0, Departs: 1)), s_reported));

        var c = simulation.Case(0);
        Assert.Equal(CaseStatus.Closed, c.Status);
        Assert.Equal(28 + (3 * Hour), c.Closed, 9);
        var figures = summary.MeetingReferrals!;
        Assert.Equal(1, figures.Referrals[MeetingTriggers.FourType]);
        Assert.Equal(1, figures.Meetings);
        Assert.Equal(1, figures.CasesDiscussed);
        Assert.Equal(1, figures.Departures);
        Assert.Equal(0, figures.AdoptionRate);
        Assert.Equal(1, figures.Committee.Referrals);
        Assert.Equal(1, figures.Committee.Sessions);
        Assert.Equal(1, figures.Committee.Decided);
        Assert.Equal(9 * 3, figures.Committee.MemberHours, 9);
        // The committee's time is its own: the judges' stations hold the judgment (24 h) and the 7 seats (2 h each) only.
        Assert.Equal(24 + (7 * 2), simulation.Stations.Where(s => s.HearsCases).Sum(s => s.BusyHours.Sum()), 9);
    }

    [Fact]
    public void A_departure_on_a_case_referred_for_another_trigger_closes_after_the_meeting_without_the_committee()
    {
        var (simulation, summary) = TestCourts.Run(MeetingCourt(Judged(0, new MeetingReferralShares(0, 0, 1, 0, Departs: 1)), s_reported));

        Assert.Equal(14 + (2 * Hour), simulation.Case(0).Closed, 9);
        var figures = summary.MeetingReferrals!;
        Assert.Equal(1, figures.Referrals[MeetingTriggers.PanelSplit]);
        Assert.Equal(1, figures.Departures);
        Assert.Equal(0, figures.Committee.Referrals);
        Assert.Equal(0, figures.Committee.Sessions);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void Over_a_year_every_case_referred_for_any_trigger_closes_only_after_its_meeting(ulong seed)
    {
        var referral = new MeetingReferralShares(0.2, 0.2, 0.2, 0.2, Departs: 0.3);
        var (simulation, summary) = TestCourts.Run(MeetingCourt(Judged(0.1, referral), s_reported, backlog: 0, perYear: 200, days: 365, seed: seed));

        var cases = simulation.Cases.ToArray();
        var held = cases.Where(c => (c.Flags & (CaseFlags.Flagged | CaseFlags.MeetingReferral)) != 0).ToList();
        Assert.NotEmpty(held);
        Assert.All(held.Where(c => c.Status == CaseStatus.Closed), c => Assert.True((c.Flags & CaseFlags.MeetingHeld) != 0, $"case {c.Number} closed without its meeting"));
        // The papers' week: no referred case closes within a week of its judgment (a day after filing).
        Assert.All(held.Where(c => c.Status == CaseStatus.Closed), c => Assert.True(c.Closed - c.Assigned >= 1 + 7, $"case {c.Number}"));
        Assert.All(cases.Where(c => (c.Flags & (CaseFlags.Flagged | CaseFlags.MeetingReferral)) == 0), c => Assert.True((c.Flags & CaseFlags.MeetingHeld) == 0));

        var figures = summary.MeetingReferrals!;
        Assert.All(MeetingTriggers.All, t => Assert.True(figures.Referrals[t] > 0, t));
        Assert.Equal(1 - (figures.Departures / figures.CasesDiscussed), figures.AdoptionRate, 12);
        Assert.InRange(figures.AdoptionRate, 0.55, 0.85);
        Assert.True(figures.Committee.Referrals <= figures.Departures);
        Assert.Equal(summary.Supervision.Meetings, figures.Meetings);
    }

    [Fact]
    public void Members_attending_under_half_of_their_meetings_are_marked_and_a_meeting_without_a_majority_does_not_sit()
    {
        var supervision = s_reported with { Meeting = MeetingSpec.Default with { Attendance = 0.5 } };
        var (_, summary) = TestCourts.Run(MeetingCourt(Judged(1, null), supervision, backlog: 0, perYear: 300, days: 365));

        var figures = summary.MeetingReferrals!;
        Assert.Equal(7, figures.Attendance.Count);
        Assert.All(figures.Attendance, a =>
        {
            Assert.True(a.Called > 0);
            Assert.Equal(a.Attended / a.Called, a.Rate, 12);
            Assert.Equal(a.Attended * 2 < a.Called, a.UnderHalf);
        });
        Assert.Contains(figures.Attendance, a => a.UnderHalf);
        Assert.Equal(figures.Attendance.Count(a => a.UnderHalf), figures.MembersUnderHalf);
        Assert.True(figures.MeetingsWithoutQuorum > 0, "with half attending, some meetings lack a majority");
        Assert.True(figures.Meetings > 0);
    }

    [Fact]
    public void Every_judge_called_attends_by_default_and_a_scenario_without_the_referral_keys_reports_none()
    {
        var (_, summary) = TestCourts.Run(MeetingCourt(Judged(1, null), s_reported, backlog: 3));
        Assert.All(summary.MeetingReferrals!.Attendance, a => Assert.Equal((1.0, false), (a.Rate, a.UnderHalf)));
        Assert.Equal(0, summary.MeetingReferrals.MembersUnderHalf);

        var (_, plain) = TestCourts.Run(MeetingCourt(Judged(1, null), SupervisionSpec.Default, backlog: 3));
        Assert.Null(plain.MeetingReferrals);
        Assert.Equal(1, plain.Supervision.Meetings);
    }
}
