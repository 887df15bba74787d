using Docket.Domain.Audit;

namespace Docket.Domain.Tests.Audit;

public sealed class DrawSetTests
{
    [Fact]
    public void Draws_counted_as_one_set_give_the_counts_of_the_same_draws_added_one_by_one()
    {
        string[] names = ["a", "b", "c", "d"];
        var oneByOne = new ExpectedCounts(names);
        var asSets = new ExpectedCounts(names);
        var random = new Random(3);
        int[] teams = [2, 0, 3];
        double[] shares = [0.5, 0.3, 0.2];
        int[] others = [1, 2];
        double[] even = [0.5, 0.5];
        var first = asSets.Open("m1", teams, shares);
        var second = asSets.Open("m1", others, even);
        var later = asSets.Open("m2", teams, shares);
        for (var i = 0; i < 500; i++)
        {
            var chosen = random.Next(3);
            oneByOne.Add(i < 400 ? "m1" : "m2", teams, shares, chosen);
            (i < 400 ? first : later).Drawn(chosen);
            if (i % 3 == 0)
            {
                var other = random.Next(2);
                oneByOne.Add("m1", others, even, other);
                second.Drawn(other);
            }
        }

        var expected = oneByOne.Periods();
        var actual = asSets.Periods();
        Assert.Equal(expected.Select(p => (p.Period, p.Draws)), actual.Select(p => (p.Period, p.Draws)));
        for (var p = 0; p < expected.Count; p++)
        {
            Assert.Equal(expected[p].Teams.Select(t => (t.Team, t.Observed, t.Group)), actual[p].Teams.Select(t => (t.Team, t.Observed, t.Group)));
            Assert.Equal(expected[p].Teams.Select(t => t.Expected), actual[p].Teams.Select(t => t.Expected), (x, y) => Math.Abs(x - y) < 1e-9);
            Assert.Equal(expected[p].Teams.Select(t => t.Variance), actual[p].Teams.Select(t => t.Variance), (x, y) => Math.Abs(x - y) < 1e-9);
        }
        Assert.Equal(400 * 0.2, actual[0].Teams.Single(t => t.Team == "d").Expected, 9);
    }

    [Fact]
    public void Reading_the_counts_twice_adds_a_sets_draws_once()
    {
        var counts = new ExpectedCounts(["a", "b"]);
        var set = counts.Open("m", [0, 1], [0.25, 0.75]);
        for (var i = 0; i < 8; i++)
        {
            set.Drawn(i % 2);
        }
        Assert.Equal(2.0, counts.Periods().Single().Teams[0].Expected, 12);
        set.Drawn(0);
        var teams = counts.Periods().Single().Teams;
        Assert.Equal(2.25, teams[0].Expected, 12);
        Assert.Equal(5, teams[0].Observed);
        Assert.Equal(9 * 0.75 * 0.25, teams[1].Variance, 12);
    }
}
