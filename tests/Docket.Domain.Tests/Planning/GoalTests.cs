using System.Text.Json.Nodes;
using Docket.Domain.Planning;
using Docket.Domain.Statistics;

namespace Docket.Domain.Tests.Planning;

public sealed class GoalTests
{
    [Theory]
    [InlineData("mean_days_to_disposition<=30", "time_to_disposition_days.mean", "<=", 30)]
    [InlineData(" closure_rate >= 95% ", "closure_rate", ">=", 0.95)]
    [InlineData("closure_rate>0.9", "closure_rate", ">", 0.9)]
    [InlineData("time_to_disposition_days.p90<60.5", "time_to_disposition_days.p90", "<", 60.5)]
    [InlineData("pending_time_average<=1e3", "pending_time_average", "<=", 1000)]
    public void A_goal_is_a_metric_an_operator_and_a_number(string text, string path, string op, double threshold)
    {
        var goal = Goal.Parse(text);
        Assert.Equal((path, op, threshold), (goal.Path, goal.Operator, goal.Threshold));
    }

    [Fact]
    public void Short_names_read_the_summary_field_they_name()
    {
        var summary = JsonNode.Parse(SummaryJson.Serialize(new Summary
        {
            LongPending = new LongPending { Over365 = 3, Over548 = 2, Over1095 = 1 },
            TimeToDispositionDays = new DispositionTimes { Mean = 21.5, P90 = 40 },
            Cases = new CaseCounts { PendingEnd = 17 },
        }))!;
        Assert.Equal(3, SummaryMetrics.Read(summary, Goal.Parse("pending_over_365<=0").Path));
        Assert.Equal(1, SummaryMetrics.Read(summary, Goal.Parse("pending_over_1095<=0").Path));
        Assert.Equal(21.5, SummaryMetrics.Read(summary, Goal.Parse("mean_days_to_disposition<=30").Path));
        Assert.Equal(40, SummaryMetrics.Read(summary, Goal.Parse("p90_days_to_disposition<=30").Path));
        Assert.Equal(17, SummaryMetrics.Read(summary, Goal.Parse("pending_end<=30").Path));
    }

    [Fact]
    public void A_case_types_row_is_named_by_its_id()
    {
        var summary = JsonNode.Parse(SummaryJson.Serialize(new Summary
        {
            ByType = [new TypeRow { Type = "small_claims", MeanTtdDays = 6.9 }, new TypeRow { Type = "civil.commercial", MeanTtdDays = 40.9, Closed = 12 }],
        }))!;
        var goal = Goal.Parse("by_type.civil.commercial.mean_ttd_days<=45");
        Assert.Equal("civil.commercial", SummaryMetrics.TypeOf(goal.Path));
        Assert.Equal(40.9, SummaryMetrics.Read(summary, goal.Path));
        Assert.Equal(6.9, SummaryMetrics.Read(summary, Goal.Parse("by_type.small_claims.mean_ttd_days<=7").Path));
        Assert.Equal(12, SummaryMetrics.Read(summary, Goal.Parse("by_type.civil.commercial.closed>=10").Path));
        Assert.Throws<FormatException>(() => Goal.Parse("by_type.small_claims.speed<=7"));
        Assert.Throws<FormatException>(() => Goal.Parse("by_type.mean_ttd_days<=7"));
    }

    [Fact]
    public void Run_settings_lists_and_engine_figures_are_not_metrics()
    {
        Assert.Contains("closure_rate", SummaryMetrics.Paths);
        Assert.DoesNotContain(SummaryMetrics.Paths, p => p.StartsWith("engine", StringComparison.Ordinal) || p is "seed" or "days" or "replications");
        Assert.DoesNotContain(SummaryMetrics.Paths, p => p.StartsWith("monthly", StringComparison.Ordinal) || p.StartsWith("teams", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_metric_is_refused_with_the_known_ones()
    {
        var e = Assert.Throws<FormatException>(() => Goal.Parse("mean_days<=30"));
        Assert.Contains("unknown metric 'mean_days'", e.Message, StringComparison.Ordinal);
        Assert.Contains("mean_days_to_disposition", e.Message, StringComparison.Ordinal);
        Assert.Contains("clearance_ratio", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("closure_rate=0.95")]
    [InlineData("closure_rate>=")]
    [InlineData("<=30")]
    [InlineData("closure_rate >= high")]
    [InlineData("closure_rate >= 0.9 and pending_end <= 3")]
    public void A_malformed_goal_is_refused_with_the_grammar(string text)
    {
        var e = Assert.Throws<FormatException>(() => Goal.Parse(text));
        Assert.Contains("METRIC OP VALUE", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_upper_limit_is_met_only_when_the_upper_95_percent_bound_is_under_it()
    {
        // Values 24, 26, 28, 30, 32: mean 28, sd = √(40 ÷ 4) = √10 = 3.162;
        // t(0.975, 4) = 2.776; half-width 2.776 × 3.162 / √5 = 3.926. Upper bound 31.93: the mean (28) is under
        // 30 but the bound is not, so "<= 30" is not met; "<= 32" is.
        double[] values = [24, 26, 28, 30, 32];
        var check = Goal.Parse("mean_days_to_disposition<=30").Check(values);
        Assert.Equal(28, check.Interval.Mean, 9);
        Assert.Equal(28 + 3.926, check.Interval.High, 3);
        Assert.Equal(check.Interval.High, check.DecisiveBound);
        Assert.False(check.Met);
        Assert.True(Goal.Parse("mean_days_to_disposition<=32").Check(values).Met);
    }

    [Fact]
    public void A_lower_limit_is_met_only_when_the_lower_95_percent_bound_is_over_it()
    {
        double[] values = [0.94, 0.96, 0.95, 0.97, 0.93];
        var check = Goal.Parse("closure_rate>=0.94").Check(values);
        Assert.Equal(check.Interval.Low, check.DecisiveBound);
        Assert.True(check.Interval.Low < 0.94);
        Assert.False(check.Met);
        Assert.True(Goal.Parse("closure_rate>=0.92").Check(values).Met);
    }

    [Fact]
    public void A_strict_limit_on_a_count_that_is_always_zero_is_not_met_but_an_inclusive_one_is()
    {
        double[] zeros = [0, 0, 0];
        Assert.True(Goal.Parse("pending_over_365<=0").Check(zeros).Met);
        Assert.False(Goal.Parse("pending_over_365<0").Check(zeros).Met);
    }

    [Fact]
    public void One_replication_gives_no_interval()
    {
        Assert.Throws<ArgumentException>(() => Goal.Parse("closure_rate>=0.9").Check([0.95]));
    }
}
