using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Domain.Tests.Replay;

namespace Docket.Domain.Tests.Courts;

/// <summary>
/// An absence withdrawn is a ledger entry the court's replay re-makes and checks: by a role that may record
/// absences, of an absence of that team still running or to come, once.
/// </summary>
public sealed class AbsenceWithdrawalTests
{
    private static readonly DateTimeOffset s_at = LiveLedger.Start.AddHours(2);

    [Fact]
    public void A_withdrawal_replays_to_the_same_absences_and_a_forged_one_fails_with_its_seq()
    {
        var court = TestCourts.Replay("{ policy: random }");
        var live = new CourtState(court, e => LiveLedger.Secret(1, e));
        var president = new Actor("president", UserRoles.President, court.Id, null, null);
        var records = new List<LedgerRecord> { CourtCommands.Open(live, court.Scenario.Name, LedgerHash.Commitment(LiveLedger.Secret(1, 1)), LiveLedger.Start) };
        var team = court.Layout.Teams[0].Id;
        records.AddRange(CourtCommands.MarkAbsent(live, team, null, s_at.AddDays(5), "leave", president, s_at).Records);
        var absence = records[^1].Seq;
        var withdrawn = CourtCommands.WithdrawAbsence(live, team, absence, "back early", president, s_at.AddDays(1));
        Assert.Null(withdrawn.Refused);
        records.AddRange(withdrawn.Records);
        Assert.Equal(Outcome.Conflict, CourtCommands.WithdrawAbsence(live, team, absence, null, president, s_at.AddDays(2)).Refused?.Outcome);
        Assert.Equal(Outcome.NotFound, CourtCommands.WithdrawAbsence(live, court.Layout.Teams[1].Id, absence, null, president, s_at.AddDays(2)).Refused?.Outcome);
        var judge = new Actor("judge", UserRoles.Judge, court.Id, null, team);
        Assert.Equal(Outcome.Forbidden, CourtCommands.WithdrawAbsence(live, team, absence, null, judge, s_at.AddDays(2)).Refused?.Outcome);

        var replayed = new CourtState(court, e => LiveLedger.Secret(1, e));
        Assert.All(records, r => Assert.Null(replayed.Replay(r)));
        var away = Assert.Single(replayed.AbsencesOf(0));
        Assert.Equal(s_at.AddDays(1), away.To);
        Assert.Equal(records[^1].Seq, away.Withdrawn);
        Assert.Equal(live.AbsencesOf(0), replayed.AbsencesOf(0));

        // The same withdrawal said to be a judge's, or of an absence never recorded: verification names its seq.
        var entry = LedgerEntry.Parse(records[^1].Json);
        foreach (var forged in new[] { entry with { By = new LedgerActor("judge", UserRoles.Judge) }, entry with { Withdraws = 999 } })
        {
            var state = new CourtState(court, e => LiveLedger.Secret(1, e));
            foreach (var r in records.Take(records.Count - 1))
            {
                Assert.Null(state.Replay(r));
            }
            var json = forged.ToJson();
            Assert.NotNull(state.Replay(new LedgerRecord(court.Id, forged.Seq, forged.Kind, null, json, LedgerHash.Of(json))));
        }
    }

    [Fact]
    public void A_command_after_a_watch_is_stamped_no_earlier_than_the_watch_even_when_the_clock_went_back()
    {
        var court = TestCourts.Replay("{ policy: random }");
        var live = new CourtState(court, e => LiveLedger.Secret(1, e));
        var president = new Actor("president", UserRoles.President, court.Id, null, null);
        CourtCommands.Open(live, court.Scenario.Name, LedgerHash.Commitment(LiveLedger.Secret(1, 1)), LiveLedger.Start);
        var team = court.Layout.Teams[0].Id;
        var absence = CourtCommands.MarkAbsent(live, team, null, s_at.AddSeconds(1), "leave", president, s_at).Records[^1].Seq;

        // A watch brings the court past the absence's end; then a withdrawal comes with a clock a little behind.
        CourtCommands.WatchQueue(live, s_at.AddSeconds(2));
        var at = live.TimeOfNext(s_at.AddSeconds(-1));

        Assert.Equal(s_at.AddSeconds(2), at);
        var refused = CourtCommands.WithdrawAbsence(live, team, absence, "back early", president, at).Refused;
        Assert.Equal(Outcome.Conflict, refused?.Outcome);
        Assert.Contains("already over", refused!.Error, StringComparison.Ordinal);
    }
}
