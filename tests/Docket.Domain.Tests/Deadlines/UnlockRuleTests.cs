using Docket.Domain.Access;
using Docket.Domain.Deadlines;
using Docket.Domain.Staffing;

namespace Docket.Domain.Tests.Deadlines;

/// <summary>Yancheng (case 157): a simulated court's division head lifts a lock, else its president; the access table lets whichever it picks.</summary>
public sealed class UnlockRuleTests
{
    [Fact]
    public void The_division_head_unlocks_when_the_court_has_one()
    {
        Assert.Equal(RoleCatalog.DivisionHead, UnlockRule.Unlocker([RoleCatalog.DivisionHead, RoleCatalog.VicePresident, RoleCatalog.President]));
        Assert.Equal(RoleCatalog.DivisionHead, UnlockRule.Unlocker([RoleCatalog.President, RoleCatalog.DivisionHead]));
        Assert.Equal(RoleCatalog.DivisionHead, UnlockRule.Unlocker([RoleCatalog.DivisionHead]));
    }

    [Fact]
    public void The_president_unlocks_when_the_court_has_no_division_head()
    {
        Assert.Equal(RoleCatalog.President, UnlockRule.Unlocker([RoleCatalog.VicePresident, RoleCatalog.President]));
        Assert.Equal(RoleCatalog.President, UnlockRule.Unlocker([RoleCatalog.President]));
    }

    [Fact]
    public void Nobody_unlocks_in_a_court_with_only_a_vice_president_or_no_supervisor()
    {
        Assert.Null(UnlockRule.Unlocker([RoleCatalog.VicePresident]));
        Assert.Null(UnlockRule.Unlocker([RoleCatalog.Judge, RoleCatalog.Clerk]));
        Assert.Null(UnlockRule.Unlocker([]));
    }

    [Fact]
    public void Whoever_the_rule_picks_is_allowed_to_unlock()
    {
        string[] roles = [RoleCatalog.DivisionHead, RoleCatalog.VicePresident, RoleCatalog.President];
        for (var mask = 1; mask < 8; mask++)
        {
            var present = roles.Where((_, i) => (mask >> i & 1) == 1).ToList();
            if (UnlockRule.Unlocker(present) is { } unlocker)
            {
                Assert.True(AccessRules.RoleMay(unlocker, Permission.Unlock));
                Assert.Contains(unlocker, present);
            }
        }
    }
}
