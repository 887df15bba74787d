using Docket.Domain.Assignment;

namespace Docket.Domain.Tests.Assignment;

public sealed class JudgeInChargeTests
{
    [Fact]
    public void The_judge_with_the_fewest_open_cases_is_put_in_charge_ties_to_the_lowest_number()
    {
        var judges = new JudgeInCharge([3]);

        Assert.Equal([0, 1, 2, 0, 1, 2], Enumerable.Range(0, 6).Select(_ => judges.Assign(0)));
        judges.Close(0, 1);
        judges.Close(0, 2);
        Assert.Equal(1, judges.Next(0));
        Assert.Equal(1, judges.Assign(0));
        Assert.Equal(2, judges.Assign(0));
        Assert.Equal(0, judges.Assign(0));
        Assert.Equal([3, 2, 2], Enumerable.Range(0, 3).Select(j => judges.OpenCases(0, j)));
    }

    [Fact]
    public void Next_changes_nothing_and_teams_keep_their_own_counts()
    {
        var judges = new JudgeInCharge([2, 1, 0]);

        Assert.Equal(0, judges.Next(0));
        Assert.Equal(0, judges.Next(0));
        judges.Open(0, 0);
        Assert.Equal(1, judges.Next(0));
        Assert.Equal(0, judges.Assign(1));
        Assert.Equal(0, judges.Assign(1));
        // A team listed without a judge still has one who hears its cases.
        Assert.Equal(1, judges.JudgeCount(2));
        Assert.Equal(2, judges.OpenCases(1, 0));
    }

    [Fact]
    public void A_judge_without_open_cases_cannot_close_one_and_no_team_has_a_judge_it_lacks()
    {
        var judges = new JudgeInCharge([2]);

        Assert.Throws<InvalidOperationException>(() => judges.Close(0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => judges.Open(0, 2));
    }

    [Theory]
    [InlineData("t-1/judge-1", 0)]
    [InlineData("t-1/judge-2", 1)]
    [InlineData("t-1/judge-3", -1)]
    [InlineData("t-1/judge-01", -1)]
    [InlineData("t-2/judge-1", -1)]
    [InlineData(null, -1)]
    public void The_live_services_judge_names_are_read_back_to_numbers(string? name, int expected)
    {
        var judges = new JudgeInCharge([2]);

        Assert.Equal(expected, judges.NumberOf(0, "t-1", name));
        if (expected >= 0)
        {
            Assert.Equal(name, JudgeInCharge.Name("t-1", expected));
        }
    }
}
