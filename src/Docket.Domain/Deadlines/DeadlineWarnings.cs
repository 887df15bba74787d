namespace Docket.Domain.Deadlines;

/// <summary>
/// Every warning a case has earned by a moment (<see cref="WarningLevel"/>): each level of the escalation ladder its
/// unreached node deadlines have climbed, the lock of an overdue important node, the statutory limit's warning and
/// overdue while the case is open, and the yellow card of a case closed past its limit. A watcher issues those not
/// issued before; since the set only grows with time, issuing the difference on every tick issues each one once.
/// </summary>
public static class DeadlineWarnings
{
    public static List<DeadlineWarning> Earned(
        IReadOnlyList<NodeDeadline> deadlines, DateTimeOffset? lockedSince, DateTimeOffset? limitAt, double limitWarnDays,
        DateTimeOffset? closedAt, DateTimeOffset now)
    {
        var earned = new List<DeadlineWarning>();
        foreach (var d in deadlines)
        {
            if (d.Level is not { } top)
            {
                continue;
            }
            for (var level = EscalationLadder.Above(null); level <= top; level++)
            {
                earned.Add(new DeadlineWarning(d.Node.Id, WarningLevels.Of(level), d.Due));
            }
        }
        if (lockedSince is { } since)
        {
            foreach (var d in deadlines)
            {
                if (d.Node.Locks && d.ReachedAt is null && d.Due == since)
                {
                    earned.Add(new DeadlineWarning(d.Node.Id, WarningLevel.Locked, since));
                    break;
                }
            }
        }
        if (limitAt is { } limit)
        {
            if (closedAt is null)
            {
                var reading = TimeLimit.Read(0, limitWarnDays, (now - limit).TotalDays);
                if (reading.Warned)
                {
                    earned.Add(new DeadlineWarning(WarningLevels.TimeLimit, WarningLevel.LimitWarning, limit));
                }
                if (reading.Overdue)
                {
                    earned.Add(new DeadlineWarning(WarningLevels.TimeLimit, WarningLevel.LimitOverdue, limit));
                }
            }
            else if (closedAt > limit)
            {
                earned.Add(new DeadlineWarning(WarningLevels.TimeLimit, WarningLevel.YellowCard, limit));
            }
        }
        return earned;
    }
}
