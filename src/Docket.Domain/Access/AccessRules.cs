using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Deadlines;
using Docket.Domain.Ledger;

namespace Docket.Domain.Access;

/// <summary>
/// Who may do what to which case. Registrars file at their court; judges (and clerks of a team) see and report on
/// their team's cases only; a division head acts within their division (team group), the president within their
/// court; only they unlock (<see cref="UnlockRule"/>) and designate; auditors and admins read and audit, bound to a
/// court when their account names one.
/// </summary>
public static class AccessRules
{
    public static bool InCourt(Actor actor, string court) => actor.Court is null || actor.Court == court;

    public static bool CanFile(Actor actor, string court) => actor.Role == UserRoles.Registrar && actor.Court == court;

    /// <summary>May see a case (or a team's caseload) of this court, division and team.</summary>
    public static bool CanRead(Actor actor, string court, string? division, string? team) => actor.Role switch
    {
        UserRoles.Admin or UserRoles.Auditor => InCourt(actor, court),
        UserRoles.President or UserRoles.Registrar => actor.Court == court,
        UserRoles.DivisionHead => actor.Court == court && (actor.Division is null || actor.Division == division),
        UserRoles.Judge => actor.Court == court && actor.Team is not null && actor.Team == team,
        UserRoles.Clerk => actor.Court == court && (actor.Team is null || actor.Team == team),
        _ => false,
    };

    /// <summary>May report process nodes: the judge or a clerk of the case's team (a court clerk without a team: any).</summary>
    public static bool CanReport(Actor actor, string court, string? team) => actor.Role switch
    {
        UserRoles.Judge => actor.Court == court && actor.Team is not null && actor.Team == team,
        UserRoles.Clerk => actor.Court == court && (actor.Team is null || actor.Team == team),
        _ => false,
    };

    public static bool IsSupervisor(string role) => UnlockRule.CanUnlock(role);

    /// <summary>Only a division head of the case's division or the court's president (Yancheng, case 157).</summary>
    public static bool CanUnlock(Actor actor, string court, string? division) =>
        UnlockRule.CanUnlock(actor.Role) && actor.Court == court
        && (actor.Role == UserRoles.President || (actor.Division is not null && actor.Division == division));

    /// <summary>Supervisors designate: a division head within their division (both teams), the president anywhere in the court.</summary>
    public static bool CanDesignate(Actor actor, string court, string? fromDivision, string? toDivision) =>
        IsSupervisor(actor.Role) && actor.Court == court
        && (actor.Role == UserRoles.President
            || (actor.Division is not null && (fromDivision is null || fromDivision == actor.Division) && (toDivision is null || toDivision == actor.Division)));

    /// <summary>Records a team's absence: a division head of its division, the court's president, an admin of the court.</summary>
    public static bool CanMarkAbsent(Actor actor, string court, string division) => actor.Role switch
    {
        UserRoles.Admin => InCourt(actor, court),
        UserRoles.President => actor.Court == court,
        UserRoles.DivisionHead => actor.Court == court && actor.Division == division,
        _ => false,
    };

    /// <summary>Only the court's president extends a statutory time limit (case 160).</summary>
    public static bool CanExtend(Actor actor, string court) => actor.Role == UserRoles.President && actor.Court == court;

    /// <summary>May oversee this division (its warnings, its teams' absences): supervisors within their scope, auditors and admins.</summary>
    public static bool CanOversee(Actor actor, string court, string? division) => actor.Role switch
    {
        UserRoles.Admin or UserRoles.Auditor => InCourt(actor, court),
        UserRoles.President => actor.Court == court,
        UserRoles.DivisionHead => actor.Court == court && (actor.Division is null || actor.Division == division),
        _ => false,
    };

    public static bool CanSeeKpis(Actor actor, string court) => actor.Role switch
    {
        UserRoles.Admin or UserRoles.Auditor => InCourt(actor, court),
        UserRoles.President or UserRoles.DivisionHead => actor.Court == court,
        _ => false,
    };

    public static bool CanAudit(Actor actor, string court) =>
        actor.Role is UserRoles.Auditor or UserRoles.Admin && InCourt(actor, court);

    public static bool IsAdminOf(Actor actor, string court) => actor.Role == UserRoles.Admin && InCourt(actor, court);
}
