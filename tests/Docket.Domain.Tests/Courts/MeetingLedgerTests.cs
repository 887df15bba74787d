using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Domain.Scenarios;
using Docket.Domain.Supervision;
using Docket.Domain.Tests.Replay;

namespace Docket.Domain.Tests.Courts;

/// <summary>
/// The live court's professional judges' meetings and adjudication committee (cases 164, 165): a referred case is
/// held until its meeting sat (the papers out a week) and was released, or the committee decided; each step is a
/// ledger entry the replay re-checks, with the roles of the access table.
/// </summary>
public sealed class MeetingLedgerTests
{
    private static readonly DateTimeOffset s_at = LiveLedger.Start.AddHours(2);

    private const string Yaml = """
        name: meetings
        seed: 3
        days: 365
        case_types:
          - id: civil
            effort: { hearing: { dist: fixed, hours: 1 }, judgment: { dist: fixed, hours: 1 }, archiving: { dist: fixed, hours: 1 } }
            closes_after: judgment
        intake:
          - { type: civil, per_year: 100 }
        teams:
          - { id: a, count: 3, template: "1+1", accepts: [civil] }
          - { id: b, count: 2, template: "1+1", accepts: [civil] }
          - { id: c, count: 2, template: "1+1", accepts: [civil] }
        assignment: { policy: random }
        """;

    private sealed class Ledger(int rules = CourtRules.Version) : ScenarioLedger(Yaml, "meetings", rules)
    {
        public CourtCase File(bool flagged = false, DateTimeOffset? at = null) => FileAt("civil", flagged, at ?? s_at);

        public Actor HeadOf(CourtCase c) => DivisionHeadOf(c);

        public CommandEffect Step(CourtCase c, MeetingStep step, Actor by, DateTimeOffset at) => Add(CourtCommands.Meeting(State, c.Number, step, by, at));

        public CommandEffect Reach(CourtCase c, string node, DateTimeOffset at) => Add(CourtCommands.Reach(State, c.Number, node, JudgeOf(c), at));

        public void Replays() => Replayed();

        /// <summary>Why a fresh court replaying the whole ledger, then <paramref name="forged"/> as its next entry, refuses it.</summary>
        public string? ReplayWith(LedgerEntry forged) => ReplayWith(Records.Count, forged with { Seq = State.Seq + 1, Prev = State.Head });
    }

    [Fact]
    public void A_referred_case_closes_only_after_the_meeting_sat_a_week_after_the_papers_and_its_minutes_were_released()
    {
        var ledger = new Ledger();
        var c = ledger.File();
        Assert.Null(ledger.Reach(c, "hearing", s_at.AddDays(1)).Refused);
        Assert.Null(ledger.Step(c, new MeetingStep(MeetingStepKind.Refer, MeetingTriggers.RemandOrReversal, "reversal proposed"), ledger.JudgeOf(c), s_at.AddDays(2)).Refused);

        var early = ledger.Reach(c, "judgment", s_at.AddDays(3));
        Assert.Equal(Outcome.Conflict, early.Refused?.Outcome);
        Assert.Contains("professional judges' meeting", early.Refused!.Error, StringComparison.Ordinal);
        var papers = ledger.Step(c, new MeetingStep(MeetingStepKind.Held, Adopted: true), ledger.HeadOf(c), s_at.AddDays(8.9));
        Assert.Contains("papers went out", papers.Refused!.Error, StringComparison.Ordinal);
        Assert.Null(ledger.Step(c, new MeetingStep(MeetingStepKind.Held, Adopted: true), ledger.HeadOf(c), s_at.AddDays(9)).Refused);
        Assert.Equal(Outcome.Conflict, ledger.Reach(c, "judgment", s_at.AddDays(9)).Refused?.Outcome);
        Assert.Null(ledger.Step(c, new MeetingStep(MeetingStepKind.Release), ledger.HeadOf(c), s_at.AddDays(10)).Refused);
        Assert.True(ledger.Reach(c, "judgment", s_at.AddDays(10)).Closed);

        ledger.Replays();
        var folded = CaseEntries.Fold(ledger.Court, ledger.Records.Where(r => r.CaseId == c.Id).Select(r => LedgerEntry.Parse(r.Json)));
        Assert.Equal(new MeetingHold(MeetingTriggers.RemandOrReversal, s_at.AddDays(2), MeetingStage.Released, true), folded.Meeting);
    }

    [Fact]
    public void A_four_type_case_closes_only_after_someone_referred_it_and_its_meeting_sat_and_was_released()
    {
        var ledger = new Ledger();
        var c = ledger.File(flagged: true);
        // The filing says so, and the case's record, as the court and the case's grain fold it, stands "required".
        var filing = LedgerEntry.Parse(ledger.Records[^1].Json);
        Assert.Equal(MeetingTriggers.FourType, filing.Trigger);
        Assert.Equal(new MeetingHold(MeetingTriggers.FourType, s_at, MeetingStage.Required), c.Meeting);
        Assert.Equal(c.Meeting, CaseEntries.Fold(ledger.Court, [filing]).Meeting);

        Assert.Null(ledger.Reach(c, "hearing", s_at.AddDays(1)).Refused);
        var unreferred = ledger.Reach(c, "judgment", s_at.AddDays(2));
        Assert.Equal(Outcome.Conflict, unreferred.Refused?.Outcome);
        Assert.Contains("a four-type case closes only after a professional judges' meeting: refer it", unreferred.Refused!.Error, StringComparison.Ordinal);
        // Nor does a ledger that reports the closing stage anyway verify, with or without the close entry after it.
        var hearing = LedgerEntry.Parse(ledger.Records.Last(r => r.Kind == LedgerKinds.Node).Json);
        var judgment = CaseProgress.Resolve(ledger.Court, ledger.State.Case(c.Number)!, "judgment").Step!;
        Assert.Contains("reached its closing stage while a four-type case closes only after a professional judges' meeting",
            ledger.ReplayWith(hearing with { Node = "judgment", Stages = judgment.Stages, Nodes = judgment.Nodes, At = s_at.AddDays(2) }), StringComparison.Ordinal);
        Assert.Contains("not referred", ledger.Step(c, new MeetingStep(MeetingStepKind.Held, Adopted: true), ledger.HeadOf(c), s_at.AddDays(9)).Refused!.Error, StringComparison.Ordinal);
        Assert.Contains("not referred", ledger.Step(c, new MeetingStep(MeetingStepKind.Release), ledger.HeadOf(c), s_at.AddDays(9)).Refused!.Error, StringComparison.Ordinal);

        Assert.Null(ledger.Step(c, new MeetingStep(MeetingStepKind.Refer, MeetingTriggers.FourType, "a four-type case"), ledger.JudgeOf(c), s_at.AddDays(2)).Refused);
        Assert.Equal(Outcome.Conflict, ledger.Reach(c, "judgment", s_at.AddDays(3)).Refused?.Outcome);
        Assert.Null(ledger.Step(c, new MeetingStep(MeetingStepKind.Held, Adopted: true), ledger.HeadOf(c), s_at.AddDays(9)).Refused);
        Assert.Null(ledger.Step(c, new MeetingStep(MeetingStepKind.Release), ledger.HeadOf(c), s_at.AddDays(9)).Refused);
        Assert.True(ledger.Reach(c, "judgment", s_at.AddDays(10)).Closed);
        ledger.Replays();

        // A case not flagged needs no meeting.
        var ordinary = ledger.File(at: s_at.AddDays(10));
        Assert.Null(ordinary.Meeting);
        Assert.Null(ledger.Reach(ordinary, "hearing", s_at.AddDays(11)).Refused);
        Assert.True(ledger.Reach(ordinary, "judgment", s_at.AddDays(11)).Closed);
    }

    [Fact]
    public void Verification_refuses_a_closing_stage_report_whose_close_entry_does_not_follow()
    {
        var ledger = new Ledger();
        var c = ledger.File();
        ledger.Reach(c, "hearing", s_at.AddDays(1));
        Assert.True(ledger.Reach(c, "judgment", s_at.AddDays(1)).Closed);
        var close = ledger.Records.FindIndex(r => r.Kind == LedgerKinds.Close);
        ledger.File(at: s_at.AddDays(2));
        var filing = LedgerEntry.Parse(ledger.Records[^1].Json);
        var closeEntry = LedgerEntry.Parse(ledger.Records[close].Json);
        ledger.Replays();

        Assert.Contains($"case {c.Id} reached its closing stage in the entry before, and its close entry does not follow (this assign entry comes in its place)",
            ledger.ReplayWith(close, filing with { Seq = closeEntry.Seq, Prev = closeEntry.Prev }), StringComparison.Ordinal);
    }

    [Fact]
    public void Under_rules_version_4_a_flagged_case_nobody_referred_closes_as_it_did()
    {
        var ledger = new Ledger(rules: CourtRules.CatchUpVersion);
        var c = ledger.File(flagged: true);
        Assert.Null(LedgerEntry.Parse(ledger.Records[^1].Json).Trigger);
        Assert.Null(c.Meeting);
        Assert.Null(ledger.Reach(c, "hearing", s_at.AddDays(1)).Refused);
        Assert.True(ledger.Reach(c, "judgment", s_at.AddDays(1)).Closed);
        ledger.Replays();
    }

    [Theory]
    [InlineData(CourtRules.Version, true, null, "carries the meeting trigger four_type when flagged")]
    [InlineData(CourtRules.Version, false, MeetingTriggers.FourType, "carries the meeting trigger four_type when flagged")]
    [InlineData(CourtRules.CatchUpVersion, true, MeetingTriggers.FourType, "carries no meeting trigger")]
    public void Verification_refuses_a_filing_whose_meeting_trigger_is_not_the_one_its_rules_give(int rules, bool flagged, string? trigger, string problem)
    {
        var ledger = new Ledger(rules);
        ledger.File(flagged: true);
        ledger.File();
        var filing = LedgerEntry.Parse(ledger.Records[^1].Json);

        Assert.Contains(problem, ledger.ReplayWith(filing with { Number = filing.Number + 1, Case = ledger.Court.CaseId(filing.Number!.Value + 1), Flagged = flagged, Trigger = trigger }),
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_four_type_case_whose_panel_departs_goes_to_the_committee_and_only_the_president_records_its_decision()
    {
        var ledger = new Ledger();
        var c = ledger.File(flagged: true);
        ledger.Reach(c, "hearing", s_at.AddDays(1));
        Assert.Null(ledger.Step(c, new MeetingStep(MeetingStepKind.Refer, MeetingTriggers.PanelSplit, "two against one"), ledger.JudgeOf(c), s_at.AddDays(1)).Refused);
        Assert.Null(ledger.Step(c, new MeetingStep(MeetingStepKind.Held, Adopted: false), ledger.President, s_at.AddDays(8)).Refused);

        var release = ledger.Step(c, new MeetingStep(MeetingStepKind.Release), ledger.HeadOf(c), s_at.AddDays(9));
        Assert.Contains("adjudication committee", release.Refused!.Error, StringComparison.Ordinal);
        Assert.Null(ledger.Step(c, new MeetingStep(MeetingStepKind.Committee, Reason: "departs on a four-type case"), ledger.HeadOf(c), s_at.AddDays(9)).Refused);
        Assert.Contains("adjudication committee", ledger.Reach(c, "judgment", s_at.AddDays(10)).Refused!.Error, StringComparison.Ordinal);
        Assert.Equal(Outcome.Forbidden, ledger.Step(c, new MeetingStep(MeetingStepKind.Decision, Reason: "uphold"), ledger.HeadOf(c), s_at.AddDays(20)).Refused?.Outcome);
        Assert.Equal(Outcome.Invalid, ledger.Step(c, new MeetingStep(MeetingStepKind.Decision, Reason: " "), ledger.President, s_at.AddDays(20)).Refused?.Outcome);
        Assert.Null(ledger.Step(c, new MeetingStep(MeetingStepKind.Decision, Reason: "the majority's view"), ledger.President, s_at.AddDays(20)).Refused);
        Assert.True(ledger.Reach(c, "judgment", s_at.AddDays(21)).Closed);
        ledger.Replays();
    }

    [Fact]
    public void A_panel_adopting_the_majority_needs_no_committee_and_a_departure_on_an_ordinary_referral_may_be_released()
    {
        var ledger = new Ledger();
        var adopted = ledger.File(flagged: true);
        ledger.Step(adopted, new MeetingStep(MeetingStepKind.Refer, MeetingTriggers.FourType, "four-type"), ledger.JudgeOf(adopted), s_at);
        ledger.Step(adopted, new MeetingStep(MeetingStepKind.Held, Adopted: true), ledger.HeadOf(adopted), s_at.AddDays(7));
        Assert.Contains("adopted the meeting's majority", ledger.Step(adopted, new MeetingStep(MeetingStepKind.Committee), ledger.HeadOf(adopted), s_at.AddDays(7)).Refused!.Error, StringComparison.Ordinal);

        var split = ledger.File(at: s_at.AddDays(7));
        ledger.Step(split, new MeetingStep(MeetingStepKind.Refer, MeetingTriggers.PanelSplit, "split"), ledger.JudgeOf(split), s_at.AddDays(7));
        ledger.Step(split, new MeetingStep(MeetingStepKind.Held, Adopted: false), ledger.HeadOf(split), s_at.AddDays(14));
        Assert.Null(ledger.Step(split, new MeetingStep(MeetingStepKind.Release), ledger.HeadOf(split), s_at.AddDays(14)).Refused);
        ledger.Replays();
    }

    [Fact]
    public void Referrals_follow_the_access_table_and_the_replay_refuses_forged_meeting_entries()
    {
        var ledger = new Ledger();
        var c = ledger.File();
        var otherTeam = ledger.Court.Layout.Teams.Select(t => t.Id).First(t => t != c.Team);
        var stranger = new Actor("stranger", UserRoles.Judge, ledger.Court.Id, ledger.Court.DivisionOfTeam(otherTeam), otherTeam);
        var clerk = new Actor("clerk", UserRoles.Clerk, ledger.Court.Id, null, null);
        var refer = new MeetingStep(MeetingStepKind.Refer, MeetingTriggers.PanelSplit, "split");

        Assert.Equal(Outcome.Forbidden, ledger.Step(c, refer, stranger, s_at).Refused?.Outcome);
        Assert.Equal(Outcome.Forbidden, ledger.Step(c, refer, clerk, s_at).Refused?.Outcome);
        Assert.Equal(Outcome.Forbidden, ledger.Step(c, refer with { Trigger = MeetingTriggers.LeaderDisagrees }, ledger.JudgeOf(c), s_at).Refused?.Outcome);
        var unknown = ledger.Step(c, refer with { Trigger = "hunch" }, ledger.JudgeOf(c), s_at).Refused!;
        Assert.Equal((Outcome.Invalid, "trigger"), (unknown.Outcome, unknown.Field));
        Assert.Equal("reason", ledger.Step(c, refer with { Reason = "" }, ledger.JudgeOf(c), s_at).Refused?.Field);
        Assert.Equal("adopted", ledger.Step(c, new MeetingStep(MeetingStepKind.Held), ledger.HeadOf(c), s_at).Refused?.Field);
        Assert.Equal(Outcome.Forbidden, ledger.Step(c, new MeetingStep(MeetingStepKind.Held, Adopted: true), ledger.JudgeOf(c), s_at).Refused?.Outcome);
        Assert.Null(ledger.Step(c, refer with { Trigger = MeetingTriggers.LeaderDisagrees }, ledger.HeadOf(c), s_at).Refused);
        ledger.Replays();

        var referral = LedgerEntry.Parse(ledger.Records[^1].Json);
        Assert.Contains("only judge or division_head or president", ledger.ReplayWith(referral with { Kind = LedgerKinds.MeetingReferred, By = new LedgerActor("clerk", UserRoles.Clerk) }), StringComparison.Ordinal);
        var held = referral with { Kind = LedgerKinds.MeetingHeld, Trigger = null, Reason = null, Adopted = true };
        Assert.Contains("papers went out", ledger.ReplayWith(held with { At = s_at.AddDays(3) }), StringComparison.Ordinal);
        Assert.Contains("only division_head or president", ledger.ReplayWith(held with { At = s_at.AddDays(8), By = new LedgerActor("judge", UserRoles.Judge) }), StringComparison.Ordinal);
        Assert.Null(ledger.ReplayWith(held with { At = s_at.AddDays(8) }));
        Assert.Contains("not before the adjudication committee", ledger.ReplayWith(referral with { Kind = LedgerKinds.CommitteeDecided, At = s_at.AddDays(8), By = new LedgerActor("president", UserRoles.President) }), StringComparison.Ordinal);
    }

    [Fact]
    public void Whatever_is_done_in_whatever_order_a_held_case_never_closes_before_its_meeting_has_been_held_and_released()
    {
        var closedAfterMeeting = 0;
        for (var seed = 1; seed <= 6; seed++)
        {
            closedAfterMeeting += RandomWalkKeepsTheHold(seed);
        }
        // The walks closed referred cases (the check below did not pass vacuously).
        Assert.True(closedAfterMeeting >= 5, $"only {closedAfterMeeting} referred cases closed");
    }

    /// <summary>Random steps by random roles on random cases at random times; every case's entries checked in order. Returns the referred cases closed.</summary>
    private static int RandomWalkKeepsTheHold(int seed)
    {
        var ledger = new Ledger();
        var random = new Random(seed);
        var at = s_at;
        var cases = new List<CourtCase>();
        var actors = new Func<CourtCase, Actor>[] { ledger.JudgeOf, ledger.HeadOf, _ => ledger.President };
        for (var step = 0; step < 500; step++)
        {
            at = at.AddHours(random.Next(0, 60));
            if (cases.Count < 3 || random.Next(10) == 0)
            {
                cases.Add(ledger.File(random.Next(3) == 0, at));
                continue;
            }
            var c = ledger.State.Case(cases[random.Next(cases.Count)].Number)!;
            var by = actors[random.Next(actors.Length)](c);
            switch (random.Next(6))
            {
                case 0:
                    ledger.Step(c, new MeetingStep(MeetingStepKind.Refer, MeetingTriggers.All[random.Next(MeetingTriggers.All.Count)], "why"), by, at);
                    break;
                case 1:
                    ledger.Step(c, new MeetingStep(MeetingStepKind.Held, Adopted: random.Next(3) != 0), by, at);
                    break;
                case 2:
                    ledger.Step(c, new MeetingStep(MeetingStepKind.Release), by, at);
                    break;
                case 3:
                    ledger.Step(c, new MeetingStep(random.Next(2) == 0 ? MeetingStepKind.Committee : MeetingStepKind.Decision, Reason: "decided"), by, at);
                    break;
                default:
                    ledger.Reach(c, c.StagesDone == 0 ? "hearing" : "judgment", at);
                    break;
            }
        }
        ledger.Replays();

        var closedAfterMeeting = 0;
        foreach (var group in ledger.Records.Where(r => r.CaseId is not null).GroupBy(r => r.CaseId))
        {
            DateTimeOffset? referred = null, held = null;
            var released = false;
            foreach (var e in group.Select(r => LedgerEntry.Parse(r.Json)))
            {
                switch (e.Kind)
                {
                    case LedgerKinds.MeetingReferred:
                        (referred, held, released) = (e.At, null, false);
                        break;
                    case LedgerKinds.MeetingHeld:
                        Assert.True(e.At >= referred!.Value.AddDays(7), $"{e.Case}: held {e.At:O}, papers out {referred:O}");
                        held = e.At;
                        break;
                    case LedgerKinds.MeetingReleased or LedgerKinds.CommitteeDecided:
                        Assert.NotNull(held);
                        released = true;
                        break;
                    case LedgerKinds.Close when referred is not null:
                        Assert.True(held is not null && released, $"{e.Case} closed while held for its meeting");
                        closedAfterMeeting++;
                        break;
                }
            }
        }
        return closedAfterMeeting;
    }

    private static readonly string[] s_members = ["a-1/judge-1", "a-2/judge-1", "a-3/judge-1", "b-1/judge-1", "b-2/judge-1", "c-1/judge-1", "c-2/judge-1"];

    /// <summary>Two cases referred on day 1: their papers are out a week later.</summary>
    private static (Ledger Ledger, CourtCase First, CourtCase Second) TwoReferred()
    {
        var ledger = new Ledger();
        var first = ledger.File();
        var second = ledger.File(at: s_at.AddHours(1));
        foreach (var c in new[] { first, second })
        {
            Assert.Null(ledger.Step(c, new MeetingStep(MeetingStepKind.Refer, MeetingTriggers.PanelSplit, "two against one"), ledger.President, s_at.AddDays(1)).Refused);
        }
        return (ledger, first, second);
    }

    [Fact]
    public void A_sitting_with_a_majority_present_holds_each_case_heard_and_counts_each_members_attendance()
    {
        var (ledger, first, second) = TwoReferred();
        var sitting = new MeetingSitting(s_members, s_members[..4], [new HeardCase(first.Id, true), new HeardCase(second.Id, false)]);

        var effect = ledger.Add(CourtCommands.HoldSitting(ledger.State, sitting, ledger.President, s_at.AddDays(9)));

        Assert.Null(effect.Refused);
        var entries = effect.Records.Select(r => LedgerEntry.Parse(r.Json)).ToList();
        Assert.Equal([LedgerKinds.MeetingSitting, LedgerKinds.MeetingHeld, LedgerKinds.MeetingHeld], entries.Select(e => e.Kind));
        Assert.Equal(s_members, entries[0].Members);
        Assert.Equal([first.Id, second.Id], entries[0].Heard!);
        Assert.Equal([true, false], entries.Skip(1).Select(e => e.Adopted!.Value));
        Assert.Equal(MeetingStage.Held, ledger.State.Case(first.Number)!.Meeting!.Stage);
        Assert.Equal(MeetingStage.Held, ledger.State.Case(second.Number)!.Meeting!.Stage);
        var attendance = ledger.State.Attendance();
        Assert.Equal((1, 0), (attendance.Sittings, attendance.WithoutQuorum));
        Assert.Equal(s_members, attendance.Members.Select(m => m.Judge));
        Assert.All(attendance.Members, m => Assert.Equal((1, s_members[..4].Contains(m.Judge) ? 1 : 0, !s_members[..4].Contains(m.Judge)), (m.Called, m.Attended, m.UnderHalf)));

        var replayed = ledger.Replayed();
        Assert.Equal(attendance.Members, replayed.Attendance().Members);
        var saved = new MemoryStream();
        ledger.State.WriteSnapshot(saved);
        saved.Position = 0;
        Assert.Equal(attendance.Members, CourtState.ReadSnapshot(ledger.Court, e => LiveLedger.Secret(1, e), saved).Attendance().Members);
        Assert.Contains("not among the members called", ledger.ReplayWith(ledger.Records.Count - 3, entries[0] with { Present = ["a-1/judge-1", "z-9/judge-1"] }), StringComparison.Ordinal);
        Assert.Contains("only division_head or president", ledger.ReplayWith(ledger.Records.Count - 3, entries[0] with { By = new LedgerActor("judge", UserRoles.Judge) }), StringComparison.Ordinal);
    }

    [Fact]
    public void A_sitting_without_a_majority_present_is_not_held_its_cases_still_wait_and_its_absentees_fall_under_half()
    {
        var (ledger, first, _) = TwoReferred();
        var half = s_members[..3];

        var effect = ledger.Add(CourtCommands.HoldSitting(ledger.State, new MeetingSitting(s_members[..6], half, [new HeardCase(first.Id, true)]), ledger.President, s_at.AddDays(9)));

        Assert.Null(effect.Refused);
        Assert.Equal([LedgerKinds.MeetingSitting], effect.Records.Select(r => r.Kind));
        Assert.Equal(MeetingStage.Referred, ledger.State.Case(first.Number)!.Meeting!.Stage);
        Assert.Equal(Outcome.Conflict, ledger.Reach(first, "judgment", s_at.AddDays(9)).Refused?.Outcome);
        var attendance = ledger.State.Attendance();
        Assert.Equal((1, 1), (attendance.Sittings, attendance.WithoutQuorum));
        Assert.Equal(3, attendance.Members.Count(m => m.UnderHalf));
        Assert.DoesNotContain(attendance.Members, m => m.Judge == s_members[6]);

        // The next sitting, with a majority, holds it.
        Assert.Null(ledger.Add(CourtCommands.HoldSitting(ledger.State, new MeetingSitting(s_members[..3], s_members[..2], [new HeardCase(first.Id, true)]), ledger.President, s_at.AddDays(10))).Refused);
        Assert.Equal(MeetingStage.Held, ledger.State.Case(first.Number)!.Meeting!.Stage);
        ledger.Replays();
    }

    [Fact]
    public void A_sitting_is_refused_for_unknown_members_cases_not_ready_or_a_recorder_without_the_right_naming_the_field()
    {
        var (ledger, first, second) = TwoReferred();
        MeetingSitting Sitting(params HeardCase[] cases) => new(s_members, s_members, cases);
        CommandResult? Refused(MeetingSitting sitting, Actor? by = null, double day = 9) =>
            CourtCommands.HoldSitting(ledger.State, sitting, by ?? ledger.President, s_at.AddDays(day)).Refused;

        Assert.Equal(("members[1]", Outcome.Invalid), Field(Refused(new MeetingSitting(["a-1/judge-1", "a-1/judge-9"], [], [new HeardCase(first.Id, true)]))));
        Assert.Equal(("present[0]", Outcome.Invalid), Field(Refused(new MeetingSitting(["a-1/judge-1"], ["b-1/judge-1"], [new HeardCase(first.Id, true)]))));
        Assert.Equal(("members", Outcome.Invalid), Field(Refused(new MeetingSitting([], [], [new HeardCase(first.Id, true)]))));
        Assert.Equal(("cases", Outcome.Invalid), Field(Refused(Sitting())));
        Assert.Equal(("cases[0].adopted", Outcome.Invalid), Field(Refused(Sitting(new HeardCase(first.Id, null)))));
        Assert.Equal(("cases[1].id", Outcome.Invalid), Field(Refused(Sitting(new HeardCase(first.Id, true), new HeardCase("meetings-999", true)))));
        Assert.Equal(("cases[1].id", Outcome.Invalid), Field(Refused(Sitting(new HeardCase(first.Id, true), new HeardCase(first.Id, true)))));
        Assert.Equal(Outcome.Conflict, Refused(Sitting(new HeardCase(first.Id, true)), day: 7)?.Outcome);
        var unreferred = ledger.File(at: s_at.AddDays(2));
        Assert.Equal(Outcome.Conflict, Refused(Sitting(new HeardCase(unreferred.Id, true)))?.Outcome);
        Assert.Equal(Outcome.Forbidden, Refused(Sitting(new HeardCase(first.Id, true)), ledger.JudgeOf(first))?.Outcome);
        var otherHead = new Actor("head", UserRoles.DivisionHead, ledger.Court.Id, ledger.Court.DivisionOfTeam(first.Team) == "a" ? "b" : "a", null);
        Assert.Equal(Outcome.Forbidden, Refused(Sitting(new HeardCase(first.Id, true)), otherHead)?.Outcome);
        // Nothing was half-applied: both cases still wait for their meeting.
        Assert.Equal(MeetingStage.Referred, ledger.State.Case(first.Number)!.Meeting!.Stage);
        Assert.Equal(MeetingStage.Referred, ledger.State.Case(second.Number)!.Meeting!.Stage);
        Assert.Equal(0, ledger.State.Attendance().Sittings);
    }

    private static (string? Field, Outcome Outcome) Field(CommandResult? refused) => (refused?.Field, refused?.Outcome ?? Outcome.Ok);
}
