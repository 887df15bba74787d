namespace Docket.Domain.Deadlines;

/// <summary>
/// When each escalation level falls due for a deadline: the judge <c>warnBeforeHours</c> before it (48 hours by
/// default), the division head half-way from there to the deadline, the president at the deadline (the case is
/// overdue; an important node locks it), the discipline office <c>referralAfterDays</c> after it.
/// </summary>
/// <remarks>
/// The one rule for a node deadline's ladder, on plain day numbers: the simulator passes its clock's days, the live
/// court days counted from the deadline (<see cref="LevelAt(DateTimeOffset, DateTimeOffset)"/>). The live court issues
/// every level earned by a check (<see cref="LevelAt(double, double)"/>) and checks again at <see cref="NextStepAfter"/>;
/// the simulator takes the levels one event each (<see cref="StepAfter"/>, <see cref="Climb"/>). Both draw what a level brings from
/// <see cref="Brings"/>.
/// </remarks>
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

    /// <summary>
    /// The highest level reached at <paramref name="now"/> for a deadline at <paramref name="due"/> (days on one
    /// clock), or null before the judge's warning. It compares times, not differences, so that at exactly
    /// <see cref="TimeOf"/> of a level — when the simulator's event for it comes — that level is reached.
    /// </summary>
    public EscalationLevel? LevelAt(double due, double now)
    {
        EscalationLevel? reached = null;
        for (var level = EscalationLevel.Judge; level <= EscalationLevel.Discipline; level++)
        {
            if (now >= TimeOf(level, due))
            {
                reached = level;
            }
        }
        return reached;
    }

    /// <summary><see cref="LevelAt(double, double)"/> for the live court's clock: days counted from the deadline.</summary>
    public EscalationLevel? LevelAt(DateTimeOffset due, DateTimeOffset now) => LevelAt(0, (now - due).TotalDays);

    /// <summary>The first moment after <paramref name="now"/> at which a deadline at <paramref name="due"/> climbs a level, or null once none is left.</summary>
    public double? NextStepAfter(double due, double now)
    {
        double? next = null;
        for (var level = EscalationLevel.Judge; level <= EscalationLevel.Discipline; level++)
        {
            var t = TimeOf(level, due);
            if (t > now && (next is null || t < next))
            {
                next = t;
            }
        }
        return next;
    }

    /// <summary>
    /// The level a deadline at <paramref name="due"/> climbs after <paramref name="climbed"/> (null: none yet) and
    /// when: at its <see cref="TimeOf"/>, or <paramref name="now"/> if that has passed; null after the discipline office.
    /// </summary>
    public (EscalationLevel Level, double At)? StepAfter(EscalationLevel? climbed, double due, double now) =>
        (climbed is { } level ? Next(level) : EscalationLevel.Judge) is { } next ? (next, Math.Max(now, TimeOf(next, due))) : null;

    /// <summary>
    /// A node deadline at <paramref name="due"/> climbs to <paramref name="level"/> at <paramref name="now"/>, as the
    /// simulator's escalation event does (one level an event): what the level brings the case and the step after it.
    /// </summary>
    public (LadderEffects Brings, (EscalationLevel Level, double At)? Next) Climb(EscalationLevel level, double due, bool locks, double now) =>
        (Brings(level, locks), StepAfter(level, due, now));

    /// <summary>The next level after <paramref name="level"/>, or null after the discipline office.</summary>
    public static EscalationLevel? Next(EscalationLevel level) =>
        level == EscalationLevel.Discipline ? null : level + 1;

    /// <summary>
    /// What a node's deadline brings the case at <paramref name="level"/> besides its warning: the president's step
    /// makes it overdue and, at an important node (<paramref name="locks"/>), locks it; the discipline office's refers it.
    /// </summary>
    public static LadderEffects Brings(EscalationLevel level, bool locks) => level switch
    {
        EscalationLevel.President => LadderEffects.Overdue | (locks ? LadderEffects.Lock : LadderEffects.None),
        EscalationLevel.Discipline => LadderEffects.Referral,
        _ => LadderEffects.None,
    };

    /// <summary>What a node's deadline has brought the case once it has climbed to <paramref name="top"/> (null: nothing).</summary>
    public static LadderEffects BroughtBy(EscalationLevel? top, bool locks)
    {
        var effects = LadderEffects.None;
        for (var level = EscalationLevel.Judge; level <= top; level++)
        {
            effects |= Brings(level, locks);
        }
        return effects;
    }
}
