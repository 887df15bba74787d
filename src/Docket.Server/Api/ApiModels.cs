using System.Text.Json;
using System.Text.Json.Serialization;
using Docket.Abstractions;
using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;

namespace Docket.Server.Api;

/// <summary>Body of <c>POST /api/courts/{court}/cases</c>.</summary>
/// <param name="Type">A case type of the scenario.</param>
/// <param name="Flags">Optional: whether the case is flagged ("four-type" cases) and its risk level.</param>
public sealed record FileCaseRequest(string? Type, CaseFlags? Flags);

/// <param name="Flagged">A flagged case is designated to a leader's team when the pool designates.</param>
/// <param name="Risk">none (default), ordinary, larger or major; larger and major are designated too.</param>
public sealed record CaseFlags(bool Flagged = false, string? Risk = null);

/// <summary>Body of <c>POST /api/cases/{id}/events</c>: the process node reached, or the effort stage done.</summary>
public sealed record CaseEventRequest(string? Node);

/// <summary>Body of <c>POST /api/cases/{id}/unlock</c> (optional).</summary>
public sealed record UnlockRequest(string? Reason);

/// <summary>Body of <c>POST /api/cases/{id}/designate</c>: the team (optional: the least-loaded leader's team) and a written reason.</summary>
public sealed record DesignateRequest(string? Team, string? Reason);

/// <summary>Body of <c>POST /api/cases/{id}/extensions</c>: days added to the statutory limit and the president's reason.</summary>
public sealed record ExtensionRequest(double? Days, string? Reason);

/// <summary>Body of <c>POST /api/cases/{id}/conversion</c>: the judge's reason for converting the case to ordinary procedure.</summary>
public sealed record ConversionRequest(string? Reason);

/// <summary>Body of <c>POST /api/cases/{id}/conversion/decision</c>: approve (true) or refuse (false), and an optional reason.</summary>
public sealed record ConversionDecisionRequest(bool? Approve, string? Reason);

/// <summary>Body of <c>POST /api/cases/{id}/quality-review</c>: what the review found (none, general, serious) and an optional note.</summary>
public sealed record ReviewFindingRequest(string? Finding, string? Note);

/// <summary>
/// Answer to <c>POST /api/courts/{court}/quality-review/draws</c>: the closed files the draw covered, those it drew for
/// review, and the review_draw ledger entry (whose draw anyone holding the epoch's secret re-makes).
/// </summary>
public sealed record ReviewDrawResponse(string Court, IReadOnlyList<string> Eligible, IReadOnlyList<string> Sample, LedgerEntryView Entry);

/// <summary>Body of <c>POST /api/cases/{id}/meeting</c>: why the case goes to a professional judges' meeting (a trigger) and a written reason.</summary>
public sealed record MeetingReferralRequest(string? Trigger, string? Reason);

/// <summary>
/// Body of <c>POST /api/courts/{court}/meetings</c>: a sitting of the professional judges' meeting — the judges called
/// (<c>{team}/judge-{k}</c>), those present, and the cases heard with whether each panel adopted the majority view.
/// </summary>
public sealed record MeetingSittingRequest(IReadOnlyList<string>? Members, IReadOnlyList<string>? Present, IReadOnlyList<HeardCaseRequest>? Cases);

/// <summary>A case a sitting heard (<see cref="MeetingSittingRequest"/>).</summary>
public sealed record HeardCaseRequest(string? Id, bool? Adopted);

/// <summary>Answer to <c>POST /api/courts/{court}/meetings</c>: whether the sitting counts as held (a majority present) and its ledger entries.</summary>
public sealed record MeetingSittingResponse(string Court, bool Held, IReadOnlyList<LedgerEntryView> Entries);

/// <summary>Body of <c>POST /api/cases/{id}/meeting/held</c>: whether the panel adopted the meeting's majority view.</summary>
public sealed record MeetingHeldRequest(bool? Adopted);

/// <summary>Body of <c>POST /api/cases/{id}/committee</c> (a reason, optional) and <c>/committee/decision</c> (the decision's reason, required).</summary>
public sealed record CommitteeRequest(string? Reason);

/// <summary>Answer to <c>GET /api/courts/{court}/warnings</c> and <c>POST /api/courts/{court}/deadline-watch</c>.</summary>
public sealed record WarningsResponse(string Court, IReadOnlyList<CourtWarning> Warnings);

/// <summary>Body of <c>POST /api/teams/{team}/absences</c>: from (default now), to (required) and a reason.</summary>
public sealed record AbsenceRequest(DateTimeOffset? From, DateTimeOffset? To, string? Reason);

/// <summary>Withdrawing an absence: why (optional).</summary>
public sealed record AbsenceWithdrawalRequest(string? Reason);

/// <summary>A team's absences, as <c>GET /api/teams/{team}/absences</c> and the answer to recording one.</summary>
public sealed record TeamAbsencesResponse(string Team, IReadOnlyList<TeamAbsence> Absences, LedgerEntryView? Entry);

/// <summary>Answer to <c>GET /api/courts/{court}/queue</c>.</summary>
public sealed record QueueResponse(string Court, IReadOnlyList<QueuedCase> Waiting);

/// <summary>A ledger entry as stored: sequence, kind, case, its hash, and the entry itself (the hashed text, written as is).</summary>
public sealed record LedgerEntryView(
    string Court,
    long Seq,
    string Kind,
    string? CaseId,
    string Hash,
    [property: JsonConverter(typeof(RawJsonConverter))] string Entry)
{
    public static LedgerEntryView Of(LedgerRecord r) => new(r.Court, r.Seq, r.Kind, r.CaseId, r.Hash, r.Json);
}

/// <summary>Writes a string that already holds JSON into the document as JSON (the ledger's own text, byte for byte).</summary>
public sealed class RawJsonConverter : JsonConverter<string>
{
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var doc = JsonDocument.ParseValue(ref reader);
        return doc.RootElement.GetRawText();
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteRawValue(value, skipInputValidation: true);
}

/// <summary>
/// Answer to a filing: the case, where it went and how (the ledger entry holds the eligible teams and the draw), and the
/// party's code — given only in this answer, absent from a replayed filing's.
/// </summary>
public sealed record FiledCaseResponse(
    string Id,
    CourtCaseStatus Status,
    string? Team,
    string? Judge,
    string Policy,
    bool Designated,
    bool Replayed,
    LedgerEntryView? Assignment,
    CaseDetails Case,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PartyCode);

/// <summary>Answer to <c>POST /api/cases/{id}/party-code</c>: the party's new code (given only here) and the ledger entry recording its keyed hash.</summary>
public sealed record PartyCodeResponse(string Id, string PartyCode, IReadOnlyList<LedgerEntryView> Entries);

/// <summary>Answer to a command on a case: the case now and the ledger entries the command appended.</summary>
public sealed record CaseCommandResponse(CaseDetails Case, IReadOnlyList<LedgerEntryView> Entries);

public sealed record AuditEntriesResponse(string Court, IReadOnlyList<LedgerEntryView> Entries, long? NextAfter);

/// <summary>
/// A verification's answer: <see cref="Valid"/> is null while a court's run is still on its way (<see cref="Complete"/>
/// false, answered 202: ask again); <see cref="Courts"/> holds the finished courts' results, <see cref="Running"/> the
/// progress of the others.
/// </summary>
public sealed record VerifyResponse(bool? Valid, bool Complete, IReadOnlyList<LedgerVerification> Courts, IReadOnlyList<LedgerCheckProgress> Running);

/// <summary>
/// Liveness: <c>ok</c>; <c>degraded</c> when a court is closed (its ledger does not verify; listed under
/// <see cref="Closed"/>); <c>starting</c>, answered 503, while a court is still activating at start (listed under
/// <see cref="Starting"/>).
/// </summary>
public sealed record HealthResponse(string Status, string Storage, IReadOnlyList<string> Courts, [property: JsonPropertyName("time")] DateTimeOffset Time,
    IReadOnlyList<LedgerVerification> Closed, IReadOnlyList<string> Starting);
