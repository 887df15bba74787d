namespace Docket.Domain.Deadlines;

/// <summary>
/// A case's node deadlines and lock as of a moment, from its record alone: each process node is due
/// <c>within_days</c> (or working days of the court's calendar, <see cref="ProcessNode.DueAt(Calendar.WorkCalendar, DateTimeOffset)"/>)
/// after its <c>from</c> node (filing by default) was reached; the <see cref="EscalationLadder"/>
/// says who has been told; an important node (<see cref="ProcessNode.Locks"/>) overdue and not reached locks the
/// case, unless a division head or the president unlocked it after that node fell due (<see cref="UnlockRule"/>).
/// The simulator schedules the same ladder as events; the live service evaluates it against the clock.
/// </summary>
public static class CaseDeadlines
{
    /// <param name="nodes">The case type's process nodes.</param>
    /// <param name="reachedAt">When a (non built-in) node was reached, or null.</param>
    /// <param name="closedAt">When the case closed (the built-in <c>closure</c> node), or null.</param>
    /// <param name="unlockedAt">The last unlock, or null.</param>
    public static (DateTimeOffset? LockedSince, NodeDeadline[] Deadlines) Evaluate(
        IReadOnlyList<ProcessNode> nodes, Func<string, DateTimeOffset?> reachedAt, DateTimeOffset filedAt, DateTimeOffset? closedAt,
        DateTimeOffset? unlockedAt, DateTimeOffset now, EscalationLadder ladder, Calendar.WorkCalendar calendar)
    {
        if (nodes.Count == 0)
        {
            return (null, []);
        }
        DateTimeOffset? Reached(string node) => node switch
        {
            ProcessNode.Filing => filedAt,
            ProcessNode.Closure => closedAt,
            _ => reachedAt(node),
        };
        var deadlines = new List<NodeDeadline>(nodes.Count);
        DateTimeOffset? since = null;
        foreach (var node in nodes)
        {
            if (Reached(node.From ?? ProcessNode.Filing) is not { } from || node.DueAt(calendar, from) is not { } due)
            {
                continue;
            }
            var reached = Reached(node.Id);
            EscalationLevel? level = null;
            if (reached is null)
            {
                level = ladder.LevelAt(due, now);
                if (node.Locks && IsLockedBy(due, now, unlockedAt) && (since is null || due < since))
                {
                    since = due;
                }
            }
            deadlines.Add(new NodeDeadline(node, due, reached, level));
        }
        return (since, [.. deadlines]);
    }

    /// <summary>An important node due at <paramref name="due"/> and not reached locks the case from then until an unlock after it.</summary>
    public static bool IsLockedBy(DateTimeOffset due, DateTimeOffset now, DateTimeOffset? unlockedAt) =>
        now >= due && (unlockedAt is null || unlockedAt < due);
}
