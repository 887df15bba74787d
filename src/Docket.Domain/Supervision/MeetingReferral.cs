using System.Text.Json.Serialization;
using Docket.Domain.Access;
using Orleans;

namespace Docket.Domain.Supervision;

/// <summary>
/// Why a case goes to a professional judges' meeting (cases 164, 165): besides a four-type case, a proposed remand
/// or major reversal, a case remanded by the higher court, a serious split in the panel, or a division head or the
/// president disagreeing with the panel.
/// </summary>
public static class MeetingTriggers
{
    public const string FourType = "four_type";
    public const string RemandOrReversal = "remand_or_reversal";
    public const string Remanded = "remanded";
    public const string PanelSplit = "panel_split";
    public const string LeaderDisagrees = "leader_disagrees";

    /// <summary>Every trigger, in the order the simulator draws them and the summary lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [FourType, RemandOrReversal, Remanded, PanelSplit, LeaderDisagrees];

    /// <summary>The index of <paramref name="trigger"/> in <see cref="All"/>, or -1.</summary>
    public static int IndexOf(string? trigger) => trigger is null ? -1 : All.ToList().IndexOf(trigger);
}

/// <summary>
/// Where a referred case stands: referred (papers out), held (the meeting sat), with the committee, or released; or,
/// for a four-type case under rules version 5 nobody has referred yet, required. JSON
/// and the saved state spell it as its name (<see cref="MeetingStages.NameOf"/>); the ledger records it as the entry's kind.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<MeetingStage>))]
public enum MeetingStage : byte
{
    [JsonStringEnumMemberName("referred")]
    Referred,

    [JsonStringEnumMemberName("held")]
    Held,

    [JsonStringEnumMemberName("committee")]
    Committee,

    [JsonStringEnumMemberName("released")]
    Released,

    /// <summary>A four-type case nobody has referred yet (rules version 5): it cannot close until it is referred, heard and released.</summary>
    [JsonStringEnumMemberName("required")]
    Required,
}

public static class MeetingStages
{
    public static IReadOnlyList<MeetingStage> All { get; } = Enum.GetValues<MeetingStage>();

    /// <summary>A stage as the API and the saved state spell it: referred, held, committee, released or required.</summary>
    public static string NameOf(MeetingStage stage) => stage switch
    {
        MeetingStage.Referred => "referred",
        MeetingStage.Held => "held",
        MeetingStage.Committee => "committee",
        MeetingStage.Released => "released",
        MeetingStage.Required => "required",
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };

    /// <summary>The stage a name spells (<see cref="NameOf"/>); null for anything else.</summary>
    public static MeetingStage? Parse(string? name) => name switch
    {
        "referred" => MeetingStage.Referred,
        "held" => MeetingStage.Held,
        "committee" => MeetingStage.Committee,
        "released" => MeetingStage.Released,
        "required" => MeetingStage.Required,
        _ => null,
    };
}

/// <summary>
/// A live case's referral to a professional judges' meeting (the record's <c>meeting</c>): its trigger, when the
/// papers went out, where it stands, and whether the panel adopted the meeting's majority view. JSON (the API, the
/// court's saved state) spells the stage as its name; between silos it travels as its enum (id 2, a string in earlier versions).
/// </summary>
[GenerateSerializer, Immutable, Alias("docket.live.meeting-hold")]
public sealed record MeetingHold(
    [property: Id(0)] string Trigger,
    [property: Id(1)] DateTimeOffset ReferredAt,
    [property: Id(2)] MeetingStage Stage,
    [property: Id(3)] bool? Adopted = null);

/// <summary>
/// The rule of a referral (cases 164, 165), one for the live service and the simulator: the papers go out a week
/// (<see cref="MeetingSpec.PapersDays"/>) before the meeting; a held case cannot close until its meeting has sat and
/// been released after its minutes were checked; when the panel departs from the majority on a four-type case the
/// case goes to the adjudication committee, whose decision releases it.
/// </summary>
public static class MeetingReferral
{
    /// <summary>
    /// Why <paramref name="role"/> cannot refer the case now for <paramref name="trigger"/>; null when it can. A
    /// leader's disagreement needs <see cref="Permission.ReferForDisagreement"/> besides the referral's own permission.
    /// </summary>
    public static (string Field, string Problem)? RefuseReferral(MeetingHold? hold, bool open, string? trigger, string role)
    {
        if (MeetingTriggers.IndexOf(trigger) < 0)
        {
            return ("trigger", $"unknown trigger {Courts.Quoted.Value(trigger)} ({string.Join(", ", MeetingTriggers.All)})");
        }
        if (trigger == MeetingTriggers.LeaderDisagrees && !AccessRules.RoleMay(role, Permission.ReferForDisagreement))
        {
            return ("trigger", $"only {AccessRules.Who(Permission.ReferForDisagreement, null)} refers a case because they disagree with the panel");
        }
        if (!open)
        {
            return ("case", "the case is closed");
        }
        return hold is { Stage: not (MeetingStage.Released or MeetingStage.Required) }
            ? ("case", $"the case is already referred to a meeting ({hold.Trigger}, {MeetingStages.NameOf(hold.Stage)})")
            : null;
    }

    /// <summary>Whether a meeting sits: more than half of the <paramref name="called"/> judges are <paramref name="present"/> (case 165).</summary>
    public static bool HasQuorum(int present, int called) => present * 2 > called;

    /// <summary>
    /// The seats a sitting credits (case 165): each judge <paramref name="present"/> when the meeting sat
    /// (<see cref="HasQuorum"/>), none when it did not. They count towards a quota in workload units
    /// (<see cref="Staffing.QuotaAttainment.MeetingUnits"/>).
    /// </summary>
    public static IReadOnlyList<T> SeatsOf<T>(IReadOnlyList<T> present, int called) => HasQuorum(present.Count, called) ? present : [];

    /// <summary>Why the meeting cannot be recorded as held at <paramref name="at"/>: not referred, already held, or the papers not out long enough.</summary>
    public static string? RefuseHeld(MeetingHold? hold, DateTimeOffset at, double papersDays)
    {
        if (hold is not { Stage: MeetingStage.Referred })
        {
            return NotReferred(hold) ? "the case was not referred to a meeting" : $"its meeting is past (it is {MeetingStages.NameOf(hold.Stage)})";
        }
        var papers = hold.ReferredAt.AddDays(papersDays);
        return at < papers ? $"the papers went out {hold.ReferredAt:O}: the meeting sits {papersDays:0.##} days after, from {papers:O}" : null;
    }

    /// <summary>
    /// Why the minutes cannot be released: the meeting has not sat, or the panel departed from its majority on a
    /// four-type case (that case goes to the adjudication committee).
    /// </summary>
    public static string? RefuseRelease(MeetingHold? hold, bool fourType)
    {
        if (hold is not { Stage: MeetingStage.Held })
        {
            return NotReferred(hold) ? "the case was not referred to a meeting" : $"its meeting has not sat or is past (it is {MeetingStages.NameOf(hold.Stage)})";
        }
        return GoesToCommittee(hold, fourType) ? "the panel departed from the meeting's majority on a four-type case: it goes to the adjudication committee" : null;
    }

    /// <summary>Why the case cannot go to the adjudication committee: only after a meeting whose majority the panel did not adopt.</summary>
    public static string? RefuseCommittee(MeetingHold? hold) =>
        hold is { Stage: MeetingStage.Held, Adopted: false } ? null
        : hold is { Stage: MeetingStage.Held } ? "the panel adopted the meeting's majority view"
        : NotReferred(hold) ? "the case was not referred to a meeting"
        : $"its meeting has not sat or is past (it is {MeetingStages.NameOf(hold.Stage)})";

    /// <summary>Why the committee's decision cannot be recorded: the case is not before it.</summary>
    public static string? RefuseCommitteeDecision(MeetingHold? hold) =>
        hold is { Stage: MeetingStage.Committee } ? null : "the case is not before the adjudication committee";

    /// <summary>Whether a panel's departure sends the case to the committee: a four-type case whose panel did not adopt the majority view.</summary>
    public static bool GoesToCommittee(MeetingHold hold, bool fourType) =>
        hold.Adopted == false && (fourType || hold.Trigger == MeetingTriggers.FourType);

    /// <summary>
    /// The meeting trigger a filing entry carries (<see cref="Courts.CourtRules.FourTypeMeetingVersion"/>): four_type for a
    /// flagged case filed under rules version 5 or later, whose record's meeting then stands <see cref="MeetingStage.Required"/>;
    /// null otherwise.
    /// </summary>
    public static string? FilingTrigger(bool flagged, int rules) =>
        flagged && rules >= Courts.CourtRules.FourTypeMeetingVersion ? MeetingTriggers.FourType : null;

    /// <summary>The meeting a filing entry's trigger (<see cref="FilingTrigger"/>) requires of the case; null when none.</summary>
    public static MeetingHold? RequiredAtFiling(string? trigger, DateTimeOffset filedAt) =>
        trigger is null ? null : new MeetingHold(trigger, filedAt, MeetingStage.Required);

    private static bool NotReferred([System.Diagnostics.CodeAnalysis.NotNullWhen(false)] MeetingHold? hold) => hold is null or { Stage: MeetingStage.Required };

    /// <summary>Why a case cannot close now: referred and not released, or a four-type case not yet referred; null when nothing holds it.</summary>
    public static string? HoldsClosing(MeetingHold? hold) =>
        hold is null or { Stage: MeetingStage.Released } ? null
        : hold.Stage == MeetingStage.Committee ? "it is before the adjudication committee"
        : hold.Stage == MeetingStage.Required
            ? $"a four-type case closes only after a professional judges' meeting: refer it ({hold.Trigger}), and it may close once the meeting has sat and its minutes are released"
        : $"it is held for a professional judges' meeting ({hold.Trigger}) until the meeting has sat and its minutes are released";
}
