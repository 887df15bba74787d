namespace Docket.Domain.Deadlines;

/// <summary>
/// A case's node deadlines and lock as of a moment, from its record alone: each process node is due
/// <c>within_days</c> (or working days of the court's calendar, <see cref="ProcessNode.DueAt(Calendar.WorkCalendar, DateTimeOffset)"/>)
/// after its <c>from</c> node (filing by default) was reached; the <see cref="EscalationLadder"/>
/// says who has been told; an important node (<see cref="ProcessNode.Locks"/>) overdue and not reached locks the
/// case, unless a division head or the president unlocked it after that node fell due (<see cref="UnlockRule"/>).
/// Each unreached deadline is read by the ladder's one evaluator, <see cref="EscalationLadder.Read(EscalationLevel?, DateTimeOffset, bool, DateTimeOffset)"/>,
/// which the simulator's escalation events read too.
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
            if (reached is not null)
            {
                deadlines.Add(new NodeDeadline(node, due, reached, null, null));
                continue;
            }
            var reading = ladder.Read(null, due, node.Locks, now);
            if ((reading.Brings & LadderEffects.Lock) != 0 && !UnlockedSince(due, unlockedAt) && (since is null || due < since))
            {
                since = due;
            }
            deadlines.Add(new NodeDeadline(node, due, null, reading.Level, reading.Next is { } days ? Instant(due, days) : null));
        }
        return (since, [.. deadlines]);
    }

    /// <summary>Whether an unlock came at or after <paramref name="due"/>: an important node due then and not reached locks the case from then until such an unlock.</summary>
    public static bool UnlockedSince(DateTimeOffset due, DateTimeOffset? unlockedAt) => unlockedAt >= due;

    /// <summary>
    /// The first moment after the evaluation at which an unreached node's deadline climbs a level of the ladder (each
    /// deadline's <see cref="NodeDeadline.NextStep"/>, as its reading named it; its lock comes with the president's step), or null.
    /// </summary>
    public static DateTimeOffset? NextStep(IEnumerable<NodeDeadline> deadlines)
    {
        DateTimeOffset? next = null;
        foreach (var d in deadlines)
        {
            if (d.NextStep is { } t && (next is null || t < next))
            {
                next = t;
            }
        }
        return next;
    }

    /// <summary>
    /// The first instant whose days from <paramref name="due"/> reach <paramref name="days"/>: at it the ladder reads
    /// the step reached (<see cref="EscalationLadder.LevelAt(DateTimeOffset, DateTimeOffset)"/>), which an instant a
    /// tick short of a fraction of a day would not.
    /// </summary>
    public static DateTimeOffset Instant(DateTimeOffset due, double days)
    {
        var t = due.AddTicks((long)Math.Ceiling(days * TimeSpan.TicksPerDay));
        while ((t - due).TotalDays < days)
        {
            t = t.AddTicks(1);
        }
        return t;
    }
}
