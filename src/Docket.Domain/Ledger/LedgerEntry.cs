using System.Text.Json;
using System.Text.Json.Serialization;
using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Domain.Supervision;
using Orleans;

namespace Docket.Domain.Ledger;

/// <summary>
/// One entry of a court's ledger, as written (snake_case JSON, nulls omitted, fields in this order). The stored
/// text is what is hashed: <c>hash = SHA-256(UTF-8 text)</c>, and the text carries the previous entry's hash in
/// <see cref="Prev"/>, so changing any stored entry breaks its own hash or the next entry's link.
/// </summary>
[GenerateSerializer, Immutable, Alias("docket.ledger.entry")]
public sealed record LedgerEntry
{
    [Id(0)]
    public required string Court { get; init; }

    [Id(1)]
    public required long Seq { get; init; }

    /// <summary>One of <see cref="LedgerKinds"/>.</summary>
    [Id(2)]
    public required string Kind { get; init; }

    [Id(3)]
    public required DateTimeOffset At { get; init; }

    [Id(4)]
    public string? Case { get; init; }

    [Id(5)]
    public long? Number { get; init; }

    [Id(6)]
    public string? Type { get; init; }

    [Id(7)]
    public bool? Flagged { get; init; }

    /// <summary>A filing's risk level as the ledger spells it (<see cref="RiskLevels.NameOf"/>); read it as a level with <see cref="FiledRisk"/>.</summary>
    [Id(8)]
    public string? Risk { get; init; }

    /// <summary>
    /// The filing's risk level (<see cref="Risk"/>; none when it names none): the one reading of it for the live court,
    /// a case's fold, the replay and the what-if. A verified ledger's filings name only known levels
    /// (<see cref="EntryRules.RefuseFiling"/> refuses any other); an entry that names another is an
    /// <see cref="InvalidOperationException"/> naming it (what a fold or a replay answers for an entry it cannot apply), not a case read as of no risk.
    /// </summary>
    [JsonIgnore]
    public RiskLevel FiledRisk =>
        RiskLevels.Parse(Risk) ?? throw new InvalidOperationException($"entry {Seq} names an unknown risk level '{Risk}'");

    [Id(9)]
    public string? IdempotencyKey { get; init; }

    [Id(10)]
    public string? Pool { get; init; }

    [Id(11)]
    public string? Policy { get; init; }

    /// <summary>Teams that could take the case at that moment, in the order the draw indexes them.</summary>
    [Id(12)]
    public string[]? Eligible { get; init; }

    [Id(13)]
    public LedgerDraw? Draw { get; init; }

    [Id(14)]
    public string? Team { get; init; }

    [Id(15)]
    public string? Judge { get; init; }

    /// <summary>The team a designation took the case from.</summary>
    [Id(16)]
    public string? FromTeam { get; init; }

    /// <summary>The node or stage reported (kind node).</summary>
    [Id(17)]
    public string? Node { get; init; }

    /// <summary>Effort stages the report completed, in order (kind node).</summary>
    [Id(18)]
    public string[]? Stages { get; init; }

    /// <summary>Process nodes the report reached (kind node).</summary>
    [Id(19)]
    public string[]? Nodes { get; init; }

    /// <summary>The warning's level (kind warning: its name, <c>WarningLevels.NameOf</c>).</summary>
    [Id(20)]
    public string? Level { get; init; }

    /// <summary>The deadline warned about (kind warning).</summary>
    [Id(21)]
    public DateTimeOffset? Due { get; init; }

    /// <summary>When the team's absence starts (kind absence).</summary>
    [Id(22)]
    public DateTimeOffset? AbsentFrom { get; init; }

    /// <summary>When the team's absence ends (kind absence): back from then.</summary>
    [Id(23)]
    public DateTimeOffset? AbsentTo { get; init; }

    /// <summary>Days added to the statutory limit (kinds extension, conversion_approved).</summary>
    [Id(24)]
    public double? Days { get; init; }

    [Id(25)]
    public string? Reason { get; init; }

    [Id(26)]
    public LedgerActor? By { get; init; }

    [Id(27)]
    public string? Scenario { get; init; }

    /// <summary>SHA-256 of the court's teams, pools and policies (kind genesis).</summary>
    [Id(28)]
    public string? Organization { get; init; }

    /// <summary>
    /// The version of the court's rules the ledger began under (kind genesis; <c>CourtRules.Version</c>). Absent in
    /// ledgers begun before versions were recorded: version 1.
    /// </summary>
    [Id(29)]
    public int? Rules { get; init; }

    [Id(30)]
    public int? Epoch { get; init; }

    /// <summary>SHA-256 of the epoch's secret (kinds genesis, seed).</summary>
    [Id(31)]
    public string? Commitment { get; init; }

    /// <summary>The previous epoch's secret, revealed (kind seed).</summary>
    [Id(32)]
    public string? RevealedSecret { get; init; }

    /// <summary>The seq of the absence entry withdrawn (kind absence_withdrawn).</summary>
    [Id(34)]
    public long? Withdraws { get; init; }

    /// <summary>
    /// The keyed hash of the party's code (kinds assign, queue, party_code): HMAC-SHA256 under the server's code key,
    /// lowercase hex. Absent in entries written before parties had codes. The code itself is never written.
    /// </summary>
    [Id(35)]
    public string? PartyCodeHmac { get; init; }

    /// <summary>The closed cases a quality-review draw picked among its <see cref="Eligible"/> ones (kind review_draw).</summary>
    [Id(36)]
    public string[]? Sample { get; init; }

    /// <summary>What a review found: none, general or serious (kind review_finding; the card is in <see cref="Level"/>).</summary>
    [Id(37)]
    public string? Finding { get; init; }

    /// <summary>
    /// Why the case goes to a professional judges' meeting (kind meeting_referred, one of <see cref="Supervision.MeetingTriggers"/>);
    /// on a flagged case's filing (assign or queue) under rules version 5, four_type: the meeting it must have before it closes.
    /// </summary>
    [Id(38)]
    public string? Trigger { get; init; }

    /// <summary>Whether the panel adopted the meeting's majority view (kind meeting_held).</summary>
    [Id(39)]
    public bool? Adopted { get; init; }

    /// <summary>
    /// <c>held</c> when the court holds the closed file for its next quality-review draw (kind close, case 166: the
    /// judge's file of the year, <c>CourtState.ReviewHoldOf</c>); absent otherwise, and in ledgers begun before the rule.
    /// </summary>
    [Id(40)]
    public string? Review { get; init; }

    /// <summary>The judges called to a meeting's sitting (kind meeting_sitting; <c>{team}/judge-{k}</c>).</summary>
    [Id(41)]
    public string[]? Members { get; init; }

    /// <summary>Of <see cref="Members"/>, those present (kind meeting_sitting).</summary>
    [Id(42)]
    public string[]? Present { get; init; }

    /// <summary>The cases the sitting heard (kind meeting_sitting): each gets its meeting_held entry next when a majority sat.</summary>
    [Id(43)]
    public string[]? Heard { get; init; }

    /// <summary>The previous entry's hash; 64 zeros for the first entry.</summary>
    [Id(33)]
    public required string Prev { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, LedgerJsonContext.Default.LedgerEntry);

    public static LedgerEntry Parse(string json) =>
        JsonSerializer.Deserialize(json, LedgerJsonContext.Default.LedgerEntry) ?? throw new JsonException("the entry is null");

    /// <summary>
    /// Why a text is not an entry (<see cref="Parse"/>'s complaint), in a reader's words, with the field's JSON path and
    /// without the parser's line and byte or .NET type names (the caller names the line and column).
    /// </summary>
    public static string Explain(JsonException e)
    {
        var message = e.Message;
        if (message.IndexOf(" Path:", StringComparison.Ordinal) is var cut and > 0)
        {
            message = message[..cut];
        }
        if (message.IndexOf(" LineNumber:", StringComparison.Ordinal) is var line and > 0)
        {
            message = message[..line].TrimEnd(' ', '|');
        }
        var names = e.Path is { } p ? FieldNames(p) : [];
        var field = names.Count > 0 ? names[^1] : null;
        if (field is not null && message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            message = names.Count > 1 ? $"'{field}' is not a field of an entry's {names[^2]}" : $"'{field}' is not a field of a ledger entry";
        }
        else if (field is not null && message.StartsWith("Duplicate property", StringComparison.Ordinal))
        {
            message = $"'{field}' is given twice";
        }
        message = message.Replace("Docket.Domain.Ledger.", "", StringComparison.Ordinal).Replace("System.", "", StringComparison.Ordinal).TrimEnd('.');
        return e.Path is { Length: > 1 } path ? $"at {path}: {message}" : message;
    }

    /// <summary>
    /// The field names along a JSON path as the serializer writes it (<c>$.by.rank</c>, <c>$['a.b']</c>,
    /// <c>$.rules[0]</c>), array positions left out: a name with a dot in it is one name.
    /// </summary>
    private static List<string> FieldNames(string path)
    {
        var names = new List<string>();
        var i = path.StartsWith('$') ? 1 : 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                names.Add(path[(i + 1)..end]);
                i = end;
            }
            else if (path.AsSpan(i).StartsWith("['", StringComparison.Ordinal) && path.IndexOf("']", i + 2, StringComparison.Ordinal) is var close and >= 0)
            {
                names.Add(path[(i + 2)..close]);
                i = close + 2;
            }
            else if (path[i] == '[' && path.IndexOf(']', i) is var index and >= 0)
            {
                i = index + 1;
            }
            else
            {
                break;
            }
        }
        return names;
    }
}

/// <summary>The ledger's JSON form, generated at compile time (the court writes an entry per command), read strictly.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = false,
    // An entry is read as strictly as the court writes it: a field it does not know, a field given twice or a time
    // without its offset is not an entry (a ledger re-chained by hand could otherwise carry them past verification).
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    Converters = [typeof(LedgerTimeConverter)])]
[JsonSerializable(typeof(LedgerEntry))]
internal sealed partial class LedgerJsonContext : JsonSerializerContext;

/// <summary>
/// A random draw, re-computable by anyone holding the epoch's secret: the stream is
/// <c>new RandomStream(seed, Entity, Purpose)</c> with <c>seed</c> the secret's first 8 bytes (little-endian), and
/// <see cref="Method"/> says how it picks among the entry's eligible teams.
/// </summary>
/// <param name="Entity">The pool's stream key, <c>StreamKey.Of("{court}/{pool}")</c>, as a decimal string.</param>
/// <param name="Purpose">The case number.</param>
/// <param name="Method">uniform (eligible[Next(n)]), weighted (by <see cref="Weights"/>), or deck (the pool's shuffled deck: re-computed by replaying the ledger).</param>
[GenerateSerializer, Immutable, Alias("docket.ledger.draw")]
public sealed record LedgerDraw([property: Id(0)] string Commitment, [property: Id(1)] int Epoch, [property: Id(2)] string Entity, [property: Id(3)] long Purpose, [property: Id(4)] string Method, [property: Id(5)] double[]? Weights);

/// <summary>Who did it.</summary>
[GenerateSerializer, Immutable, Alias("docket.ledger.actor")]
public sealed record LedgerActor([property: Id(0)] string Name, [property: Id(1)] string Role);

/// <summary>The kinds of ledger entries.</summary>
public static class LedgerKinds
{
    /// <summary>The ledger's first entry: the organisation it runs and the first seed commitment.</summary>
    public const string Genesis = "genesis";

    /// <summary>A filed case assigned at once: by the pool's policy, or designated to a leader's team when flagged.</summary>
    public const string Assign = "assign";

    /// <summary>A filed case no team could take yet: it waits in the court's queue.</summary>
    public const string Queue = "queue";

    /// <summary>A waiting case taken by a team that freed a place (close-one-get-one).</summary>
    public const string Pull = "pull";

    /// <summary>A supervisor's re-assignment, with a reason.</summary>
    public const string Designate = "designate";

    /// <summary>A process node reached or an effort stage done.</summary>
    public const string Node = "node";

    /// <summary>The case closed (its closing stage done): its team's place is freed.</summary>
    public const string Close = "close";

    public const string Unlock = "unlock";

    /// <summary>A deadline warning issued by the court's deadline watcher (the subject in <c>node</c>, with level and due).</summary>
    public const string Warning = "warning";

    /// <summary>A case waiting over its pool's <c>escalate_after_days</c> moved to the top of the queue (by the deadline watcher).</summary>
    public const string Escalate = "escalate";

    /// <summary>A team away from one time to another: it leaves its pool's eligible set meanwhile (by a supervisor or an admin).</summary>
    public const string Absence = "absence";

    /// <summary>
    /// A recorded absence withdrawn (its entry's seq in <c>withdraws</c>), by a role that may record it: the team is
    /// back from this entry's time, or never leaves when the absence had not begun.
    /// </summary>
    public const string AbsenceWithdrawn = "absence_withdrawn";

    /// <summary>The statutory limit extended by the president, with days and a reason.</summary>
    public const string Extension = "extension";

    /// <summary>A judge of the case's team asks to convert the simple-procedure case to ordinary procedure, with a reason (cases 157, 159).</summary>
    public const string ConversionRequested = "conversion_requested";

    /// <summary>The conversion approved by the scenario's approver: the statutory limit becomes the ordinary one, counted from filing.</summary>
    public const string ConversionApproved = "conversion_approved";

    /// <summary>The conversion refused by the scenario's approver: the case keeps its limit.</summary>
    public const string ConversionRefused = "conversion_refused";

    /// <summary>A case referred to a professional judges' meeting, with its trigger and a reason (cases 164, 165): the papers go out, and the case cannot close until released.</summary>
    public const string MeetingReferred = "meeting_referred";

    /// <summary>The meeting sat on the case (at least the papers' week after the referral), with whether the panel adopted its majority view.</summary>
    public const string MeetingHeld = "meeting_held";

    /// <summary>
    /// A sitting of the professional judges' meeting (cases 164, 165): the judges called (<c>members</c>), those
    /// present, and the cases heard. With a majority present, a meeting_held entry of each case heard follows; without
    /// one the sitting does not count as held, only its attendance.
    /// </summary>
    public const string MeetingSitting = "meeting_sitting";

    /// <summary>The meeting's minutes checked and the case released: it may close.</summary>
    public const string MeetingReleased = "meeting_released";

    /// <summary>The case sent to the adjudication committee (the panel departed from the meeting's majority).</summary>
    public const string CommitteeReferred = "committee_referred";

    /// <summary>The adjudication committee's decision, with its reason: the case is released.</summary>
    public const string CommitteeDecided = "committee_decided";

    /// <summary>The party's code of a case re-issued by a registrar (its keyed hash in <c>party_code_hmac</c>): the earlier code stops working.</summary>
    public const string PartyCode = "party_code";

    /// <summary>
    /// A quality-review draw (cases 162, 166): among the closed files not yet archived nor covered by an earlier draw
    /// (<c>eligible</c>, case ids), those in <c>sample</c> are reviewed — every file of a set category, one per judge at
    /// random, a proportional share of the rest — re-made from <c>draw</c> by anyone holding the epoch's secret.
    /// </summary>
    public const string ReviewDraw = "review_draw";

    /// <summary>
    /// A review's finding on a drawn file (<c>finding</c>: none, general, serious) and its card in <c>level</c>
    /// (yellow_card, red_card; none: the review passed), the judge carded in <c>judge</c> and the fix's deadline in <c>due</c>.
    /// </summary>
    public const string ReviewFinding = "review_finding";

    /// <summary>A new seed epoch: the previous secret revealed, the next committed.</summary>
    public const string Seed = "seed";

    public static bool IsAssignment(string kind) => kind is Assign or Pull or Designate or Queue;

    /// <summary>Every kind above (its constants, read once), so that a kind added here is known everywhere.</summary>
    private static readonly HashSet<string> s_known = [.. typeof(LedgerKinds).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!)];

    /// <summary>Whether <paramref name="kind"/> is one of the kinds of ledger entries.</summary>
    public static bool IsKnown(string kind) => s_known.Contains(kind);
}
