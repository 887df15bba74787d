using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Domain.Supervision;

namespace Docket.Domain.Tests.Courts;

/// <summary>
/// A command on one case decided on the case's record alone (<see cref="CaseCommands"/>) and sequenced by the court
/// (<see cref="CourtCommands.Ledger"/>): the entries are those the court's own decision made, stamped with the
/// court's moment; a decision on a record that has moved on, or sequenced past where it holds, is not taken.
/// </summary>
public sealed class CaseCommandsTests
{
    private static readonly DateTimeOffset s_start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly Actor s_registrar = new("r", UserRoles.Registrar, null, null, null);

    private sealed record Opened(Court Court, CourtState State, List<LedgerRecord> Records, string Secret);

    /// <summary>A court of the yancheng-nodes scenario (simple civil cases: hearing_scheduled due in 7 days, important) with one case filed.</summary>
    private static Opened OpenWithACase()
    {
        var court = TestCourts.Yancheng();
        const string secret = "5a1e0000000000000000000000000000000000000000000000000000000000aa";
        var state = new CourtState(court, _ => secret);
        var records = new List<LedgerRecord> { CourtCommands.Open(state, "yancheng", LedgerHash.Commitment(secret), s_start) };
        var filed = CourtCommands.File(state, new FilingRequest("simple_civil", false, RiskLevel.None, null, s_registrar with { Court = court.Id }), s_start);
        Assert.Null(filed.Refused);
        Assert.NotNull(state.Case(1)!.Team);
        records.AddRange(filed.Records);
        return new Opened(court, state, records, secret);
    }

    private static Actor JudgeOf(Court court, CourtCase c) => new("j", UserRoles.Judge, court.Id, court.DivisionOfTeam(c.Team), c.Team);

    [Fact]
    public void A_report_decided_by_the_case_and_sequenced_later_is_the_entry_the_court_s_own_decision_makes_then()
    {
        var decided = OpenWithACase();
        var direct = OpenWithACase();
        var c = decided.State.Case(1)!;
        var later = s_start.AddHours(5);

        var decision = CaseCommands.Reach(decided.Court, c, "served", JudgeOf(decided.Court, c), s_start.AddHours(1));
        var sequenced = CourtCommands.Ledger(decided.State, decision, later);
        var atOnce = CourtCommands.Reach(direct.State, 1, "served", JudgeOf(direct.Court, c), later);

        Assert.NotNull(sequenced);
        Assert.Equal(atOnce.Records.Select(r => r.Json), sequenced.Records.Select(r => r.Json));
        Assert.Equal(later, LedgerEntry.Parse(sequenced.Records[0].Json).At);
        var replay = new CourtState(decided.Court, _ => decided.Secret);
        Assert.All(decided.Records.Concat(sequenced.Records), r => Assert.Null(replay.Replay(r)));
    }

    [Fact]
    public void A_decision_on_a_record_the_court_has_since_changed_is_stale_appends_nothing_and_holds_when_decided_again()
    {
        var (court, state, records, secret) = OpenWithACase();
        var judge = JudgeOf(court, state.Case(1)!);
        var decision = CaseCommands.Reach(court, state.Case(1)!, "served", judge, s_start.AddDays(1));
        // The court's own entry about the case (a warning: hearing_scheduled is overdue) comes first.
        var unlockAt = s_start.AddDays(8);
        var warned = CourtCommands.Watch(state, unlockAt);
        Assert.NotEmpty(warned.Warnings);
        records.AddRange(warned.Records);
        var seq = state.Seq;

        Assert.Null(CourtCommands.Ledger(state, decision, s_start.AddDays(1)));
        Assert.Equal(seq, state.Seq);

        var president = new Actor("p", UserRoles.President, court.Id, null, null);
        var unlocked = CourtCommands.Ledger(state, CaseCommands.Unlock(court, state.Case(1)!, "late service", president, unlockAt), unlockAt);
        Assert.NotNull(unlocked);
        records.AddRange(unlocked.Records);
        var again = CaseCommands.Reach(court, state.Case(1)!, "served", judge, unlockAt);
        Assert.Equal(state.Case(1)!.Version, again.Version);
        var sequenced = CourtCommands.Ledger(state, again, unlockAt);
        Assert.NotNull(sequenced);
        records.AddRange(sequenced.Records);
        var replay = new CourtState(court, _ => secret);
        Assert.All(records, r => Assert.Null(replay.Replay(r)));
    }

    [Fact]
    public void A_decision_holds_until_the_clock_alone_could_change_it_and_not_after()
    {
        var (court, state, _, _) = OpenWithACase();
        var c = state.Case(1)!;
        var decision = CaseCommands.Reach(court, c, "served", JudgeOf(court, c), s_start.AddDays(1));
        // hearing_scheduled, important, falls due 7 days after filing: from then the case is locked.
        var due = CaseClock.Evaluate(court, c, s_start).Deadlines.Single(d => d.Node.Id == "hearing_scheduled").Due;
        Assert.Equal(due, decision.HoldsUntil);
        Assert.True(decision.HoldsAt(due.AddMinutes(-1)));
        Assert.False(decision.HoldsAt(due));

        Assert.Null(CourtCommands.Ledger(state, decision, due.AddHours(1)));
        var redecided = CaseCommands.Reach(court, c, "served", JudgeOf(court, c), due.AddHours(1));
        Assert.Equal(Outcome.Conflict, redecided.Refused?.Outcome);
        Assert.Contains("locked", redecided.Refused!.Error);
    }

    [Fact]
    public void A_refused_decision_carries_the_court_s_refusal_and_no_entries()
    {
        var (court, state, _, _) = OpenWithACase();
        var c = state.Case(1)!;
        var clerkElsewhere = new Actor("x", UserRoles.Clerk, court.Id, null, court.Layout.Teams.First(t => t.Id != c.Team).Id);

        var refused = CaseCommands.Reach(court, c, "served", clerkElsewhere, s_start.AddHours(1));

        Assert.Empty(refused.Entries);
        Assert.Equal((Outcome.Forbidden, (string?)null, $"only a judge of case {c.Id}'s team or a clerk of case {c.Id}'s team (or of no team) reports on it"),
            (refused.Refused!.Outcome, refused.Refused.Field, refused.Refused.Error));
        Assert.Throws<ArgumentException>(() => CourtCommands.Ledger(state, refused, s_start.AddHours(1)));
        Assert.Equal(2, state.Seq);
    }
}
