using System.Text.Json;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Domain.Tests.Courts;

namespace Docket.Domain.Tests.Ledger;

/// <summary>
/// The digest a court keeps of each case in progress's entries, and the record a case's grain folds from storage
/// against it (<see cref="CaseEntries.FoldStored"/>): over a scripted court with conversions, meetings, review draws
/// (entries that name a case besides their own) and findings, the digest the court chains as it appends is the one
/// it chains as it replays, and the one the case's stored entries make; a fold through the court's mark is the court's
/// record; and every way storage can differ from what the court verified is refused.
/// </summary>
public sealed class CaseDigestTests
{
    [Fact]
    public void The_court_keeps_each_case_in_progress_digest_of_the_entries_storage_reads_back_for_it()
    {
        var (ledger, cases) = CaseStatesLedgerTests.Script();
        var replayed = ledger.Replayed();
        foreach (var c in cases)
        {
            var digest = CaseDigest.Of(c.Id, ledger.Records);
            Assert.Equal(digest, ledger.State.DigestOf(c.Number));
            Assert.Equal(digest, replayed.DigestOf(c.Number));
        }
        Assert.Equal(cases.Length, cases.Select(c => ledger.State.DigestOf(c.Number)).Distinct().Count());
        Assert.Null(ledger.State.DigestOf(cases.Length + 1));
    }

    [Fact]
    public void A_case_folded_from_storage_through_the_courts_mark_is_the_courts_record()
    {
        var (ledger, cases) = CaseStatesLedgerTests.Script();
        foreach (var c in cases)
        {
            var held = ledger.State.Case(c.Number)!;
            var (folded, problem) = FoldOf(ledger, held, Stored(ledger, held.Id));
            Assert.Null(problem);
            Assert.Equal(JsonSerializer.Serialize(held), JsonSerializer.Serialize(folded));
        }
    }

    [Fact]
    public void Entries_past_the_courts_mark_are_not_shown()
    {
        var (ledger, cases) = CaseStatesLedgerTests.Script();
        var held = ledger.State.Case(cases[0].Number)!;
        var digest = ledger.State.DigestOf(held.Number);
        var stored = Stored(ledger, held.Id);
        // Written since the mark was taken (not yet acknowledged when the mark was given): left out of the record.
        var later = ledger.Add(CourtCommands.Reach(ledger.State, held.Number, "hearing", ledger.JudgeOf(held), held.FiledAt.AddDays(20)));
        Assert.Null(later.Refused);
        Assert.Contains(later.Records, r => r.CaseId == held.Id);
        var (folded, problem) = CaseEntries.FoldStored(ledger.Court, held.Id, [.. stored, .. later.Records], held.Version, digest);
        Assert.Null(problem);
        Assert.Equal(JsonSerializer.Serialize(held), JsonSerializer.Serialize(folded));
    }

    [Fact]
    public void An_entrys_text_changed_without_its_hash_is_refused_naming_the_entry()
    {
        var (ledger, cases) = CaseStatesLedgerTests.Script();
        var held = ledger.State.Case(cases[0].Number)!;
        var stored = Stored(ledger, held.Id);
        stored[1] = stored[1] with { Json = stored[1].Json.Replace("complex facts", "simple facts") };
        var (folded, problem) = FoldOf(ledger, held, stored);
        Assert.Null(folded);
        Assert.Contains($"entry {stored[1].Seq}", problem);
        Assert.Contains("hash", problem);
    }

    [Fact]
    public void An_entry_rewritten_with_its_hash_recomputed_is_refused_by_the_digest()
    {
        var (ledger, cases) = CaseStatesLedgerTests.Script();
        var held = ledger.State.Case(cases[0].Number)!;
        var stored = Stored(ledger, held.Id);
        var json = stored[1].Json.Replace("complex facts", "simple facts");
        stored[1] = stored[1] with { Json = json, Hash = LedgerHash.Of(json) };
        var (folded, problem) = FoldOf(ledger, held, stored);
        Assert.Null(folded);
        Assert.Contains("digest", problem);
    }

    [Fact]
    public void A_missing_or_doubled_entry_is_refused_by_the_digest_and_a_foreign_one_by_its_case()
    {
        var (ledger, cases) = CaseStatesLedgerTests.Script();
        var held = ledger.State.Case(cases[4].Number)!;
        var stored = Stored(ledger, held.Id);
        Assert.Contains("digest", FoldOf(ledger, held, [.. stored.Where((_, i) => i != 2)]).Problem);
        // The same row read twice (a journal that returned an entry both as the case's and as one naming it).
        Assert.Contains("digest", FoldOf(ledger, held, [.. stored.Take(3), stored[2], .. stored.Skip(3)]).Problem);
        var foreign = Stored(ledger, cases[5].Id)[2] with { CaseId = held.Id };
        Assert.Contains("not one of the case's", FoldOf(ledger, held, [.. stored, foreign]).Problem);
    }

    [Fact]
    public void Without_a_digest_each_entrys_hash_and_case_are_still_checked()
    {
        var (ledger, cases) = CaseStatesLedgerTests.Script();
        var held = ledger.State.Case(cases[5].Number)!;
        var stored = Stored(ledger, held.Id);
        var (whole, none) = CaseEntries.FoldStored(ledger.Court, held.Id, stored, 0, null);
        Assert.Null(none);
        Assert.Equal(JsonSerializer.Serialize(held), JsonSerializer.Serialize(whole));

        var changed = new List<LedgerRecord>(stored);
        changed[1] = changed[1] with { Json = changed[1].Json + " " };
        Assert.Contains($"entry {changed[1].Seq}", CaseEntries.FoldStored(ledger.Court, held.Id, changed, 0, null).Problem);
        // Another case's entry filed under this case's id.
        var foreign = Stored(ledger, cases[4].Id)[1] with { CaseId = held.Id };
        var problem = CaseEntries.FoldStored(ledger.Court, held.Id, [.. stored, foreign], 0, null).Problem;
        Assert.Contains("not one of the case's", problem);
        // A review draw that does not name the case.
        var otherDraw = ledger.Records.First(r => r.Kind == LedgerKinds.ReviewDraw && !NamedCases.Besides(r).Contains(held.Id));
        Assert.Contains("not one of the case's", CaseEntries.FoldStored(ledger.Court, held.Id, [.. stored, otherDraw], 0, null).Problem);
    }

    [Fact]
    public void A_case_with_no_stored_entries_is_refused()
    {
        var (ledger, cases) = CaseStatesLedgerTests.Script();
        var held = ledger.State.Case(cases[0].Number)!;
        Assert.NotNull(FoldOf(ledger, held, []).Problem);
        Assert.NotNull(CaseEntries.FoldStored(ledger.Court, held.Id, [], 0, null).Problem);
    }

    private static (CourtCase? Case, string? Problem) FoldOf(CaseStatesLedgerTests.Ledger ledger, CourtCase held, List<LedgerRecord> stored) =>
        CaseEntries.FoldStored(ledger.Court, held.Id, stored, held.Version, ledger.State.DigestOf(held.Number));

    /// <summary>What a court's journal reads back for a case: its own entries and those that name it besides.</summary>
    private static List<LedgerRecord> Stored(ScenarioLedger ledger, string caseId) =>
        [.. ledger.Records.Where(r => r.CaseId == caseId || NamedCases.Besides(r).Contains(caseId))];
}
