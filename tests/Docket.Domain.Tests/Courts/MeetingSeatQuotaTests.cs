using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Domain.Staffing;
using Docket.Domain.Supervision;
using Docket.Domain.Tests.Replay;

namespace Docket.Domain.Tests.Courts;

/// <summary>
/// Case 165 in the live court as in the simulator: each judge present at a professional judges' meeting that sat has a
/// seat, and every <c>participations_per_case</c> seats count as one case towards a quota in workload units — in the
/// court's tallies, its saved state, a team's and a judge's docket kept from the court's news, and their figures.
/// </summary>
public sealed class MeetingSeatQuotaTests
{
    private static readonly DateTimeOffset s_at = LiveLedger.Start.AddHours(2);

    private const string Yaml = """
        name: seats
        seed: 3
        days: 365
        case_types:
          - id: civil
            effort: { hearing: { dist: fixed, hours: 1 }, judgment: { dist: fixed, hours: 1 }, archiving: { dist: fixed, hours: 1 } }
            closes_after: judgment
        intake:
          - { type: civil, per_year: 100 }
        teams:
          - { id: a, count: 3, template: "1+1", accepts: [civil], quota: 100, quota_unit: workload_units }
          - { id: b, count: 2, template: "1+1", accepts: [civil], quota: 100, quota_unit: cases }
          - { id: c, count: 2, template: "1+1", accepts: [civil] }
        assignment: { policy: random }
        supervision:
          meeting: { every_days: 7, judges: 7, hours: { dist: fixed, hours: 2 }, participations_per_case: 4 }
        """;

    private static readonly string[] s_members = ["a-1/judge-1", "a-2/judge-1", "a-3/judge-1", "b-1/judge-1", "b-2/judge-1", "c-1/judge-1", "c-2/judge-1"];

    [Fact]
    public void Each_judge_present_at_a_meeting_that_sat_has_a_seat_that_counts_towards_a_quota_in_workload_units()
    {
        var ledger = new ScenarioLedger(Yaml, "seats");
        var first = ledger.FileAt("civil", s_at);
        var second = ledger.FileAt("civil", s_at.AddHours(1));
        foreach (var c in new[] { first, second })
        {
            Assert.Null(ledger.Add(CourtCommands.Meeting(ledger.State, c.Number, new MeetingStep(MeetingStepKind.Refer, MeetingTriggers.PanelSplit, "split"), ledger.President, s_at.AddDays(1))).Refused);
        }
        ledger.State.TracksTouches = true;
        ledger.State.DrainTouches();

        // Three of six present: the meeting does not sit, and nobody has a seat.
        Assert.Null(ledger.Add(CourtCommands.HoldSitting(ledger.State, new MeetingSitting(s_members[..6], s_members[..3], [new HeardCase(first.Id, true)]), ledger.President, s_at.AddDays(9))).Refused);
        Assert.All(ledger.Court.Layout.Teams, t => Assert.Equal(0, Seats(ledger.Court, ledger.State, t.Id)));
        Assert.Empty(ledger.State.DrainTouches());

        // Four of seven present: it sits, and each judge present has a seat; the absent judges' teams none.
        var present = new[] { "a-1/judge-1", "a-2/judge-1", "b-1/judge-1", "c-1/judge-1" };
        Assert.Null(ledger.Add(CourtCommands.HoldSitting(ledger.State, new MeetingSitting(s_members, present, [new HeardCase(first.Id, true), new HeardCase(second.Id, true)]), ledger.President, s_at.AddDays(10))).Refused);
        var seats = ledger.Court.Layout.Teams.ToDictionary(t => t.Id, t => Seats(ledger.Court, ledger.State, t.Id));
        Assert.Equal(new Dictionary<string, long> { ["a-1"] = 1, ["a-2"] = 1, ["a-3"] = 0, ["b-1"] = 1, ["b-2"] = 0, ["c-1"] = 1, ["c-2"] = 0 }, seats);
        Assert.Equal(1, ledger.State.Docket(ledger.Court.TeamIndex("a-1"), "a-1/judge-1").Tally!.MeetingSeats);
        // The sitting is news for the teams of the judges present, and only for them.
        var sitting = ledger.Records.Last(r => r.Kind == LedgerKinds.MeetingSitting).Seq;
        Assert.Equal(["a-1", "a-2", "b-1", "c-1"], ledger.State.DrainTouches().Where(t => t.Seq == sitting).Select(t => ledger.Court.Layout.Teams[t.Team].Id).Order());

        // A year on: 1 seat ÷ 4 seats a case ÷ a quota of 100 for a-1 (workload units); b-1's quota is in cases, which seats do not count.
        var yearOn = LiveLedger.Start.AddDays(365);
        Assert.Equal(QuotaAttainment.MeetingUnits(1, 4) / 100, Figures(ledger.Court, ledger.State, "a-1", yearOn).QuotaAttainment, 12);
        Assert.Equal(0.25 / 100, Figures(ledger.Court, ledger.State, "a-1", yearOn).QuotaAttainment, 12);
        Assert.Equal(0, Figures(ledger.Court, ledger.State, "a-3", yearOn).QuotaAttainment);
        Assert.Equal(0, Figures(ledger.Court, ledger.State, "b-1", yearOn).QuotaAttainment);
        // By kind, only the teams with a quota count (c-1's seat does not, b-1's quota is in cases): a-1's and a-2's seats.
        Assert.Equal(2 * 0.25, ledger.State.QuotaUnits()[ledger.Court.Layout.Teams[ledger.Court.TeamIndex("a-1")].Kind], 12);

        // The same from a docket kept from the ledger's entries, from a replay, and from a saved state.
        foreach (var judge in new string?[] { null, "a-1/judge-1" })
        {
            var docket = new OpenDocket(ledger.Court, ledger.Court.TeamIndex("a-1"), judge);
            foreach (var r in ledger.Records)
            {
                docket.Apply(LedgerEntry.Parse(r.Json), _ => null);
            }
            Assert.Equal(1, docket.MeetingSeats);
            // A judge's quota is the team's share: the team has one judge.
            Assert.Equal(0.25 / 100, docket.Figures(yearOn).QuotaAttainment, 12);
        }
        var replayed = ledger.Replayed();
        Assert.Equal(seats, ledger.Court.Layout.Teams.ToDictionary(t => t.Id, t => Seats(ledger.Court, replayed, t.Id)));
        var saved = new MemoryStream();
        ledger.State.WriteSnapshot(saved);
        saved.Position = 0;
        var restored = CourtState.ReadSnapshot(ledger.Court, e => LiveLedger.Secret(1, e), saved);
        Assert.Equal(seats, ledger.Court.Layout.Teams.ToDictionary(t => t.Id, t => Seats(ledger.Court, restored, t.Id)));
    }

    private static long Seats(Court court, CourtState state, string team) => state.Docket(court.TeamIndex(team), null).Tally!.MeetingSeats;

    private static DocketFigures Figures(Court court, CourtState state, string team, DateTimeOffset now) =>
        new OpenDocket(court, state.Docket(court.TeamIndex(team), null)).Figures(now);
}
