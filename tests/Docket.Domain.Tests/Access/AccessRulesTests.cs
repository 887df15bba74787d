using Docket.Domain.Access;
using Docket.Domain.Deadlines;
using Docket.Domain.Staffing;
using Docket.Domain.Supervision;

namespace Docket.Domain.Tests.Access;

public sealed class AccessRulesTests
{
    private static readonly Actor s_judge = new("j", UserRoles.Judge, "c1", "civil", "civil-1");
    private static readonly Actor s_head = new("h", UserRoles.DivisionHead, "c1", "civil", null);
    private static readonly Actor s_president = new("p", UserRoles.President, "c1", null, null);
    private static readonly Actor s_auditor = new("a", UserRoles.Auditor, null, null, null);

    [Fact]
    public void Who_may_names_every_role_the_table_gives_a_permission_and_no_other()
    {
        foreach (var permission in Enum.GetValues<Permission>())
        {
            foreach (var who in new[] { AccessRules.Who(permission, "c1", "case c1-7"), AccessRules.Who(permission, "c1"), AccessRules.Who(permission, null) })
            {
                foreach (var role in UserRoles.All)
                {
                    var named = System.Text.RegularExpressions.Regex.IsMatch(who, $@"\b(a|an|the) {role.Replace('_', ' ')}\b");
                    Assert.True(named == AccessRules.RoleMay(role, permission), $"{permission}: \"{who}\" {(named ? "names" : "leaves out")} {role}");
                }
            }
        }
    }

    [Fact]
    public void Who_may_says_how_far_each_role_reaches()
    {
        Assert.Equal("a division head of case c1-7's division or the president of court c1", AccessRules.Who(Permission.Designate, "c1", "case c1-7"));
        Assert.Equal("a judge of case c1-7's team or a clerk of case c1-7's team (or of no team)", AccessRules.Who(Permission.Report, "c1", "case c1-7"));
        Assert.Equal("a division head of team civil-1's division, the president of court c1 or an admin", AccessRules.Who(Permission.MarkAbsent, "c1", "team civil-1"));
        Assert.Equal("a reviewer of court c1 or a division head of court c1", AccessRules.Who(Permission.ReviewQuality, "c1"));
        Assert.Equal("an admin of no court", AccessRules.Who(Permission.SeeCluster, "c1"));
        Assert.Equal("a division head or the president", AccessRules.Who(Permission.ReferForDisagreement, null));
    }

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

    [Theory]
    [InlineData(RoleCatalog.DivisionHead, true)]
    [InlineData(RoleCatalog.President, true)]
    [InlineData(RoleCatalog.VicePresident, false)]
    [InlineData(RoleCatalog.Judge, false)]
    [InlineData(RoleCatalog.Assistant, false)]
    [InlineData(RoleCatalog.Clerk, false)]
    [InlineData(RoleCatalog.Bailiff, false)]
    [InlineData(UserRoles.Admin, false)]
    [InlineData("", false)]
    public void Only_a_division_head_or_the_president_unlocks(string role, bool may) =>
        Assert.Equal(may, AccessRules.RoleMay(role, Permission.Unlock));

    [Theory]
    [InlineData(UserRoles.DivisionHead, UserRoles.DivisionHead, true)]
    [InlineData(UserRoles.DivisionHead, UserRoles.President, true)]
    [InlineData(UserRoles.President, UserRoles.President, true)]
    [InlineData(UserRoles.President, UserRoles.DivisionHead, false)]
    [InlineData(UserRoles.DivisionHead, UserRoles.Judge, false)]
    [InlineData(UserRoles.DivisionHead, UserRoles.Clerk, false)]
    [InlineData(UserRoles.DivisionHead, UserRoles.Admin, false)]
    [InlineData(RoleCatalog.VicePresident, RoleCatalog.VicePresident, false)]
    public void Only_the_named_approver_or_the_president_decides_a_conversion(string approver, string role, bool may) =>
        Assert.Equal(may, AccessRules.MayDecideConversion(role, approver));

    [Fact]
    public void Every_approver_a_scenario_may_name_decides_conversions_within_their_reach()
    {
        foreach (var approver in ProcedureConversion.Approvers)
        {
            Assert.True(AccessRules.MayDecideConversion(approver, approver));
        }
        Assert.True(AccessRules.Allows(s_head, Permission.DecideConversion, new("c1", "civil", "civil-1")));
        Assert.False(AccessRules.Allows(s_head, Permission.DecideConversion, new("c1", "criminal", "criminal-1")));
        Assert.True(AccessRules.Allows(s_president, Permission.DecideConversion, new("c1", "criminal", "criminal-1")));
    }

    [Fact]
    public void A_leader_disagreeing_with_the_panel_refers_a_case_only_as_division_head_or_president()
    {
        Assert.Equal([UserRoles.DivisionHead, UserRoles.President], AccessRules.RolesWith(Permission.ReferForDisagreement));
        Assert.True(AccessRules.RoleMay(UserRoles.Judge, Permission.ReferToMeeting));
        Assert.True(AccessRules.Allows(s_head, Permission.ReferForDisagreement, new("c1", "civil", "civil-1")));
        Assert.False(AccessRules.Allows(s_head, Permission.ReferForDisagreement, new("c1", "criminal", "criminal-1")));
        Assert.False(AccessRules.Allows(s_judge, Permission.ReferForDisagreement, new("c1", "civil", "civil-1")));

        Assert.Equal(("trigger", "only a division head or the president refers a case because they disagree with the panel"),
            MeetingReferral.RefuseReferral(null, true, MeetingTriggers.LeaderDisagrees, UserRoles.Judge));
        Assert.Null(MeetingReferral.RefuseReferral(null, true, MeetingTriggers.LeaderDisagrees, UserRoles.DivisionHead));
        Assert.Null(MeetingReferral.RefuseReferral(null, true, MeetingTriggers.LeaderDisagrees, UserRoles.President));
        Assert.Null(MeetingReferral.RefuseReferral(null, true, MeetingTriggers.PanelSplit, UserRoles.Judge));
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
    public void Only_an_admin_bound_to_no_court_sees_the_whole_cluster()
    {
        Assert.True(AccessRules.AllowsEveryCourt(new Actor("root", UserRoles.Admin, null, null, null), Permission.SeeCluster));
        // An admin of one court administers it, but the cluster shows every court.
        Assert.False(AccessRules.AllowsEveryCourt(new Actor("local", UserRoles.Admin, "xicheng", null, null), Permission.SeeCluster));
        Assert.True(AccessRules.Allows(new Actor("local", UserRoles.Admin, "xicheng", null, null), Permission.Administer, new("xicheng")));
        Assert.False(AccessRules.AllowsEveryCourt(new Actor("auditor", UserRoles.Auditor, null, null, null), Permission.SeeCluster));
        // A permission held court by court is never held over every court at once.
        Assert.False(AccessRules.AllowsEveryCourt(new Actor("root", UserRoles.Admin, null, null, null), Permission.Administer));
    }

    [Theory]
    [InlineData(UserRoles.Registrar, true, false, false)]
    [InlineData(UserRoles.Judge, true, true, false)]
    [InlineData(UserRoles.Clerk, true, false, false)]
    [InlineData(UserRoles.DivisionHead, true, false, true)]
    [InlineData(UserRoles.President, true, false, false)]
    [InlineData(UserRoles.Reviewer, true, false, false)]
    [InlineData(UserRoles.Auditor, false, false, false)]
    [InlineData(UserRoles.Admin, false, false, false)]
    public void What_an_account_must_name_follows_from_how_far_its_roles_permissions_reach(string role, bool court, bool team, bool division) =>
        Assert.Equal(new AccountBindings(court, team, division), AccessRules.BindingsOf(role));

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
