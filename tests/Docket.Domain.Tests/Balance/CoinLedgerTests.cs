using Docket.Domain.Balance;

namespace Docket.Domain.Tests.Balance;

/// <summary>
/// Linshu's coins (case 163): each round a category's multiplier is scaled by (share of filings ÷ share of teams) ^
/// sensitivity — it falls where judges crowd in, rises where they shun it.
/// </summary>
public sealed class CoinLedgerTests
{
    [Fact]
    public void Every_category_starts_at_a_multiplier_of_one()
    {
        var ledger = new CoinLedger([3, 1, 2], sensitivity: 0.5);

        Assert.Equal([1.0, 1.0, 1.0], ledger.Multipliers);
        Assert.Equal(2.5, ledger.Value(2.5, 1));
    }

    [Fact]
    public void A_crowded_categorys_multiplier_falls_and_a_shunned_ones_rises()
    {
        // Category 0: 3 of 4 teams for half the filings (crowded); category 1: 1 of 4 teams for the other half (shunned).
        var ledger = new CoinLedger([3, 1], sensitivity: 1.0);

        ledger.Rebalance([50, 50]);

        Assert.Equal(0.5 / 0.75, ledger.Multipliers[0], 12);
        Assert.Equal(0.5 / 0.25, ledger.Multipliers[1], 12);
        Assert.True(ledger.Value(1.0, 0) < 1.0);
        Assert.True(ledger.Value(1.0, 1) > 1.0);
    }

    [Fact]
    public void The_sensitivity_is_the_exponent_of_the_crowding()
    {
        var ledger = new CoinLedger([3, 1], sensitivity: 0.5);

        ledger.Rebalance([50, 50]);

        Assert.Equal(Math.Sqrt(0.5 / 0.75), ledger.Multipliers[0], 12);
        Assert.Equal(Math.Sqrt(2.0), ledger.Multipliers[1], 12);
    }

    [Fact]
    public void Sensitivity_zero_keeps_every_multiplier_at_one()
    {
        var ledger = new CoinLedger([3, 1, 1], sensitivity: 0.0);

        ledger.Rebalance([90, 5, 5]);
        ledger.Rebalance([1, 50, 0]);

        Assert.Equal([1.0, 1.0, 1.0], ledger.Multipliers);
    }

    [Fact]
    public void A_category_whose_demand_matches_its_teams_keeps_its_multiplier()
    {
        var ledger = new CoinLedger([1, 2, 1], sensitivity: 1.0);

        ledger.Rebalance([25, 50, 25]);

        Assert.Equal([1.0, 1.0, 1.0], ledger.Multipliers.Select(m => Math.Round(m, 12)));
    }

    [Fact]
    public void Rounds_compound()
    {
        var ledger = new CoinLedger([3, 1], sensitivity: 1.0);

        ledger.Rebalance([50, 50]);
        ledger.Rebalance([50, 50]);

        Assert.Equal(4.0, ledger.Multipliers[1], 12);
        Assert.Equal(12.0, ledger.Value(3.0, 1), 12);
    }

    [Fact]
    public void A_round_without_filings_and_categories_without_filings_or_teams_are_left_alone()
    {
        var ledger = new CoinLedger([2, 0, 2], sensitivity: 1.0);

        ledger.Rebalance([0, 0, 0]);
        Assert.Equal([1.0, 1.0, 1.0], ledger.Multipliers);

        // Category 1 has filings but no team; category 2 has teams but no filings.
        ledger.Rebalance([10, 10, 0]);
        Assert.Equal(1.0, ledger.Multipliers[1]);
        Assert.Equal(1.0, ledger.Multipliers[2]);
        Assert.Equal(0.5 / 0.5, ledger.Multipliers[0], 12);
    }
}
