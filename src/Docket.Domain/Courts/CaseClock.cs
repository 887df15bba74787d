using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Deadlines;
using Docket.Domain.Ledger;

namespace Docket.Domain.Courts;

/// <summary>
/// A live case's deadlines as of a moment, from its stored record alone, by the domain's rules: node deadlines,
/// escalation and lock by <see cref="CaseDeadlines"/>, the statutory limit by <see cref="TimeLimit"/>, the warnings
/// earned by <see cref="DeadlineWarnings"/>. Nothing to re-arm after a restart: the court's deadline watcher issues
/// what the clock says is due.
/// </summary>
public static class CaseClock
{
    public static CaseDetails Details(Court court, CourtCase c, DateTimeOffset now)
    {
        var (since, deadlines) = Evaluate(court, c, now);
        var type = court.CaseTypes[court.TypeIndex(c.Type)];
        var views = deadlines.Select(d => new DeadlineView(d.Node.Id, d.Due, d.ReachedAt, d.Level is { } l ? WarningLevels.NameOf(l) : "none", d.Node.Locks));
        return new CaseDetails(c, since is not null, since, [.. views], NodeOrder.NextStage(type, c.StagesDone),
            TimeLimit.LimitAt(type, c.FiledAt, c.ExtendedDays), court.DivisionOfTeam(c.Team) ?? "");
    }

    public static bool IsLocked(Court court, CourtCase c, DateTimeOffset now) => Evaluate(court, c, now).LockedSince is not null;

    public static (DateTimeOffset? LockedSince, NodeDeadline[] Deadlines) Evaluate(Court court, CourtCase c, DateTimeOffset now) =>
        CaseDeadlines.Evaluate(court.CaseTypes[court.TypeIndex(c.Type)].Nodes, node => ReachedAt(c, node), c.FiledAt, c.ClosedAt, c.UnlockedAt, now, court.Ladder);

    /// <summary>The warnings the case has earned by <paramref name="now"/> and not been issued.</summary>
    public static IEnumerable<DeadlineWarning> Unissued(Court court, CourtCase c, DateTimeOffset now)
    {
        var type = court.CaseTypes[court.TypeIndex(c.Type)];
        if (type.Nodes.Count == 0 && type.TimeLimitDays is null)
        {
            return [];
        }
        var (since, deadlines) = Evaluate(court, c, now);
        var earned = DeadlineWarnings.Earned(deadlines, since, TimeLimit.LimitAt(type, c.FiledAt, c.ExtendedDays),
            court.Layout.Spec.Supervision.LimitWarnDays, c.ClosedAt, now);
        return earned.Where(w => !Issued(c, w));
    }

    public static bool Issued(CourtCase c, DeadlineWarning w)
    {
        foreach (var issued in c.Warnings ?? [])
        {
            if (issued.Subject == w.Subject && issued.Level == w.Level && issued.Due == w.Due)
            {
                return true;
            }
        }
        return false;
    }

    private static DateTimeOffset? ReachedAt(CourtCase c, string node)
    {
        foreach (var r in c.Nodes)
        {
            if (r.Node == node)
            {
                return r.At;
            }
        }
        return null;
    }
}
