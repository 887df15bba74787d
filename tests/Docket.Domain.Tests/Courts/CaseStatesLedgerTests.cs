using System.Security.Cryptography;
using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Deadlines;
using Docket.Domain.Ledger;
using Docket.Domain.Quality;
using Docket.Domain.Supervision;
using Docket.Domain.Tests.Replay;

namespace Docket.Domain.Tests.Courts;

/// <summary>
/// A case's review and conversion states and a referral's stage became enums; the ledger and the court's saved state
/// keep the names they had as strings. A scripted court — conversions approved and refused, meetings referred, held,
/// released and before the committee, files held, drawn, carded and passed — writes the ledger and the saved state
/// the string version wrote (their hashes below, from commit f07a71a), and reads them back into the same enum states.
/// </summary>
public sealed class CaseStatesLedgerTests
{
    private static readonly DateTimeOffset s_at = LiveLedger.Start.AddHours(2);

    /// <summary>The ledger's head after <see cref="Script"/>, as commit f07a71a (string states) wrote it.</summary>
    private const string HeadWhileStrings = "569031c57a6898f740b6f51c410c4cb4327cfeb328ef049f8682690742bdb149";

    /// <summary>
    /// SHA-256 of the saved state after <see cref="Script"/> as this version writes it (version 10: the records' states
    /// by the names commit f07a71a's string states wrote, and each case's <see cref="CaseDigest"/>); it changed from
    /// f07a71a's (version 8) when version 9 added the digests, and again when the court stopped keeping a next check
    /// of the cases a team holds (their records written with none; a state saved with them is taken up without them:
    /// DeadlineWatchIndexTests), and again with version 10 (each team's and judge's tally with its meeting seats).
    /// Version 11 writes the same bytes under another number: with the number put back to 10, this hash again.
    /// The ledger's head above is still f07a71a's.
    /// </summary>
    private const string SavedStateWhileStrings = "4b14a916f91190f0a7d96d52d146bbb33c88ee7a6754baa8fbd97c24cff230f6";

    private const string Yaml = """
        name: states
        seed: 3
        days: 365
        case_types:
          - id: simple
            track: fast_track
            time_limit_days: 90
            effort: { hearing: { dist: fixed, hours: 1 }, judgment: { dist: fixed, hours: 1 }, archiving: { dist: fixed, hours: 0.2 } }
            closes_after: judgment
            conversion: { share: 0.1, approval_share: 0.5, approver: division_head, limit_days: 180 }
        intake:
          - { type: simple, per_year: 100 }
        teams:
          - { id: a, count: 2, members: { judge: 1, clerk: 1 }, accepts: [simple] }
        assignment: { policy: random }
        quality_review: { sample_share: 0.2, categories: [simple], repeat_window_days: 100, yellow_fix_days: 10, red_fix_days: 20 }
        """;

    /// <summary>Begun under the rules f07a71a wrote (version 3): a later version's genesis entry says its own.</summary>
    internal sealed class Ledger() : ScenarioLedger(Yaml, "states", CourtRules.QualityHoldVersion)
    {
        public Actor Reviewer => new("reviewer", UserRoles.Reviewer, Court.Id, null, null);

        public void Accepted(CommandEffect effect) => Assert.Null(Add(effect).Refused);
    }

    /// <summary>
    /// Seven cases: 1 converted (approved); 2 refused its conversion, referred, its meeting held and released; 3 a
    /// four-type case whose panel departed, before the committee; 4 referred; 5 and 6 closed (held for review), drawn,
    /// then 5 carded yellow and 6 passed; 7 closed and drawn by a second draw, no finding yet.
    /// </summary>
    internal static (Ledger Ledger, CourtCase[] Cases) Script()
    {
        var l = new Ledger();
        CourtCase[] c =
        [
            l.FileAt("simple", s_at), l.FileAt("simple", s_at.AddHours(1)), l.FileAt("simple", true, s_at.AddHours(2)),
            l.FileAt("simple", s_at.AddHours(3)), l.FileAt("simple", s_at.AddHours(4)), l.FileAt("simple", s_at.AddHours(5)),
            l.FileAt("simple", s_at.AddHours(6)),
        ];
        l.Accepted(CourtCommands.RequestConversion(l.State, c[0].Number, "complex facts", l.JudgeOf(c[0]), s_at.AddDays(1)));
        l.Accepted(CourtCommands.RequestConversion(l.State, c[1].Number, "complex facts", l.JudgeOf(c[1]), s_at.AddDays(1)));
        l.Accepted(CourtCommands.Meeting(l.State, c[1].Number, new MeetingStep(MeetingStepKind.Refer, MeetingTriggers.PanelSplit, "two against one"), l.JudgeOf(c[1]), s_at.AddDays(1)));
        l.Accepted(CourtCommands.Meeting(l.State, c[2].Number, new MeetingStep(MeetingStepKind.Refer, MeetingTriggers.FourType, "four-type"), l.JudgeOf(c[2]), s_at.AddDays(1)));
        l.Accepted(CourtCommands.Meeting(l.State, c[3].Number, new MeetingStep(MeetingStepKind.Refer, MeetingTriggers.RemandOrReversal, "reversal"), l.JudgeOf(c[3]), s_at.AddDays(1)));
        l.Accepted(CourtCommands.DecideConversion(l.State, c[0].Number, true, "complex", l.DivisionHeadOf(c[0]), s_at.AddDays(2)));
        l.Accepted(CourtCommands.DecideConversion(l.State, c[1].Number, false, "not complex", l.DivisionHeadOf(c[1]), s_at.AddDays(2)));
        l.Accepted(CourtCommands.Reach(l.State, c[4].Number, "hearing", l.JudgeOf(c[4]), s_at.AddDays(3)));
        l.Accepted(CourtCommands.Reach(l.State, c[5].Number, "hearing", l.JudgeOf(c[5]), s_at.AddDays(3)));
        l.Accepted(CourtCommands.Reach(l.State, c[4].Number, "judgment", l.JudgeOf(c[4]), s_at.AddDays(3).AddHours(1)));
        l.Accepted(CourtCommands.Reach(l.State, c[5].Number, "judgment", l.JudgeOf(c[5]), s_at.AddDays(3).AddHours(1)));
        l.Accepted(CourtCommands.DrawForReview(l.State, l.Reviewer, s_at.AddDays(4)));
        l.Accepted(CourtCommands.RecordFinding(l.State, c[4].Number, QualityFinding.General, "incomplete", l.Reviewer, s_at.AddDays(5)));
        l.Accepted(CourtCommands.RecordFinding(l.State, c[5].Number, QualityFinding.None, null, l.Reviewer, s_at.AddDays(5)));
        l.Accepted(CourtCommands.Reach(l.State, c[6].Number, "hearing", l.JudgeOf(c[6]), s_at.AddDays(6)));
        l.Accepted(CourtCommands.Reach(l.State, c[6].Number, "judgment", l.JudgeOf(c[6]), s_at.AddDays(6).AddHours(1)));
        l.Accepted(CourtCommands.DrawForReview(l.State, l.Reviewer, s_at.AddDays(7)));
        l.Accepted(CourtCommands.Meeting(l.State, c[1].Number, new MeetingStep(MeetingStepKind.Held, Adopted: true), l.DivisionHeadOf(c[1]), s_at.AddDays(9)));
        l.Accepted(CourtCommands.Meeting(l.State, c[2].Number, new MeetingStep(MeetingStepKind.Held, Adopted: false), l.DivisionHeadOf(c[2]), s_at.AddDays(9)));
        l.Accepted(CourtCommands.Meeting(l.State, c[2].Number, new MeetingStep(MeetingStepKind.Committee, Reason: "departs"), l.DivisionHeadOf(c[2]), s_at.AddDays(9)));
        l.Accepted(CourtCommands.Meeting(l.State, c[1].Number, new MeetingStep(MeetingStepKind.Release), l.DivisionHeadOf(c[1]), s_at.AddDays(10)));
        return (l, c);
    }

    [Fact]
    public void The_court_writes_the_ledger_and_the_saved_state_it_wrote_while_the_states_were_strings()
    {
        var (ledger, _) = Script();
        Assert.Equal(HeadWhileStrings, ledger.State.Head);
        var saved = Saved(ledger.State);
        // The version, an int after the length-prefixed "docket-court-state" that opens the state.
        var versionAt = 1 + "docket-court-state".Length;
        Assert.Equal(11, BitConverter.ToInt32(saved, versionAt));
        BitConverter.GetBytes(10).CopyTo(saved, versionAt);
        Assert.Equal(SavedStateWhileStrings, Convert.ToHexStringLower(SHA256.HashData(saved)));
        var entries = ledger.Records.Select(r => LedgerEntry.Parse(r.Json)).ToList();
        Assert.Equal(["yellow_card", null], entries.Where(e => e.Kind == LedgerKinds.ReviewFinding).Select(e => e.Level));
        Assert.Equal(["held", "held", null], entries.Where(e => e.Kind == LedgerKinds.Close).Select(e => e.Review));
    }

    [Fact]
    public void A_ledger_written_with_the_string_states_folds_and_replays_into_the_same_enum_states()
    {
        var (ledger, cases) = Script();
        var replayed = ledger.Replayed();
        // Each case's entries and the review draws that name it fold into the record the court holds, to its version.
        var folded = cases.Select(c => CaseEntries.Fold(ledger.Court, Naming(ledger, c.Id))).ToArray();
        Assert.Equal(cases.Select(c => Whole(replayed.Case(c.Number)!)), folded.Select(Whole));
        Assert.Equal([null, null, null, null, ReviewState.YellowCard, ReviewState.Passed, ReviewState.Drawn], folded.Select(c => c.Review));
        // Without the draw that names it, the file drawn by the second draw would read as its close left it (no review).
        Assert.Null(CaseEntries.Fold(ledger.Court, ledger.Records.Where(r => r.CaseId == cases[6].Id).Select(r => LedgerEntry.Parse(r.Json))).Review);
        AssertStates(replayed, cases);
    }

    [Fact]
    public void A_state_saved_with_the_string_states_reads_back_into_the_same_enum_states()
    {
        var (ledger, cases) = Script();
        var read = CourtState.ReadSnapshot(ledger.Court, e => LiveLedger.Secret(1, e), new MemoryStream(Saved(ledger.State)));
        AssertStates(read, cases);
        Assert.Equal(Saved(ledger.State), Saved(read));
    }

    private static void AssertStates(CourtState state, CourtCase[] cases)
    {
        var c = cases.Select(x => state.Case(x.Number)!).ToArray();
        Assert.Equal([ConversionState.Approved, ConversionState.Refused, null, null, null, null, null], c.Select(x => x.Conversion));
        Assert.Equal([null, MeetingStage.Released, MeetingStage.Committee, MeetingStage.Referred, null, null, null], c.Select(x => x.Meeting?.Stage));
        Assert.Equal([null, null, null, null, ReviewState.YellowCard, ReviewState.Passed, ReviewState.Drawn], c.Select(x => x.Review));
        Assert.Equal(new MeetingHold(MeetingTriggers.FourType, s_at.AddDays(1), MeetingStage.Committee, false), c[2].Meeting);
    }

    private static byte[] Saved(CourtState state)
    {
        var bytes = new MemoryStream();
        state.WriteSnapshot(bytes);
        return bytes.ToArray();
    }

    /// <summary>The entries that name a case — its own and the review draws among whose files it was (<see cref="NamedCases"/>) — in ledger order.</summary>
    private static IEnumerable<LedgerEntry> Naming(Ledger ledger, string caseId) =>
        ledger.Records.Where(r => r.CaseId == caseId || NamedCases.Besides(r).Contains(caseId)).Select(r => LedgerEntry.Parse(r.Json));

    /// <summary>Every field of a record (its lists by their items), to compare two records whole.</summary>
    private static string Whole(CourtCase c) => System.Text.Json.JsonSerializer.Serialize(c);
}
