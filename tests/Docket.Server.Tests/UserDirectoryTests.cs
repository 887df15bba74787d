using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Scenarios;
using Docket.Server.Auth;

namespace Docket.Server.Tests;

/// <summary>The configured users are checked at start against the access table: an account names what its role's permissions reach.</summary>
public sealed class UserDirectoryTests
{
    private static readonly Organization s_organization = new(ScenarioLoader.LoadFile(DocketFactory.ScenarioPath).Scenario!, DocketFactory.ScenarioPath);

    [Fact]
    public void An_account_that_names_less_than_its_role_reaches_is_refused_naming_the_field()
    {
        var e = Assert.Throws<StartupException>(() => new UserDirectory(
        [
            new UserAccount { Name = "r", Role = UserRoles.Reviewer, ApiKeys = ["k1"] },
            new UserAccount { Name = "j", Role = UserRoles.Judge, Court = DocketFactory.Court, ApiKeys = ["k2"] },
            new UserAccount { Name = "h", Role = UserRoles.DivisionHead, Court = DocketFactory.Court, ApiKeys = ["k3"] },
        ], s_organization));
        Assert.Equal(
        [
            "Docket:Auth:Users:0:Court: a reviewer belongs to a court",
            "Docket:Auth:Users:1:Team: a judge belongs to a team",
            "Docket:Auth:Users:2:Division: a division_head belongs to a division",
        ], e.Problems);
    }

    [Fact]
    public void Accounts_that_name_what_their_roles_reach_are_accepted()
    {
        var users = new UserDirectory(
        [
            new UserAccount { Name = "r", Role = UserRoles.Reviewer, Court = DocketFactory.Court, ApiKeys = ["k1"] },
            new UserAccount { Name = "c", Role = UserRoles.Clerk, Court = DocketFactory.Court, ApiKeys = ["k2"] },
            new UserAccount { Name = "a", Role = UserRoles.Auditor, ApiKeys = ["k3"] },
        ], s_organization);
        Assert.Equal(3, users.Count);
        Assert.Equal(UserRoles.Clerk, users.FindByApiKey("k2")!.Role);
    }
}
