using Docket.Abstractions.Live;
using Docket.Domain.Deadlines;

namespace Docket.Grains.Live;

/// <summary>
/// A case's deadlines as of a moment, from its stored record alone (so they survive restarts with nothing to
/// re-arm): each process node is due <c>within_days</c> after its <c>from</c> node was reached; the escalation
/// ladder (<see cref="EscalationLadder"/>) says who has been told; an important node overdue and not reached locks
/// the case until a division head or president unlocks it after that deadline.
/// </summary>
internal static class CaseClock
{
    public static CaseDetails Details(LiveCourt court, LiveCase c, DateTimeOffset now)
    {
        var (locked, since, deadlines) = Evaluate(court, c, now);
        var type = court.CaseTypes[court.TypeIndex(c.Type)];
        DateTimeOffset? limit = type.TimeLimitDays is { } days ? c.FiledAt.AddDays(days) : null;
        return new CaseDetails(c, locked, since, deadlines, CaseProgress.NextStage(court, c), limit, court.DivisionOfTeam(c.Team) ?? "");
    }

    public static bool IsLocked(LiveCourt court, LiveCase c, DateTimeOffset now) => Evaluate(court, c, now).Locked;

    public static (bool Locked, DateTimeOffset? Since, DeadlineView[] Deadlines) Evaluate(LiveCourt court, LiveCase c, DateTimeOffset now)
    {
        var nodes = court.CaseTypes[court.TypeIndex(c.Type)].Nodes;
        if (nodes.Count == 0)
        {
            return (false, null, []);
        }
        var deadlines = new List<DeadlineView>(nodes.Count);
        DateTimeOffset? since = null;
        foreach (var node in nodes)
        {
            if (node.WithinDays is not { } within || ReachedAt(c, node.From ?? ProcessNode.Filing) is not { } from)
            {
                continue;
            }
            var due = from.AddDays(within);
            var reached = ReachedAt(c, node.Id);
            var level = "none";
            if (reached is null)
            {
                var dueDays = (due - c.FiledAt).TotalDays;
                var nowDays = (now - c.FiledAt).TotalDays;
                for (var l = EscalationLevel.Judge; l <= EscalationLevel.Discipline; l++)
                {
                    if (nowDays >= court.Ladder.TimeOf(l, dueDays))
                    {
                        level = LevelName(l);
                    }
                }
                if (node.Locks && now >= due && (c.UnlockedAt is null || c.UnlockedAt < due) && (since is null || due < since))
                {
                    since = due;
                }
            }
            deadlines.Add(new DeadlineView(node.Id, due, reached, level, node.Locks));
        }
        return (since is not null, since, [.. deadlines]);
    }

    /// <summary>Any node overdue and not reached.</summary>
    public static bool IsOverdue(LiveCourt court, LiveCase c, DateTimeOffset now) =>
        Evaluate(court, c, now).Deadlines.Any(d => d.ReachedAt is null && d.Due <= now);

    private static DateTimeOffset? ReachedAt(LiveCase c, string node)
    {
        if (node == ProcessNode.Filing)
        {
            return c.FiledAt;
        }
        if (node == ProcessNode.Closure)
        {
            return c.ClosedAt;
        }
        foreach (var r in c.Nodes)
        {
            if (r.Node == node)
            {
                return r.At;
            }
        }
        return null;
    }

    private static string LevelName(EscalationLevel level) => level switch
    {
        EscalationLevel.Judge => "judge",
        EscalationLevel.DivisionHead => "division_head",
        EscalationLevel.President => "president",
        _ => "discipline",
    };
}
