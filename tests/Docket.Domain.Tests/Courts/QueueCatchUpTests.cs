using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Domain.Supervision;
using Docket.Domain.Tests.Replay;

namespace Docket.Domain.Tests.Courts;

/// <summary>
/// What the waiting queue owes is appended before a command decides, not left to the deadline watch's next tick: a
/// team back from an absence pulls the cases that waited for it before a new filing is decided, as the simulator has
/// it at the moment of the return; a withdrawn absence pulls at once. The entries are ordinary pulls the replay re-makes.
/// </summary>
public sealed class QueueCatchUpTests
{
    private static readonly DateTimeOffset s_at = LiveLedger.Start.AddHours(2);

    [Fact]
    public void A_team_back_from_leave_pulls_the_waiting_case_before_the_next_filing_is_decided()
    {
        var (court, live, records, waiting) = CriminalTeamsAwayWithOneCaseWaiting(until: s_at.AddHours(1));

        var filed = CourtCommands.File(live, Criminal(court), s_at.AddHours(2));
        records.AddRange(filed.Records);

        var (pulled, team) = Assert.Single(filed.Pulled);
        Assert.Equal(waiting, pulled);
        Assert.Equal(LedgerKinds.Pull, filed.Records[0].Kind);
        Assert.Equal(LedgerKinds.Assign, filed.Records[^1].Kind);
        Assert.Equal(CourtCaseStatus.Pending, live.Case(waiting)!.Status);
        Assert.Equal(team, live.Case(waiting)!.Team);
        Assert.Equal(0, live.Waiting);
        AssertReplays(court, records);
    }

    [Fact]
    public void A_withdrawn_absence_pulls_the_waiting_case_at_once()
    {
        var (court, live, records, waiting) = CriminalTeamsAwayWithOneCaseWaiting(until: s_at.AddDays(5));
        var away = court.Layout.Teams.First(t => t.Id != FirstCriminal(court) && t.Accepts.Contains(court.TypeIndex("criminal"))).Id;
        var absence = live.AbsencesOf(court.TeamIndex(away))[0].Seq;

        var withdrawn = CourtCommands.WithdrawAbsence(live, away, absence, "back early", President(court), s_at.AddHours(2));
        records.AddRange(withdrawn.Records);

        Assert.Equal(LedgerKinds.AbsenceWithdrawn, withdrawn.Records[0].Kind);
        Assert.Equal((waiting, away), Assert.Single(withdrawn.Pulled));
        Assert.Equal(0, live.Waiting);
        AssertReplays(court, records);
    }

    [Fact]
    public void A_designation_after_a_team_came_back_is_decided_once_the_team_pulled_what_waited_for_it()
    {
        var (court, live, records, waiting) = CriminalTeamsAwayWithOneCaseWaiting(until: s_at.AddHours(1));
        var held = live.HeldCases.First(c => c.Team == FirstCriminal(court));
        var other = court.Layout.Teams.First(t => t.Id != FirstCriminal(court) && t.Accepts.Contains(court.TypeIndex("criminal"))).Id;

        var designated = CourtCommands.Designate(live, held.Number, other, "related case", President(court), s_at.AddHours(2));
        records.AddRange(designated.Records);

        Assert.Null(designated.Refused);
        Assert.Equal([LedgerKinds.Pull, LedgerKinds.Designate], designated.Records.Select(r => r.Kind));
        Assert.Equal(waiting, Assert.Single(designated.Pulled).Number);
        Assert.Equal(other, live.Case(held.Number)!.Team);
        Assert.Equal(0, live.Waiting);
        AssertReplays(court, records);
    }

    [Fact]
    public void An_absence_recorded_as_a_team_comes_back_follows_the_pulls_it_owed()
    {
        var (court, live, records, waiting) = CriminalTeamsAwayWithOneCaseWaiting(until: s_at.AddHours(1));

        var away = CourtCommands.MarkAbsent(live, FirstCriminal(court), null, s_at.AddDays(3), "training", President(court), s_at.AddHours(2));
        records.AddRange(away.Records);

        Assert.Equal([LedgerKinds.Pull, LedgerKinds.Absence], away.Records.Select(r => r.Kind));
        Assert.Equal(CourtCaseStatus.Pending, live.Case(waiting)!.Status);
        AssertReplays(court, records);
    }

    [Fact]
    public void A_refused_command_still_carries_the_pulls_the_queue_owed_when_it_came_and_nothing_of_its_own()
    {
        var (court, live, records, waiting) = CriminalTeamsAwayWithOneCaseWaiting(until: s_at.AddHours(1));

        var refused = CourtCommands.MarkAbsent(live, FirstCriminal(court), null, s_at.AddDays(3), " ", President(court), s_at.AddHours(2));
        records.AddRange(refused.Records);

        Assert.Equal(Outcome.Invalid, refused.Refused?.Outcome);
        Assert.Equal(LedgerKinds.Pull, Assert.Single(refused.Records).Kind);
        Assert.Equal(waiting, Assert.Single(refused.Pulled).Number);
        Assert.Empty(live.AbsencesOf(court.TeamIndex(FirstCriminal(court))));
        AssertReplays(court, records);
    }

    [Fact]
    public void A_case_decision_on_a_waiting_case_the_queue_then_pulls_is_stale_and_leaves_the_pull_to_be_written()
    {
        var (court, live, records, waiting) = CriminalTeamsAwayWithOneCaseWaiting(until: s_at.AddHours(1));
        var registrar = new Actor("registrar", UserRoles.Registrar, court.Id, null, null);
        var hmac = new string('a', 64);
        var at = s_at.AddHours(2);
        var decided = CaseCommands.IssuePartyCode(court, live.Case(waiting)!, hmac, registrar, at);
        Assert.Null(decided.Refused);

        var stale = CourtCommands.Ledger(live, decided, at)!;
        records.AddRange(stale.Records);

        Assert.True(stale.Stale);
        Assert.Equal(LedgerKinds.Pull, Assert.Single(stale.Records).Kind);
        Assert.Empty(stale.OwnRecords);
        Assert.Equal(CourtCaseStatus.Pending, live.Case(waiting)!.Status);

        // Decided again on the case as the pull left it, the decision is sequenced.
        var again = CourtCommands.Ledger(live, CaseCommands.IssuePartyCode(court, live.Case(waiting)!, hmac, registrar, at), at)!;
        records.AddRange(again.Records);
        Assert.False(again.Stale);
        Assert.Equal(LedgerKinds.PartyCode, Assert.Single(again.Records).Kind);
        AssertReplays(court, records);
    }

    [Fact]
    public void A_case_decision_on_a_held_case_after_a_return_is_sequenced_after_the_pull_and_its_own_entries_are_told_apart()
    {
        var (court, live, records, waiting) = CriminalTeamsAwayWithOneCaseWaiting(until: s_at.AddHours(1));
        var held = live.HeldCases.First(c => c.Team == FirstCriminal(court));
        var stage = court.CaseTypes[court.TypeIndex(held.Type)].Stages[0].Task;
        var at = s_at.AddHours(2);

        var ledgered = CourtCommands.Ledger(live, CaseCommands.Reach(court, held, stage, new Actor("clerk", UserRoles.Clerk, court.Id, null, null), at), at)!;
        records.AddRange(ledgered.Records);

        Assert.False(ledgered.Stale);
        Assert.Equal(waiting, Assert.Single(ledgered.Pulled).Number);
        Assert.Equal(LedgerKinds.Pull, ledgered.Records[0].Kind);
        Assert.All(ledgered.OwnRecords, r => Assert.Equal(held.Id, r.CaseId));
        Assert.Equal(ledgered.Records.Count - 1, ledgered.OwnRecords.Count);
        // The case's grain advances by the decision's entries as appended, typed: the same entries as their stored text.
        Assert.Equal(ledgered.OwnRecords.Select(r => r.Json), ledgered.Decided.Select(e => e.ToJson()));
        AssertReplays(court, records);
    }

    [Fact]
    public void A_filing_while_the_teams_are_still_away_appends_the_filing_alone()
    {
        var (court, live, _, waiting) = CriminalTeamsAwayWithOneCaseWaiting(until: s_at.AddDays(5));

        var filed = CourtCommands.File(live, Criminal(court), s_at.AddHours(2));

        Assert.Equal(LedgerKinds.Queue, Assert.Single(filed.Records).Kind);
        Assert.Empty(filed.Pulled);
        Assert.Equal(CourtCaseStatus.Waiting, live.Case(waiting)!.Status);
    }

    /// <summary>
    /// Every team that takes criminal cases away until <paramref name="until"/> but the first criminal team, which is
    /// filled to its cap; then one more criminal case, which waits.
    /// </summary>
    private static (Court Court, CourtState Live, List<LedgerRecord> Records, long Waiting) CriminalTeamsAwayWithOneCaseWaiting(DateTimeOffset until)
    {
        var court = TestCourts.Replay("{ policy: random }");
        var live = new CourtState(court, e => LiveLedger.Secret(1, e));
        var records = new List<LedgerRecord> { CourtCommands.Open(live, court.Scenario.Name, LedgerHash.Commitment(LiveLedger.Secret(1, 1)), LiveLedger.Start) };
        var criminal = court.TypeIndex("criminal");
        foreach (var team in court.Layout.Teams.Where(t => t.Accepts.Contains(criminal) && t.Id != FirstCriminal(court)))
        {
            records.AddRange(CourtCommands.MarkAbsent(live, team.Id, null, until, "leave", President(court), s_at).Records);
        }
        var at = s_at;
        for (var i = 0; i < court.Layout.Teams[court.TeamIndex(FirstCriminal(court))].Cap!.Value; i++)
        {
            var filed = CourtCommands.File(live, Criminal(court), at = at.AddMinutes(1));
            Assert.Equal(FirstCriminal(court), live.Case(filed.Case!.Value)!.Team);
            records.AddRange(filed.Records);
        }
        var queued = CourtCommands.File(live, Criminal(court), at.AddMinutes(1));
        Assert.Equal(LedgerKinds.Queue, Assert.Single(queued.Records).Kind);
        records.AddRange(queued.Records);
        return (court, live, records, queued.Case!.Value);
    }

    private static string FirstCriminal(Court court) => court.Layout.Teams.First(t => t.Id.StartsWith("criminal", StringComparison.Ordinal)).Id;

    private static FilingRequest Criminal(Court court) =>
        new("criminal", false, RiskLevel.None, null, new Actor("registrar", UserRoles.Registrar, court.Id, null, null));

    private static Actor President(Court court) => new("president", UserRoles.President, court.Id, null, null);

    private static void AssertReplays(Court court, List<LedgerRecord> records)
    {
        var replayed = new CourtState(court, e => LiveLedger.Secret(1, e));
        Assert.All(records, r => Assert.Null(replayed.Replay(r)));
    }
}
