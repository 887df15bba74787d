using Docket.Domain.Staffing;

namespace Docket.Domain.Tests.Staffing;

public sealed class RoleCatalogTests
{
    /// <summary>Case 155 (Fengtai): judge 1, assistant 0.6, division head 0.5, general contract staff 0.4, fast-track contract staff 0.2, mediator and outsourced 0.1.</summary>
    [Theory]
    [InlineData(RoleCatalog.Judge, 1.0)]
    [InlineData(RoleCatalog.Assistant, 0.6)]
    [InlineData(RoleCatalog.DivisionHead, 0.5)]
    [InlineData(RoleCatalog.ContractStaff, 0.4)]
    [InlineData(RoleCatalog.FastTrackContractStaff, 0.2)]
    [InlineData(RoleCatalog.Mediator, 0.1)]
    [InlineData(RoleCatalog.Outsourced, 0.1)]
    public void Default_coefficients_are_case_155s(string role, double coefficient)
    {
        Assert.Equal(coefficient, RoleCatalog.Default.Coefficient(role));
        Assert.Equal(coefficient, RoleCatalog.DefaultCoefficients[role]);
    }

    [Theory]
    [InlineData(RoleCatalog.Clerk, 0.4)]
    [InlineData(RoleCatalog.Bailiff, 0.4)]
    [InlineData(RoleCatalog.President, 1.0)]
    [InlineData(RoleCatalog.VicePresident, 1.0)]
    public void Clerks_and_bailiffs_count_as_general_contract_staff_and_presidents_as_judges(string role, double coefficient)
    {
        Assert.Equal(coefficient, RoleCatalog.Default.Coefficient(role));
    }

    [Fact]
    public void A_team_coefficient_is_the_sum_of_its_members_coefficients()
    {
        var catalog = RoleCatalog.Default;

        // Xicheng fast track 1 + 2 + 1: 1 + 2 × 0.6 + 0.4.
        Assert.Equal(2.6, catalog.TeamCoefficient(TeamTemplates.All["1+2+1"]), 12);
        // Xicheng specialized 1 + 1: 1.6.
        Assert.Equal(1.6, catalog.TeamCoefficient(TeamTemplates.All["1+1"]), 12);
        // Yinzhou leadership 1+1+1+1: division head 0.5 + judge 1 + assistant 0.6 + clerk 0.4.
        Assert.Equal(2.5, catalog.TeamCoefficient(TeamTemplates.All["1+1+1+1"]), 12);
        // A pre-litigation workshop: 1 judge and 6 mediators.
        Assert.Equal(1.6, catalog.TeamCoefficient(new Dictionary<string, int> { [RoleCatalog.Judge] = 1, [RoleCatalog.Mediator] = 6 }), 12);
        Assert.Equal(0.0, catalog.TeamCoefficient(new Dictionary<string, int>()));
    }

    [Fact]
    public void Overridden_coefficients_replace_the_defaults_and_new_roles_can_be_added()
    {
        var catalog = new RoleCatalog(new Dictionary<string, double> { [RoleCatalog.Assistant] = 0.7, ["interpreter"] = 0.3 });

        Assert.Equal(0.7, catalog.Coefficient(RoleCatalog.Assistant));
        Assert.Equal(0.3, catalog.Coefficient("interpreter"));
        Assert.True(catalog.IsKnown("interpreter"));
        Assert.Equal(1.0, catalog.Coefficient(RoleCatalog.Judge));
        Assert.Equal(2.0, catalog.TeamCoefficient(new Dictionary<string, int> { [RoleCatalog.Judge] = 1, [RoleCatalog.Assistant] = 1, ["interpreter"] = 1 }), 12);
        // The defaults themselves are untouched.
        Assert.Equal(0.6, RoleCatalog.Default.Coefficient(RoleCatalog.Assistant));
    }

    [Fact]
    public void An_unknown_role_counts_zero()
    {
        Assert.False(RoleCatalog.Default.IsKnown("janitor"));
        Assert.Equal(0.0, RoleCatalog.Default.Coefficient("janitor"));
    }

    [Theory]
    [InlineData(RoleCatalog.Judge, true, false)]
    [InlineData(RoleCatalog.President, true, true)]
    [InlineData(RoleCatalog.VicePresident, true, true)]
    [InlineData(RoleCatalog.DivisionHead, true, true)]
    [InlineData(RoleCatalog.Assistant, false, false)]
    [InlineData(RoleCatalog.Clerk, false, false)]
    [InlineData(RoleCatalog.Mediator, false, false)]
    public void Judges_and_court_leaders_hear_cases_and_leaders_are_presidents_and_division_heads(string role, bool hears, bool leads)
    {
        Assert.Equal(hears, RoleCatalog.HearsCases(role));
        Assert.Equal(leads, RoleCatalog.IsLeader(role));
    }

    [Theory]
    [InlineData("1+2+1", 1, 2, 1)]
    [InlineData("1+1", 1, 1, 0)]
    [InlineData("1+1-clerk", 1, 0, 1)]
    [InlineData("1+1+1", 1, 1, 1)]
    [InlineData("1+2+2", 1, 2, 2)]
    [InlineData("1+1+2", 2, 0, 2)]
    [InlineData("core", 1, 1, 0)]
    public void Team_templates_hold_the_domains_layouts(string template, int judges, int assistants, int clerks)
    {
        var members = TeamTemplates.All[template];

        Assert.Equal(judges, members.GetValueOrDefault(RoleCatalog.Judge));
        Assert.Equal(assistants, members.GetValueOrDefault(RoleCatalog.Assistant));
        Assert.Equal(clerks, members.GetValueOrDefault(RoleCatalog.Clerk));
        Assert.Contains(members.Keys, RoleCatalog.HearsCases);
    }
}
