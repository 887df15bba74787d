using Docket.Domain.Access;

namespace Docket.Domain.Tests.Access;

public sealed class AccessRulesTests
{
    private static readonly Actor s_judge = new("j", UserRoles.Judge, "c1", "civil", "civil-1");
    private static readonly Actor s_head = new("h", UserRoles.DivisionHead, "c1", "civil", null);
    private static readonly Actor s_president = new("p", UserRoles.President, "c1", null, null);
    private static readonly Actor s_auditor = new("a", UserRoles.Auditor, null, null, null);

    [Fact]
    public void A_judge_reads_and_reports_on_their_own_teams_cases_only()
    {
        Assert.True(AccessRules.Allows(s_judge, Permission.Read, new("c1", "civil", "civil-1")));
        Assert.True(AccessRules.Allows(s_judge, Permission.Report, new("c1", "civil", "civil-1")));
        Assert.False(AccessRules.Allows(s_judge, Permission.Read, new("c1", "civil", "civil-2")));
        Assert.False(AccessRules.Allows(s_judge, Permission.Read, new("c2", "civil", "civil-1")));
        Assert.False(AccessRules.Allows(s_judge, Permission.Designate, new("c1", "civil", "civil-1")));
    }

    [Fact]
    public void A_division_head_designates_within_their_division_and_the_president_across_the_court()
    {
        Assert.True(AccessRules.Allows(s_head, Permission.Designate, new("c1", "civil", ToDivision: "civil")));
        Assert.False(AccessRules.Allows(s_head, Permission.Designate, new("c1", "civil", ToDivision: "criminal")));
        Assert.False(AccessRules.Allows(s_head, Permission.Designate, new("c1", "criminal", ToDivision: "civil")));
        Assert.True(AccessRules.Allows(s_president, Permission.Designate, new("c1", "civil", ToDivision: "criminal")));
        Assert.False(AccessRules.Allows(s_president, Permission.Designate, new("c2", "civil", ToDivision: "civil")));
    }

    [Fact]
    public void Only_the_president_extends_a_time_limit()
    {
        Assert.Equal([UserRoles.President], AccessRules.RolesWith(Permission.Extend));
        Assert.False(AccessRules.Allows(s_head, Permission.Extend, new("c1", "civil", "civil-1")));
        Assert.True(AccessRules.Allows(s_president, Permission.Extend, new("c1", "civil", "civil-1")));
    }

    [Fact]
    public void An_auditor_without_a_court_audits_every_court_but_administers_none()
    {
        Assert.True(AccessRules.Allows(s_auditor, Permission.Audit, new("c1")));
        Assert.True(AccessRules.Allows(s_auditor, Permission.Audit, new("c2")));
        Assert.False(AccessRules.Allows(s_auditor, Permission.Administer, new("c1")));
        Assert.False(AccessRules.Allows(s_auditor with { Court = "c1" }, Permission.Audit, new("c2")));
    }

    [Fact]
    public void Every_permission_is_held_by_some_role_and_every_role_holds_one()
    {
        foreach (var permission in Enum.GetValues<Permission>())
        {
            Assert.NotEmpty(AccessRules.RolesWith(permission));
        }
        foreach (var role in UserRoles.All)
        {
            Assert.Contains(Enum.GetValues<Permission>(), p => AccessRules.RoleMay(role, p));
        }
    }
}
