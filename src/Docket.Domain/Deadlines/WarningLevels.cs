namespace Docket.Domain.Deadlines;

/// <summary>
/// The levels a deadline warning reaches. A node's deadline climbs the <see cref="EscalationLadder"/> (judge,
/// division_head, president — overdue — and discipline, the referral that is case 159's red card); an important
/// node overdue <see cref="Locked"/> the case; the statutory limit warns a month before
/// (<see cref="LimitWarning"/>), is overdue at the limit (<see cref="LimitOverdue"/>), and a case closed past it
/// earns a <see cref="YellowCard"/> (case 159).
/// </summary>
public static class WarningLevels
{
    public const string Judge = "judge";
    public const string DivisionHead = "division_head";
    public const string President = "president";
    public const string Discipline = "discipline";
    public const string Locked = "locked";
    public const string LimitWarning = "limit_warning";
    public const string LimitOverdue = "limit_overdue";
    public const string YellowCard = "yellow_card";

    /// <summary>The subject of the statutory limit's warnings.</summary>
    public const string TimeLimit = "time_limit";

    public static IReadOnlyList<string> All { get; } = [Judge, DivisionHead, President, Discipline, Locked, LimitWarning, LimitOverdue, YellowCard];

    public static string NameOf(EscalationLevel level) => level switch
    {
        EscalationLevel.Judge => Judge,
        EscalationLevel.DivisionHead => DivisionHead,
        EscalationLevel.President => President,
        _ => Discipline,
    };

    /// <summary>
    /// The escalation level a warning counts under in <c>docket.deadline.warnings</c>, as the simulator counts it: the
    /// limit warning goes to the judge, an overdue limit to the president; a lock is counted as a lock and a yellow
    /// card is not a warning (null).
    /// </summary>
    public static EscalationLevel? CountedAs(string level) => level switch
    {
        Judge or LimitWarning => EscalationLevel.Judge,
        DivisionHead => EscalationLevel.DivisionHead,
        President or LimitOverdue => EscalationLevel.President,
        Discipline => EscalationLevel.Discipline,
        _ => null,
    };
}
