using Docket.Domain.Deadlines;
using Docket.Domain.Staffing;

namespace Docket.Domain.Tests.Deadlines;

/// <summary>Yancheng (case 157): only a division head or the president lifts a lock; the division head first.</summary>
public sealed class UnlockRuleTests
{
    [Theory]
    [InlineData(RoleCatalog.DivisionHead, true)]
    [InlineData(RoleCatalog.President, true)]
    [InlineData(RoleCatalog.VicePresident, false)]
    [InlineData(RoleCatalog.Judge, false)]
    [InlineData(RoleCatalog.Assistant, false)]
    [InlineData(RoleCatalog.Clerk, false)]
    [InlineData(RoleCatalog.Bailiff, false)]
    [InlineData("", false)]
    public void Only_a_division_head_or_the_president_can_unlock(string role, bool can) =>
        Assert.Equal(can, UnlockRule.CanUnlock(role));

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
                Assert.True(UnlockRule.CanUnlock(unlocker));
                Assert.Contains(unlocker, present);
            }
        }
    }
}
