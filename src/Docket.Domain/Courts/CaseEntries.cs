using Docket.Domain.Assignment;
using Docket.Domain.Deadlines;
using Docket.Domain.Ledger;
using Docket.Domain.Supervision;

namespace Docket.Domain.Courts;

/// <summary>
/// How a ledger entry makes or changes one case's record: the one rule the court, a team's and a judge's dockets
/// and the case's own grain all apply, so a case reads the same wherever it is held — but for the keyed hash of the
/// party's code, which only the case's own record keeps (<c>withPartyCode</c>): its grain checks a party's read against
/// it, and nothing asks the court's or a docket's record for it (about 150 bytes a case in progress).
/// </summary>
public static class CaseEntries
{
    /// <summary>The kinds of entry that change a filed case (besides the filing itself: assign or queue).</summary>
    public static bool ChangesCase(string kind) => kind is LedgerKinds.Pull or LedgerKinds.Designate or LedgerKinds.Node
        or LedgerKinds.Close or LedgerKinds.Unlock or LedgerKinds.Warning or LedgerKinds.Escalate or LedgerKinds.Extension
        or LedgerKinds.PartyCode or LedgerKinds.ConversionRequested or LedgerKinds.ConversionApproved or LedgerKinds.ConversionRefused
        or LedgerKinds.ReviewFinding
        or LedgerKinds.MeetingReferred or LedgerKinds.MeetingHeld or LedgerKinds.MeetingReleased or LedgerKinds.CommitteeReferred
        or LedgerKinds.CommitteeDecided;

    /// <summary>
    /// The record a filing entry (kind assign or queue) makes: pending on its team, or waiting; with the party code's
    /// keyed hash when <paramref name="withPartyCode"/> (the case's own record), without it for the court and the dockets.
    /// </summary>
    public static CourtCase Filed(Court court, LedgerEntry e, bool withPartyCode = true)
    {
        if (e.Kind is not (LedgerKinds.Assign or LedgerKinds.Queue) || e.Case is null || e.Number is not { } number)
        {
            throw new InvalidOperationException($"entry {e.Seq} does not file a case");
        }
        var c = new CourtCase
        {
            Id = e.Case,
            Court = court.Id,
            Number = number,
            Type = e.Type ?? "",
            Flagged = e.Flagged ?? false,
            Risk = e.FiledRisk,
            FiledAt = e.At,
            FilingSeq = e.Seq,
            Status = CourtCaseStatus.Waiting,
            Policy = e.Policy ?? "",
            Version = e.Seq,
            PartyCodeHmac = withPartyCode ? e.PartyCodeHmac : null,
            Meeting = MeetingReferral.RequiredAtFiling(e.Trigger, e.At),
        };
        return e.Kind == LedgerKinds.Assign
            ? AssignedBy(c, e) with { Designated = e.Policy == AssignmentPolicyNames.Designated }
            : c;
    }

    /// <summary>
    /// The record after entry <paramref name="e"/> (one of <see cref="ChangesCase"/>'s kinds, on this case); an
    /// <see cref="InvalidOperationException"/> when the case's status does not allow it.
    /// </summary>
    public static CourtCase Apply(CourtCase c, LedgerEntry e, bool withPartyCode = true)
    {
        if (e.Case != c.Id)
        {
            throw new InvalidOperationException($"entry {e.Seq} is about {e.Case}, not {c.Id}");
        }
        switch (e.Kind)
        {
            case LedgerKinds.Pull:
                Require(c, c.Status == CourtCaseStatus.Waiting, "is not waiting");
                return AssignedBy(c, e);
            case LedgerKinds.Designate:
                Require(c, c.Status != CourtCaseStatus.Closed, "is closed");
                return AssignedBy(c, e) with { Policy = AssignmentPolicyNames.Designated, Designated = true };
            case LedgerKinds.Node:
                var stages = e.Stages ?? [];
                return c with
                {
                    StagesDone = c.StagesDone + stages.Length,
                    Stages = [.. c.Stages, .. stages.Select(s => new NodeReach(s, e.At))],
                    Nodes = [.. c.Nodes, .. (e.Nodes ?? []).Select(n => new NodeReach(n, e.At))],
                    Version = e.Seq,
                };
            case LedgerKinds.Close:
                Require(c, c.Status == CourtCaseStatus.Pending, "is not pending");
                return c with { Status = CourtCaseStatus.Closed, ClosedAt = e.At, Review = Quality.ReviewStates.Parse(e.Review) ?? c.Review, Version = e.Seq };
            case LedgerKinds.Unlock:
                return c with { UnlockedAt = e.At, Unlocks = c.Unlocks + 1, Version = e.Seq };
            case LedgerKinds.Warning:
                return c with { Warnings = [.. c.Warnings ?? [], WarningOf(e)], Version = e.Seq };
            case LedgerKinds.Escalate:
                Require(c, c.Status == CourtCaseStatus.Waiting, "is not waiting");
                return c with { EscalatedAt = e.At, Version = e.Seq };
            case LedgerKinds.Extension:
                return c with { ExtendedDays = c.ExtendedDays + (e.Days ?? 0), Extensions = c.Extensions + 1, Version = e.Seq };
            case LedgerKinds.PartyCode:
                return c with { PartyCodeHmac = withPartyCode ? e.PartyCodeHmac : null, Version = e.Seq };
            case LedgerKinds.ConversionRequested:
                return c with { Conversion = ConversionState.Requested, Version = e.Seq };
            case LedgerKinds.ConversionApproved:
                // The limit becomes the ordinary one from filing: the entry carries the days that adds (TimeLimit.ConversionDays).
                return c with { Conversion = ConversionState.Approved, ExtendedDays = c.ExtendedDays + (e.Days ?? 0), Version = e.Seq };
            case LedgerKinds.ConversionRefused:
                return c with { Conversion = ConversionState.Refused, Version = e.Seq };
            case LedgerKinds.ReviewFinding:
                // The card is the entry's level (yellow_card or red_card); no card: the review passed.
                return c with { Review = Quality.ReviewStates.Parse(e.Level) ?? Quality.ReviewState.Passed, Version = e.Seq };
            case LedgerKinds.MeetingReferred:
                return c with { Meeting = new MeetingHold(e.Trigger ?? "", e.At, MeetingStage.Referred), Version = e.Seq };
            case LedgerKinds.MeetingHeld:
                return c with { Meeting = c.Meeting! with { Stage = MeetingStage.Held, Adopted = e.Adopted }, Version = e.Seq };
            case LedgerKinds.CommitteeReferred:
                return c with { Meeting = c.Meeting! with { Stage = MeetingStage.Committee }, Version = e.Seq };
            case LedgerKinds.MeetingReleased or LedgerKinds.CommitteeDecided:
                return c with { Meeting = c.Meeting! with { Stage = MeetingStage.Released }, Version = e.Seq };
            default:
                throw new InvalidOperationException($"an entry of kind '{e.Kind}' does not change a case");
        }
    }

    /// <summary>
    /// The record a case's entries make, read back from the ledger: its filing first, then every entry that changes
    /// it, in ledger order — its own entries and the quality-review draws that name it (<see cref="NamedCases"/>: drawn
    /// or passed over) — skipping entries that do not change a case (absences, say).
    /// </summary>
    public static CourtCase Fold(Court court, IEnumerable<LedgerEntry> entries)
    {
        CourtCase? c = null;
        var later = new List<LedgerEntry>();
        foreach (var e in entries)
        {
            if (c is null)
            {
                c = Filed(court, e);
            }
            else
            {
                later.Add(e);
            }
        }
        return c is null ? throw new InvalidOperationException("no entries: a case's record begins with its filing") : Advance(c, later);
    }

    /// <summary>
    /// The record after <paramref name="entries"/> (in ledger order, all after the record's version): those that change
    /// this case applied, the others — about other cases, or of kinds that change none — passed over.
    /// </summary>
    public static CourtCase Advance(CourtCase c, IEnumerable<LedgerEntry> entries)
    {
        foreach (var e in entries)
        {
            if (e.Kind == LedgerKinds.ReviewDraw)
            {
                c = (e.Eligible ?? []).Contains(c.Id) ? ReviewDrawn(c, e) : c;
            }
            else if (e.Case == c.Id && ChangesCase(e.Kind))
            {
                c = Apply(c, e);
            }
        }
        return c;
    }

    /// <summary>
    /// The record case <paramref name="caseId"/>'s stored entries make (<paramref name="records"/>, as the journal
    /// reads them back for it), taken only as far as the court has verified and acknowledged: the entries through
    /// <paramref name="version"/>, which must chain to <paramref name="digest"/> (<see cref="CaseDigest"/>) and end the
    /// record there, each entry's text matching its stored hash and naming the case as storage files it. With no
    /// digest (a finished case, whose digest the court no longer keeps) every entry is taken and only each one's hash
    /// and case are checked: an entry rewritten with its hash recomputed, or one left out, is then found only by the
    /// court's verification of its chain. The problem, naming the entry when one is at fault, when storage does not
    /// hold what the court verified.
    /// </summary>
    public static (CourtCase? Case, string? Problem) FoldStored(Court court, string caseId, IReadOnlyList<LedgerRecord> records, long version, CaseDigest? digest)
    {
        var taken = digest is null ? records : [.. records.Where(r => r.Seq <= version)];
        var entries = new List<LedgerEntry>(taken.Count);
        // Every entry taken names the case (checked below), so each one chains onto its digest.
        var chained = CaseDigest.None;
        foreach (var r in taken)
        {
            if (LedgerHash.Of(r.Json) != r.Hash)
            {
                return (null, $"case {caseId}'s entry {r.Seq}: the entry's text does not match its stored hash");
            }
            LedgerEntry e;
            try
            {
                e = LedgerEntry.Parse(r.Json);
            }
            catch (System.Text.Json.JsonException ex)
            {
                return (null, $"case {caseId}'s entry {r.Seq} is not valid JSON: {LedgerEntry.Explain(ex)}");
            }
            var names = r.CaseId is null ? e.Kind == LedgerKinds.ReviewDraw && (e.Eligible ?? []).Contains(caseId) : r.CaseId == caseId && e.Case == caseId;
            if (!names || e.Seq != r.Seq)
            {
                return (null, $"case {caseId}'s entry {r.Seq}: the entry is not one of the case's (it names {e.Case ?? "no case"}, at {e.Seq})");
            }
            entries.Add(e);
            chained = digest is null ? chained : chained.Then(r.Hash);
        }
        if (digest is { } expected && chained != expected)
        {
            return (null, $"case {caseId}'s entries in storage through entry {version} are not those the court verified (their digest differs)");
        }
        if (taken.Count == 0)
        {
            return (null, $"case {caseId} has no entries in storage");
        }
        CourtCase c;
        try
        {
            c = Fold(court, entries);
        }
        catch (InvalidOperationException e)
        {
            return (null, $"case {caseId}'s entries in storage do not make a record: {e.Message}");
        }
        return digest is not null && c.Version != version
            ? (null, $"case {caseId}'s entries in storage end at entry {c.Version}, not at {version}")
            : (c, null);
    }

    /// <summary>A closed file a quality-review draw drew among its eligible ones: drawn when in its sample, else passed over.</summary>
    public static CourtCase ReviewDrawn(CourtCase c, LedgerEntry draw) => c with
    {
        Review = (draw.Sample ?? []).Contains(c.Id) ? Quality.ReviewState.Drawn : Quality.ReviewState.NotDrawn,
        Version = draw.Seq,
    };

    /// <summary>The warning a warning entry issues.</summary>
    public static CaseWarning WarningOf(LedgerEntry e) => new()
    {
        Subject = e.Node ?? "",
        Level = WarningLevels.Parse(e.Level) ?? throw new InvalidOperationException($"warning entry {e.Seq}: unknown level '{e.Level}'"),
        Due = e.Due ?? default,
        At = e.At,
        Seq = e.Seq,
    };

    private static CourtCase AssignedBy(CourtCase c, LedgerEntry e) => c with
    {
        Status = CourtCaseStatus.Pending,
        Team = e.Team,
        Judge = e.Judge,
        Policy = e.Policy ?? c.Policy,
        AssignedAt = e.At,
        AssignmentSeq = e.Seq,
        Version = e.Seq,
    };

    private static void Require(CourtCase c, bool allowed, string problem)
    {
        if (!allowed)
        {
            throw new InvalidOperationException($"case {c.Id} {problem}");
        }
    }
}
