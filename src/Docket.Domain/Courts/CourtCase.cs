using System.Text.Json.Serialization;
using Docket.Domain.Supervision;
using Orleans;

namespace Docket.Domain.Courts;

/// <summary>
/// A filed case's record, as the court's ledger makes it (<see cref="CaseEntries"/>): derived, never stored on its own.
/// </summary>
/// <remarks>
/// Orleans' serializer carries it between grains and silos under the field ids below. <see cref="Risk"/> and
/// <see cref="Status"/> are enums but written as their names (ids 5 and 8, strings, the wire form they had when
/// they were string properties, and the form earlier versions stored), so silos of an earlier and a later version
/// read each other's records; JSON (the API) spells them as names too. Pinned by CourtCaseStoredFormatTests.
/// </remarks>
[GenerateSerializer, Immutable, Alias("docket.live.case")]
public sealed record CourtCase
{
    /// <summary><c>{court}-{number}</c> (<see cref="Court.CaseId"/>).</summary>
    [Id(0)]
    public required string Id { get; init; }

    [Id(1)]
    public required string Court { get; init; }

    [Id(2)]
    public required long Number { get; init; }

    [Id(3)]
    public required string Type { get; init; }

    [Id(4)]
    public required bool Flagged { get; init; }

    /// <summary>
    /// Stored as its name (id 5); a name this build does not know reads as none. That is the stored record's own
    /// field: a ledger entry's risk is read by <see cref="Ledger.LedgerEntry.FiledRisk"/>, which refuses an unknown name.
    /// </summary>
    public required RiskLevel Risk
    {
        get => RiskLevels.Parse(_risk) ?? RiskLevel.None;
        init => _risk = RiskLevels.NameOf(value);
    }

    [Id(6)]
    public required DateTimeOffset FiledAt { get; init; }

    /// <summary>The ledger entry that filed it (kind assign or queue).</summary>
    [Id(7)]
    public required long FilingSeq { get; init; }

    /// <summary>Waiting (no team could take it yet), pending, or closed; stored as its name (id 8).</summary>
    public required CourtCaseStatus Status
    {
        get => CourtCaseStatuses.Parse(_status) ?? throw new InvalidOperationException($"case {Id}: unknown status '{_status}'");
        init => _status = CourtCaseStatuses.NameOf(value);
    }

    [Id(9)]
    public string? Team { get; init; }

    [Id(10)]
    public string? Judge { get; init; }

    [Id(11)]
    public required string Policy { get; init; }

    [Id(12)]
    public bool Designated { get; init; }

    [Id(13)]
    public DateTimeOffset? AssignedAt { get; init; }

    /// <summary>The ledger entry of its current assignment (0 while waiting).</summary>
    [Id(14)]
    public long AssignmentSeq { get; init; }

    [Id(15)]
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>Effort stages of the type completed, in effort order.</summary>
    [Id(16)]
    public int StagesDone { get; init; }

    /// <summary>The effort stages completed and when.</summary>
    [Id(17)]
    public NodeReach[] Stages { get; init; } = [];

    /// <summary>The process nodes reached and when.</summary>
    [Id(18)]
    public NodeReach[] Nodes { get; init; } = [];

    [Id(19)]
    public DateTimeOffset? UnlockedAt { get; init; }

    [Id(20)]
    public int Unlocks { get; init; }

    /// <summary>The ledger sequence number of the last entry that changed it.</summary>
    [Id(21)]
    public required long Version { get; init; }

    /// <summary>Deadline warnings issued to the case, in the order issued.</summary>
    [Id(22)]
    public CaseWarning[] Warnings { get; init; } = [];

    /// <summary>Days added to the statutory limit by the extensions granted and by an approved conversion to ordinary procedure.</summary>
    [Id(23)]
    public double ExtendedDays { get; init; }

    /// <summary>Extensions granted.</summary>
    [Id(24)]
    public int Extensions { get; init; }

    /// <summary>When the waiting case was escalated to the top of its pool's queue (null: not escalated).</summary>
    [Id(25)]
    public DateTimeOffset? EscalatedAt { get; init; }

    /// <summary>
    /// Where its conversion to ordinary procedure stands (<see cref="Deadlines.ConversionState"/>: requested,
    /// approved, refused, as JSON spells it), or null when none was requested. Kept by the court (its saved state's JSON holds it) for
    /// its checks, shown in the API's answers when set; not part of the record's Orleans form (no field id: the form
    /// silos exchange stays as it was). An approved conversion's days are in <see cref="ExtendedDays"/>, so the limit
    /// reads the same wherever the record is held.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [field: NonSerialized]
    public Deadlines.ConversionState? Conversion { get; init; }

    /// <summary>
    /// Where its quality review stands (<see cref="Quality.ReviewState"/>: held, drawn, yellow_card, red_card, passed,
    /// or not_drawn when a draw covered it without picking it, as JSON spells it), or null before any draw covered it. Kept by the court
    /// (its saved state's JSON holds it), shown in the API's answers when set; not part of the record's Orleans form.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [field: NonSerialized]
    public Quality.ReviewState? Review { get; init; }

    /// <summary>
    /// Its referral to a professional judges' meeting (<see cref="Supervision.MeetingHold"/>: trigger, when the papers
    /// went out, stage), or null when never referred; a four-type case filed under rules version 5 stands
    /// <c>required</c> from its filing until referred. Kept by the court like <see cref="Conversion"/> (its saved
    /// state's JSON holds it; not in the record's Orleans form); a referred case closes only once released.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [field: NonSerialized]
    public Supervision.MeetingHold? Meeting { get; init; }

    /// <summary>
    /// The keyed hash of the party's current code (the latest of its filing and party_code entries), or null for a
    /// case filed before codes. Kept only in the case's own record, which its grain folds and checks a party's read
    /// against; the court's records, its saved state and the teams' and judges' dockets leave it out (null:
    /// <see cref="CaseEntries.Filed"/>). Not part of the record's Orleans form (no field id: the form silos exchange
    /// stays as it was) nor of the API's answers.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [field: NonSerialized]
    public string? PartyCodeHmac { get; init; }

    /// <summary><see cref="Risk"/> as grain storage holds it (id 5): none, ordinary, larger or major.</summary>
    [Id(5)]
    private readonly string _risk = "none";

    /// <summary><see cref="Status"/> as grain storage holds it (id 8): waiting, pending or closed.</summary>
    [Id(8)]
    private readonly string _status = "waiting";
}
