using Docket.Domain.Staffing;
using Docket.Domain.Supervision;

namespace Docket.Domain.Tests.Supervision;

/// <summary>Shangrao's risk levels (case 162): drawn major first, then larger, then ordinary; each with its supervisor.</summary>
public sealed class RiskLevelsTests
{
    // Binary fractions, so the cumulative thresholds are exact: major < 1/16, larger < 3/16, ordinary < 7/16.
    private static readonly RiskShares s_shares = new(Ordinary: 0.25, Larger: 0.125, Major: 0.0625);

    [Theory]
    [InlineData(0.0, RiskLevel.Major)]
    [InlineData(0.0624, RiskLevel.Major)]
    [InlineData(0.0625, RiskLevel.Larger)]
    [InlineData(0.1874, RiskLevel.Larger)]
    [InlineData(0.1875, RiskLevel.Ordinary)]
    [InlineData(0.4374, RiskLevel.Ordinary)]
    [InlineData(0.4375, RiskLevel.None)]
    [InlineData(0.9999, RiskLevel.None)]
    public void Draw_takes_major_then_larger_then_ordinary_from_the_bottom_of_the_unit_interval(double u, RiskLevel expected) =>
        Assert.Equal(expected, RiskLevels.Draw(s_shares, u));

    [Fact]
    public void Draw_with_no_shares_is_always_none()
    {
        Assert.Equal(RiskLevel.None, RiskLevels.Draw(RiskShares.None, 0.0));
        Assert.Equal(RiskLevel.None, RiskLevels.Draw(RiskShares.None, 0.5));
    }

    [Fact]
    public void Draw_over_a_uniform_grid_gives_each_level_its_share()
    {
        const int N = 100_000;
        var counts = Enumerable.Range(0, N).Select(i => RiskLevels.Draw(s_shares, (i + 0.5) / N)).GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(6_250, counts[RiskLevel.Major]);
        Assert.Equal(12_500, counts[RiskLevel.Larger]);
        Assert.Equal(25_000, counts[RiskLevel.Ordinary]);
        Assert.Equal(56_250, counts[RiskLevel.None]);
    }

    [Fact]
    public void Ordinary_risk_is_supervised_by_the_division_head_larger_by_a_vice_president_major_by_the_president()
    {
        Assert.Equal(RoleCatalog.DivisionHead, RiskLevels.Supervisor(RiskLevel.Ordinary));
        Assert.Equal(RoleCatalog.VicePresident, RiskLevels.Supervisor(RiskLevel.Larger));
        Assert.Equal(RoleCatalog.President, RiskLevels.Supervisor(RiskLevel.Major));
    }

    [Fact]
    public void A_case_without_risk_has_no_supervisor()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RiskLevels.Supervisor(RiskLevel.None));
    }

    [Fact]
    public void Levels_are_ordered_by_gravity()
    {
        Assert.True(RiskLevel.None < RiskLevel.Ordinary);
        Assert.True(RiskLevel.Ordinary < RiskLevel.Larger);
        Assert.True(RiskLevel.Larger < RiskLevel.Major);
    }
}
