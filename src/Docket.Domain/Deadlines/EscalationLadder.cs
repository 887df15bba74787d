namespace Docket.Domain.Deadlines;

/// <summary>
/// When each escalation level falls due for a deadline: the judge <c>warnBeforeHours</c> before it (48 hours by
/// default), the division head half-way from there to the deadline, the president at the deadline (the case is
/// overdue; an important node locks it), the discipline office <c>referralAfterDays</c> after it.
/// </summary>
/// <remarks>
/// The one rule for a node deadline's ladder, on plain day numbers, and its one evaluator, <see cref="Read(EscalationLevel?, double, bool, double)"/>:
/// at a moment, the level a deadline has reached, what the levels climbed since the last reading bring the case, and
/// when it climbs next. Both drivers read it and only ask at different moments: the simulator at the moments a reading
/// names (an event each), on its clock's days; the live court at each check of a case (its deadline watch, a command),
/// on days counted from the deadline (<see cref="Read(EscalationLevel?, DateTimeOffset, bool, DateTimeOffset)"/>),
/// checking again at the moment the reading names.
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
    /// clock), or null before the judge's warning: <see cref="Read(EscalationLevel?, double, bool, double)"/>'s level.
    /// It compares times, not differences, so that at exactly <see cref="TimeOf"/> of a level — when the simulator's
    /// event for it comes — that level is reached.
    /// </summary>
    public EscalationLevel? LevelAt(double due, double now) => Read(null, due, false, now).Level;

    /// <summary><see cref="LevelAt(double, double)"/> for the live court's clock: days counted from the deadline.</summary>
    public EscalationLevel? LevelAt(DateTimeOffset due, DateTimeOffset now) => LevelAt(0, (now - due).TotalDays);

    /// <summary>
    /// A deadline at <paramref name="due"/> read at <paramref name="now"/>, having climbed to <paramref name="climbed"/>
    /// at the last reading (null: none yet, or the reader keeps no such memory): the level reached, what the levels
    /// above <paramref name="climbed"/> up to it bring the case (<paramref name="locks"/>: an important node), and
    /// the next moment it climbs, or null once none is left.
    /// </summary>
    public LadderReading Read(EscalationLevel? climbed, double due, bool locks, double now)
    {
        // One pass over the levels, times compared (a level is reached at its very time): the simulator reads at every step.
        EscalationLevel? reached = null;
        double? next = null;
        var brings = LadderEffects.None;
        for (var level = EscalationLevel.Judge; level <= EscalationLevel.Discipline; level++)
        {
            var t = TimeOf(level, due);
            if (now >= t)
            {
                reached = level;
                brings |= level > climbed || climbed is null ? Brings(level, locks) : LadderEffects.None;
            }
            else if (next is null || t < next)
            {
                next = t;
            }
        }
        return new LadderReading(reached, brings, next);
    }

    /// <summary><see cref="Read(EscalationLevel?, double, bool, double)"/> on the live court's clock: days counted from the deadline.</summary>
    public LadderReading Read(EscalationLevel? climbed, DateTimeOffset due, bool locks, DateTimeOffset now) =>
        Read(climbed, 0, locks, (now - due).TotalDays);

    /// <summary>The first level above <paramref name="climbed"/>: the judge's when none was climbed (past the discipline office, none).</summary>
    public static EscalationLevel Above(EscalationLevel? climbed) => climbed is { } level ? level + 1 : EscalationLevel.Judge;

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
}

/// <summary>
/// A node deadline as read at a moment (<see cref="EscalationLadder.Read(EscalationLevel?, double, bool, double)"/>):
/// the level reached (null before the judge's warning), what the levels climbed since the last reading bring, and the
/// next moment it climbs (on the reader's clock; null once the discipline office has been told).
/// </summary>
public readonly record struct LadderReading(EscalationLevel? Level, LadderEffects Brings, double? Next);
