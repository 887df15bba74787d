using Docket.Domain.Access;
using Docket.Domain.Cases;
using Docket.Domain.Courts;
using Docket.Domain.Deadlines;
using Docket.Domain.Ledger;

namespace Docket.Domain.Courts;

/// <summary>
/// A live case's deadlines as of a moment, from its stored record alone, by the domain's rules: node deadlines,
/// escalation and lock by <see cref="CaseDeadlines"/>, the statutory limit by <see cref="TimeLimit"/>, the warnings
/// earned by <see cref="DeadlineWarnings"/>. Nothing to re-arm after a restart: the deadline watch (teams' and the
/// court's) issues what the clock says is due.
/// </summary>
public static class CaseClock
{
    public static CaseDetails Details(Court court, CourtCase c, DateTimeOffset now)
    {
        var (since, deadlines) = Evaluate(court, c, now);
        var type = court.CaseTypes[court.TypeIndex(c.Type)];
        var views = deadlines.Select(d => new DeadlineView(d.Node.Id, d.Due, d.ReachedAt, d.Level is { } l ? WarningLevels.NameOf(l) : "none", d.Node.Locks));
        return new CaseDetails(c, since is not null, since, [.. views], NodeOrder.NextStage(type, c.StagesDone),
            TimeLimit.LimitAt(type, c.FiledAt, c.ExtendedDays, Suspension(type, c).Days), court.DivisionOfTeam(c.Team) ?? "");
    }

    public static bool IsLocked(Court court, CourtCase c, DateTimeOffset now) => Evaluate(court, c, now).LockedSince is not null;

    public static (DateTimeOffset? LockedSince, NodeDeadline[] Deadlines) Evaluate(Court court, CourtCase c, DateTimeOffset now) =>
        CaseDeadlines.Evaluate(court.CaseTypes[court.TypeIndex(c.Type)].Nodes, node => ReachedAt(c, node), c.FiledAt, c.ClosedAt, c.UnlockedAt, now, court.Ladder,
            court.Scenario.Calendar);

    /// <summary>The days the case's statutory limit has stood still in stages that suspend it, and whether it stands still now (<see cref="TimeLimit.Suspension"/>).</summary>
    public static (double Days, bool SuspendedNow) Suspension(CaseType type, CourtCase c) =>
        TimeLimit.Suspension(type, c.AssignedAt, [.. c.Stages.Select(s => s.At)], c.Status == CourtCaseStatus.Pending);

    /// <summary>The case's statutory limit as of now, suspensions deducted; null when its type has none or while a stage suspends it.</summary>
    public static DateTimeOffset? RunningLimit(CaseType type, CourtCase c) =>
        Suspension(type, c) is var (days, suspended) && !suspended ? TimeLimit.LimitAt(type, c.FiledAt, c.ExtendedDays, days) : null;

    /// <summary>The warnings the case has earned by <paramref name="now"/> and not been issued.</summary>
    public static IEnumerable<DeadlineWarning> Unissued(Court court, CourtCase c, DateTimeOffset now)
    {
        var type = court.CaseTypes[court.TypeIndex(c.Type)];
        if (type.Nodes.Count == 0 && type.TimeLimitDays is null)
        {
            return [];
        }
        var (since, deadlines) = Evaluate(court, c, now);
        return Unissued(court, c, type, since, deadlines, now);
    }

    private static IEnumerable<DeadlineWarning> Unissued(
        Court court, CourtCase c, CaseType type, DateTimeOffset? lockedSince, NodeDeadline[] deadlines, DateTimeOffset now) =>
        DeadlineWarnings.Earned(deadlines, lockedSince, RunningLimit(type, c),
            court.Layout.Spec.Supervision.LimitWarnDays, c.ClosedAt, now).Where(w => !Issued(c, w));

    /// <summary>
    /// The next moment at or after <paramref name="at"/> when the case may earn a warning it has not been issued:
    /// <paramref name="at"/> itself when one is earned and not issued; otherwise the next step of an unreached node's
    /// ladder (its lock comes with the president's step) or of its open statutory limit (warning, then due). Null:
    /// nothing can come due until the case changes (a node reached, an unlock, an extension, a closure). Between
    /// changes the warnings earned only grow with time, so watching a case from this moment on misses none.
    /// </summary>
    public static DateTimeOffset? NextCheck(Court court, CourtCase c, DateTimeOffset at)
    {
        var type = court.CaseTypes[court.TypeIndex(c.Type)];
        if (type.Nodes.Count == 0 && type.TimeLimitDays is null)
        {
            return null;
        }
        var (since, deadlines) = Evaluate(court, c, at);
        return Unissued(court, c, type, since, deadlines, at).Any() ? at : NextStep(court, c, type, deadlines, at);
    }

    /// <summary>
    /// The first moment after <paramref name="at"/> at which the record, unchanged, may earn a warning it has not
    /// earned by <paramref name="at"/>: the next step of an unreached node's ladder or of its open statutory limit
    /// (<see cref="NextCheck"/> without its "now"). Until then the warnings earned stay those earned at
    /// <paramref name="at"/>, so a decision to issue them (<see cref="CaseCommands.Warn"/>) holds. Null: none until the record changes.
    /// </summary>
    public static DateTimeOffset? NextStep(Court court, CourtCase c, DateTimeOffset at)
    {
        var type = court.CaseTypes[court.TypeIndex(c.Type)];
        return type.Nodes.Count == 0 && type.TimeLimitDays is null ? null : NextStep(court, c, type, Evaluate(court, c, at).Deadlines, at);
    }

    /// <summary>
    /// The warnings the case has earned by <paramref name="at"/> and not been issued (<see cref="Unissued(Court, CourtCase, DateTimeOffset)"/>)
    /// and its <see cref="NextStep(Court, CourtCase, DateTimeOffset)"/>, from one evaluation of its deadlines.
    /// </summary>
    public static (List<DeadlineWarning> Unissued, DateTimeOffset? NextStep) UnissuedUntilNextStep(Court court, CourtCase c, DateTimeOffset at)
    {
        var type = court.CaseTypes[court.TypeIndex(c.Type)];
        if (type.Nodes.Count == 0 && type.TimeLimitDays is null)
        {
            return ([], null);
        }
        var (since, deadlines) = Evaluate(court, c, at);
        return ([.. Unissued(court, c, type, since, deadlines, at)], NextStep(court, c, type, deadlines, at));
    }

    private static DateTimeOffset? NextStep(Court court, CourtCase c, CaseType type, NodeDeadline[] deadlines, DateTimeOffset at)
    {
        var next = CaseDeadlines.NextStep(deadlines);
        if (c.ClosedAt is null && RunningLimit(type, c) is { } limit &&
            TimeLimit.Read(0, court.Layout.Spec.Supervision.LimitWarnDays, (at - limit).TotalDays).Next is { } days &&
            CaseDeadlines.Instant(limit, days) is var t && t > at && (next is null || t < next))
        {
            next = t;
        }
        return next;
    }

    /// <summary>
    /// The first moment at or after <paramref name="at"/> at which the record, unchanged, may read otherwise by the
    /// clock alone: an unreached node falling due (an important one locks the case then) or its statutory limit's
    /// warning or end (suspensions counted, whether or not a stage suspends it now). Between <paramref name="at"/>
    /// and then, a command decided on the record (<see cref="CaseCommands"/>) is decided the same; null: until the
    /// record changes.
    /// </summary>
    public static DateTimeOffset? SteadyUntil(Court court, CourtCase c, DateTimeOffset at)
    {
        var type = court.CaseTypes[court.TypeIndex(c.Type)];
        DateTimeOffset? until = null;
        void Consider(DateTimeOffset t)
        {
            if (t >= at && (until is null || t < until))
            {
                until = t;
            }
        }
        foreach (var d in Evaluate(court, c, at).Deadlines)
        {
            if (d.ReachedAt is null)
            {
                Consider(d.Due);
            }
        }
        if (TimeLimit.LimitAt(type, c.FiledAt, c.ExtendedDays, Suspension(type, c).Days) is { } limit)
        {
            Consider(TimeLimit.WarnAt(limit, court.Layout.Spec.Supervision.LimitWarnDays));
            Consider(limit);
        }
        return until;
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
