using Docket.Domain.Balance;

namespace Docket.Domain.Tests.Balance;

public sealed class GiniTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(40)]
    public void Equal_values_have_a_gini_of_zero(int n) =>
        Assert.Equal(0.0, Gini.Of(Enumerable.Repeat(17.0, n)), 12);

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(10)]
    public void One_holder_of_everything_among_n_has_a_gini_of_n_minus_one_over_n(int n)
    {
        var values = Enumerable.Repeat(0.0, n - 1).Append(250.0);

        Assert.Equal((n - 1.0) / n, Gini.Of(values), 12);
    }

    [Fact]
    public void The_order_of_the_values_does_not_matter()
    {
        double[] values = [3, 0, 10, 1, 6];

        Assert.Equal(Gini.Of(values), Gini.Of(values.Reverse()), 12);
        Assert.Equal(Gini.Of(values), Gini.Of(values.Order()), 12);
    }

    [Fact]
    public void A_textbook_distribution_has_its_known_gini()
    {
        // 1, 2, 3, 4: mean absolute difference 1.25, mean 2.5 → G = 1.25 / (2 × 2.5) = 0.25.
        Assert.Equal(0.25, Gini.Of([1, 2, 3, 4]), 12);
    }

    [Fact]
    public void Scaling_every_value_leaves_the_gini_unchanged()
    {
        double[] values = [2, 5, 9, 1];

        Assert.Equal(Gini.Of(values), Gini.Of(values.Select(v => v * 1000)), 12);
    }

    [Fact]
    public void Fewer_than_two_values_or_nothing_to_share_give_zero()
    {
        Assert.Equal(0.0, Gini.Of([]));
        Assert.Equal(0.0, Gini.Of([42]));
        Assert.Equal(0.0, Gini.Of([0, 0, 0]));
    }
}
