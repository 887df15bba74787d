using System.Text.Json.Serialization;

namespace Docket.Domain.Deadlines;

/// <summary>
/// The levels a deadline warning reaches. A node's deadline climbs the <see cref="EscalationLadder"/> (judge,
/// division_head, president — overdue — and discipline, the referral that is case 159's red card); an important
/// node overdue <see cref="Locked"/> the case; the statutory limit warns a month before
/// (<see cref="LimitWarning"/>), is overdue at the limit (<see cref="LimitOverdue"/>), and a case closed past it
/// earns a <see cref="YellowCard"/> (case 159). JSON, the ledger and the metrics spell them as those names
/// (<see cref="WarningLevels.NameOf"/>).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<WarningLevel>))]
public enum WarningLevel : byte
{
    [JsonStringEnumMemberName("judge")]
    Judge,

    [JsonStringEnumMemberName("division_head")]
    DivisionHead,

    [JsonStringEnumMemberName("president")]
    President,

    [JsonStringEnumMemberName("discipline")]
    Discipline,

    [JsonStringEnumMemberName("locked")]
    Locked,

    [JsonStringEnumMemberName("limit_warning")]
    LimitWarning,

    [JsonStringEnumMemberName("limit_overdue")]
    LimitOverdue,

    [JsonStringEnumMemberName("yellow_card")]
    YellowCard,
}

public static class WarningLevels
{
    /// <summary>The subject of the statutory limit's warnings.</summary>
    public const string TimeLimit = "time_limit";

    public static IReadOnlyList<WarningLevel> All { get; } = Enum.GetValues<WarningLevel>();

    /// <summary>
    /// A level as the API, the ledger and the metrics spell it: judge, division_head, president, discipline, locked,
    /// limit_warning, limit_overdue or yellow_card.
    /// </summary>
    public static string NameOf(WarningLevel level) => level switch
    {
        WarningLevel.Judge => "judge",
        WarningLevel.DivisionHead => "division_head",
        WarningLevel.President => "president",
        WarningLevel.Discipline => "discipline",
        WarningLevel.Locked => "locked",
        WarningLevel.LimitWarning => "limit_warning",
        WarningLevel.LimitOverdue => "limit_overdue",
        WarningLevel.YellowCard => "yellow_card",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    /// <summary>The name of the warning a node's deadline earns at a step of its escalation ladder (<see cref="Of"/>).</summary>
    public static string NameOf(EscalationLevel level) => NameOf(Of(level));

    /// <summary>The level a name spells (<see cref="NameOf(WarningLevel)"/>); null for anything else.</summary>
    public static WarningLevel? Parse(string? name) => name switch
    {
        "judge" => WarningLevel.Judge,
        "division_head" => WarningLevel.DivisionHead,
        "president" => WarningLevel.President,
        "discipline" => WarningLevel.Discipline,
        "locked" => WarningLevel.Locked,
        "limit_warning" => WarningLevel.LimitWarning,
        "limit_overdue" => WarningLevel.LimitOverdue,
        "yellow_card" => WarningLevel.YellowCard,
        _ => null,
    };

    /// <summary>The warning a node's deadline earns at a step of its escalation ladder.</summary>
    public static WarningLevel Of(EscalationLevel level) => level switch
    {
        EscalationLevel.Judge => WarningLevel.Judge,
        EscalationLevel.DivisionHead => WarningLevel.DivisionHead,
        EscalationLevel.President => WarningLevel.President,
        _ => WarningLevel.Discipline,
    };

    /// <summary>
    /// The escalation level a warning counts under in <c>docket.deadline.warnings</c>, as the simulator counts it: the
    /// limit warning goes to the judge, an overdue limit to the president; a lock is counted as a lock and a yellow
    /// card is not a warning (null).
    /// </summary>
    public static EscalationLevel? CountedAs(WarningLevel level) => level switch
    {
        WarningLevel.Judge or WarningLevel.LimitWarning => EscalationLevel.Judge,
        WarningLevel.DivisionHead => EscalationLevel.DivisionHead,
        WarningLevel.President or WarningLevel.LimitOverdue => EscalationLevel.President,
        WarningLevel.Discipline => EscalationLevel.Discipline,
        _ => null,
    };
}
