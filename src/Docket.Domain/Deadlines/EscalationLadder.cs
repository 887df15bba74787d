namespace Docket.Domain.Deadlines;

/// <summary>
/// When each escalation level falls due for a deadline: the judge <c>warnBeforeHours</c> before it (48 hours by
/// default), the division head half-way from there to the deadline, the president at the deadline (the case is
/// overdue; an important node locks it), the discipline office <c>referralAfterDays</c> after it.
/// </summary>
public sealed record EscalationLadder(double WarnBeforeHours, double ReferralAfterDays)
{
    public double TimeOf(EscalationLevel level, double deadline) => level switch
    {
        EscalationLevel.Judge => deadline - (WarnBeforeHours / 24.0),
        EscalationLevel.DivisionHead => deadline - (WarnBeforeHours / 48.0),
        EscalationLevel.President => deadline,
        EscalationLevel.Discipline => deadline + ReferralAfterDays,
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    /// <summary>The highest level reached at <paramref name="now"/> for a deadline at <paramref name="due"/>, or null before the judge's warning.</summary>
    public EscalationLevel? LevelAt(DateTimeOffset due, DateTimeOffset now)
    {
        var days = (now - due).TotalDays;
        EscalationLevel? reached = null;
        for (var level = EscalationLevel.Judge; level <= EscalationLevel.Discipline; level++)
        {
            if (days >= TimeOf(level, 0))
            {
                reached = level;
            }
        }
        return reached;
    }

    /// <summary>The next level after <paramref name="level"/>, or null after the discipline office.</summary>
    public static EscalationLevel? Next(EscalationLevel level) =>
        level == EscalationLevel.Discipline ? null : level + 1;
}
