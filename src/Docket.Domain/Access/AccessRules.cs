namespace Docket.Domain.Access;

/// <summary>
/// Who may do what, as one table: for each <see cref="Permission"/>, the roles that hold it and how far each
/// reaches (<see cref="Reach"/>). The HTTP layer's role gates, the court's commands and the ledger's replay check
/// all read this table, so a role that may not designate is refused at the door, by the court, and in a ledger
/// that claims otherwise.
/// </summary>
/// <remarks>
/// Registrars file at their court; judges see and report on their own team's cases, clerks on their team's (a
/// court clerk without a team: any team's); a division head acts within their division (team group), the president
/// within their court; only they unlock (Yancheng, case 157) and designate; only the president extends a statutory
/// limit (case 160); a judge asks to convert their team's case from simple to ordinary procedure and a division
/// head of its division or the president decides (cases 157, 159: the scenario's <c>conversion.approver</c> says
/// which, <see cref="MayDecideConversion"/>; a division head's conversion the president may decide too); reviewers of a court, and division heads within their division, draw the quality-review sample and record
/// findings and cards (cases 162, 166, 159); the case's judge, a division head of its
/// division or the president refers it to a professional judges' meeting (for a leader's disagreement with the panel
/// only a division head or the president), a division head or the president records
/// the meeting, releases the case or sends it to the adjudication committee, whose decision the president (its
/// chair) records (cases 164, 165); registrars re-issue a party's code at their court; the court's published lists are read as
/// <see cref="Reports.ReportKinds.PermissionOf"/> says; auditors and admins read and audit, bound to one court when their account names one, and
/// only admins administer (rotate the seed), and only an admin bound to no court opens the cluster's dashboard.
/// </remarks>
public static class AccessRules
{
    private static readonly Dictionary<Permission, (string Role, Reach Reach)[]> s_table = new()
    {
        [Permission.File] = [(UserRoles.Registrar, Reach.Court)],
        [Permission.Read] =
        [
            (UserRoles.Admin, Reach.Unbound), (UserRoles.Auditor, Reach.Unbound), (UserRoles.President, Reach.Court),
            (UserRoles.Registrar, Reach.Court), (UserRoles.DivisionHead, Reach.Division), (UserRoles.Judge, Reach.OwnTeam),
            (UserRoles.Clerk, Reach.TeamOrCourt), (UserRoles.Reviewer, Reach.Court),
        ],
        [Permission.Report] = [(UserRoles.Judge, Reach.OwnTeam), (UserRoles.Clerk, Reach.TeamOrCourt)],
        [Permission.Unlock] = [(UserRoles.DivisionHead, Reach.Division), (UserRoles.President, Reach.Court)],
        [Permission.Designate] = [(UserRoles.DivisionHead, Reach.Division), (UserRoles.President, Reach.Court)],
        [Permission.MarkAbsent] = [(UserRoles.DivisionHead, Reach.Division), (UserRoles.President, Reach.Court), (UserRoles.Admin, Reach.Unbound)],
        [Permission.Extend] = [(UserRoles.President, Reach.Court)],
        [Permission.IssuePartyCode] = [(UserRoles.Registrar, Reach.Court)],
        [Permission.RequestConversion] = [(UserRoles.Judge, Reach.OwnTeam)],
        [Permission.DecideConversion] = [(UserRoles.DivisionHead, Reach.Division), (UserRoles.President, Reach.Court)],
        [Permission.ReviewQuality] = [(UserRoles.Reviewer, Reach.Court), (UserRoles.DivisionHead, Reach.Division)],
        [Permission.SeeQualityReview] =
        [
            (UserRoles.Reviewer, Reach.Court), (UserRoles.DivisionHead, Reach.Court), (UserRoles.President, Reach.Court),
            (UserRoles.Auditor, Reach.Unbound), (UserRoles.Admin, Reach.Unbound),
        ],
        [Permission.ReferToMeeting] = [(UserRoles.Judge, Reach.OwnTeam), (UserRoles.DivisionHead, Reach.Division), (UserRoles.President, Reach.Court)],
        [Permission.ReferForDisagreement] = [(UserRoles.DivisionHead, Reach.Division), (UserRoles.President, Reach.Court)],
        [Permission.ConveneMeeting] = [(UserRoles.DivisionHead, Reach.Division), (UserRoles.President, Reach.Court)],
        [Permission.DecideInCommittee] = [(UserRoles.President, Reach.Court)],
        [Permission.Oversee] =
        [
            (UserRoles.DivisionHead, Reach.Division), (UserRoles.President, Reach.Court), (UserRoles.Auditor, Reach.Unbound),
            (UserRoles.Admin, Reach.Unbound),
        ],
        [Permission.SeeKpis] =
        [
            (UserRoles.DivisionHead, Reach.Court), (UserRoles.President, Reach.Court), (UserRoles.Auditor, Reach.Unbound),
            (UserRoles.Admin, Reach.Unbound),
        ],
        [Permission.SeeDailyCheck] =
        [
            (UserRoles.Judge, Reach.OwnTeam), (UserRoles.Clerk, Reach.TeamOrCourt), (UserRoles.DivisionHead, Reach.Division),
            (UserRoles.President, Reach.Court), (UserRoles.Auditor, Reach.Unbound), (UserRoles.Admin, Reach.Unbound),
        ],
        [Permission.SeePastLimit] =
        [
            (UserRoles.DivisionHead, Reach.Division), (UserRoles.President, Reach.Court), (UserRoles.Auditor, Reach.Unbound),
            (UserRoles.Admin, Reach.Unbound),
        ],
        [Permission.SeePublishedCounts] =
        [
            (UserRoles.Registrar, Reach.Court), (UserRoles.Judge, Reach.Court), (UserRoles.Clerk, Reach.Court),
            (UserRoles.DivisionHead, Reach.Court), (UserRoles.President, Reach.Court), (UserRoles.Auditor, Reach.Unbound),
            (UserRoles.Admin, Reach.Unbound),
        ],
        [Permission.SeeRankings] =
        [
            (UserRoles.DivisionHead, Reach.Court), (UserRoles.President, Reach.Court), (UserRoles.Auditor, Reach.Unbound),
            (UserRoles.Admin, Reach.Unbound),
        ],
        [Permission.Audit] = [(UserRoles.Auditor, Reach.Unbound), (UserRoles.Admin, Reach.Unbound)],
        [Permission.Administer] = [(UserRoles.Admin, Reach.Unbound)],
        [Permission.SeeCluster] = [(UserRoles.Admin, Reach.EveryCourt)],
    };

    /// <summary>The roles that hold the permission somewhere (the HTTP layer's role gate).</summary>
    public static IReadOnlyList<string> RolesWith(Permission permission) => [.. s_table[permission].Select(r => r.Role)];

    /// <summary>Whether the role holds the permission at all (the ledger's replay check: an entry records the role, not the scope).</summary>
    public static bool RoleMay(string role, Permission permission) => Array.Exists(s_table[permission], r => r.Role == role);

    /// <summary>
    /// Whether the role decides the conversions of a case type whose scenario names <paramref name="approver"/>
    /// (<c>conversion.approver</c>, cases 157, 159): of the roles that decide conversions at all, the approver named,
    /// or the president, who may also decide a division head's. Roles only, as the ledger records them; where the
    /// actor may decide, <see cref="Permission.DecideConversion"/>'s reach says.
    /// </summary>
    public static bool MayDecideConversion(string role, string approver) =>
        RoleMay(role, Permission.DecideConversion) && (role == approver || role == UserRoles.President);

    /// <summary>Whether the actor holds the permission for this court, division and team.</summary>
    public static bool Allows(Actor actor, Permission permission, AccessScope scope)
    {
        foreach (var (role, reach) in s_table[permission])
        {
            if (role == actor.Role && Reaches(actor, reach, scope))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Whether the actor holds the permission somewhere in the court: for a list whose rows are each checked against
    /// <see cref="Allows"/> (a judge's daily check is of their team's cases, a division head's of their division's).
    /// </summary>
    public static bool AllowsSomewhere(Actor actor, Permission permission, string court) =>
        Array.Exists(s_table[permission], r => r.Role == actor.Role && r.Reach switch
        {
            Reach.Unbound => InCourt(actor, court),
            Reach.EveryCourt => actor.Court is null,
            _ => actor.Court == court,
        });

    /// <summary>
    /// What an account of the role must name for each of its permissions to reach something, read from the table: a
    /// court unless one of its permissions reaches every court (auditors, admins); a team when one reaches only the
    /// actor's own team (a judge); a division when one reaches only the actor's division (a division head). A clerk's
    /// team is optional: without one the clerk reaches every team of the court.
    /// </summary>
    public static AccountBindings BindingsOf(string role)
    {
        var reaches = s_table.Values.SelectMany(r => r).Where(r => r.Role == role).Select(r => r.Reach).ToList();
        return new AccountBindings(
            Court: reaches.Count > 0 && !reaches.Any(r => r is Reach.Unbound or Reach.EveryCourt),
            Team: reaches.Contains(Reach.OwnTeam),
            Division: reaches.Contains(Reach.Division));
    }

    /// <summary>
    /// Whether the actor holds the permission over every court at once (what cannot be narrowed to one court, such as
    /// the cluster's dashboard): a role holding it with <see cref="Reach.EveryCourt"/>, on an account bound to no court.
    /// </summary>
    public static bool AllowsEveryCourt(Actor actor, Permission permission) =>
        actor.Court is null && Array.Exists(s_table[permission], r => r.Role == actor.Role && r.Reach == Reach.EveryCourt);

    /// <summary>
    /// Who holds the permission, read from the table, in the words of a refusal ("only … designates it"): each role
    /// with its reach, over court <paramref name="court"/> and, where a reach is a team or a division, the team or
    /// division of <paramref name="subject"/> ("case X", "team Y"; without one, any of the court's): for example "a
    /// division head of case X's division or the president of court Y". Without a court, the roles alone ("a division
    /// head or the president"), for a rule that knows only the role (the ledger records the role).
    /// </summary>
    public static string Who(Permission permission, string? court, string? subject = null)
    {
        var holders = s_table[permission].Select(r => Phrase(r.Role, r.Reach, court, subject)).ToArray();
        return holders.Length == 1 ? holders[0] : $"{string.Join(", ", holders[..^1])} or {holders[^1]}";
    }

    private static string Phrase(string role, Reach reach, string? court, string? subject)
    {
        var name = role.Replace('_', ' ');
        var one = role == UserRoles.President ? $"the {name}" : name[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? $"an {name}" : $"a {name}";
        return court is null ? one : reach switch
        {
            Reach.Court => $"{one} of court {court}",
            Reach.Division => subject is null ? $"{one} of court {court}" : $"{one} of {subject}'s division",
            Reach.OwnTeam => subject is null ? $"{one} of the team" : $"{one} of {subject}'s team",
            Reach.TeamOrCourt => subject is null ? $"{one} of the team (or of no team)" : $"{one} of {subject}'s team (or of no team)",
            Reach.EveryCourt => $"{one} of no court",
            _ => one,
        };
    }

    /// <summary>Whether the actor belongs to the court, or is bound to none (an auditor or admin of every court).</summary>
    public static bool InCourt(Actor actor, string court) => actor.Court is null || actor.Court == court;

    private static bool Reaches(Actor actor, Reach reach, AccessScope scope) => reach switch
    {
        Reach.Unbound => InCourt(actor, scope.Court),
        Reach.Court => actor.Court == scope.Court,
        Reach.Division => actor.Court == scope.Court && actor.Division is not null
            && (scope.Division is null || scope.Division == actor.Division)
            && (scope.ToDivision is null || scope.ToDivision == actor.Division),
        Reach.OwnTeam => actor.Court == scope.Court && actor.Team is not null && actor.Team == scope.Team,
        Reach.TeamOrCourt => actor.Court == scope.Court && (actor.Team is null || actor.Team == scope.Team),
        Reach.EveryCourt => actor.Court is null,
        _ => false,
    };
}

/// <summary>What an account of a role must name (<see cref="AccessRules.BindingsOf"/>).</summary>
public readonly record struct AccountBindings(bool Court, bool Team, bool Division);
