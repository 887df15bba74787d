using System.Globalization;
using System.Text.RegularExpressions;
using Docket.Domain.Statistics;

namespace Docket.Domain.Planning;

/// <summary>
/// A staffing goal over a summary.json metric: <c>METRIC OP VALUE</c> with OP one of <c>&lt;=</c>, <c>&lt;</c>,
/// <c>&gt;=</c>, <c>&gt;</c> and VALUE a number, or a percentage (<c>95%</c> = 0.95). It is met when the 95%
/// confidence bound on the wrong side meets it: for <c>&lt;=</c> and <c>&lt;</c> the interval's upper bound, for
/// <c>&gt;=</c> and <c>&gt;</c> its lower bound. So a met goal is met with 97.5% one-sided confidence, not just on
/// average.
/// </summary>
public sealed partial record Goal(string Text, string Metric, string Path, string Operator, double Threshold)
{
    /// <summary>True for <c>&lt;=</c> and <c>&lt;</c>: smaller values are better.</summary>
    public bool LowerIsBetter => Operator is "<=" or "<";

    /// <exception cref="FormatException">The text is malformed, or names no metric (the message lists the known ones).</exception>
    public static Goal Parse(string text)
    {
        var match = GoalPattern().Match(text);
        if (!match.Success)
        {
            throw new FormatException($"goal '{text}' is not METRIC OP VALUE (OP one of <=, <, >=, >; for example mean_days_to_disposition<=30, closure_rate>=95%, pending_over_365<=0)");
        }
        var metric = match.Groups["metric"].Value;
        var path = SummaryMetrics.Resolve(metric)
            ?? throw new FormatException($"goal '{text}': unknown metric '{metric}'. Known: {string.Join(", ", SummaryMetrics.Aliases.Keys)}; any of summary.json's numbers by path: {string.Join(", ", SummaryMetrics.Paths)}; and a case type's by_type.TYPE.{string.Join("|", SummaryMetrics.TypeFields)}");
        var number = double.Parse(match.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (match.Groups["percent"].Success)
        {
            number /= 100;
        }
        return new Goal(text, metric, path, match.Groups["op"].Value, number);
    }

    /// <summary>The metric's 95% interval over the replications and whether it meets the goal.</summary>
    /// <exception cref="ArgumentException">Fewer than 2 values: one replication has no interval to decide on.</exception>
    public GoalCheck Check(IReadOnlyList<double> values)
    {
        if (values.Count < 2)
        {
            throw new ArgumentException($"a confidence interval needs at least 2 replications (got {values.Count})", nameof(values));
        }
        var interval = ConfidenceInterval.Of(values);
        var bound = LowerIsBetter ? interval.High : interval.Low;
        var met = Operator switch
        {
            "<=" => bound <= Threshold,
            "<" => bound < Threshold,
            ">=" => bound >= Threshold,
            _ => bound > Threshold,
        };
        return new GoalCheck(this, interval, bound, met);
    }

    [GeneratedRegex(@"^\s*(?<metric>[A-Za-z_][^\s<>=]*)\s*(?<op><=|>=|<|>)\s*(?<value>[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?)\s*(?<percent>%)?\s*$")]
    private static partial Regex GoalPattern();
}

/// <summary>A goal checked on one candidate's replications: the interval, the bound the rule decides on, the decision.</summary>
public sealed record GoalCheck(Goal Goal, ConfidenceInterval Interval, double DecisiveBound, bool Met)
{
    /// <summary>How far the decisive bound is from the goal, relative to the goal (0 when met).</summary>
    public double RelativeGap => Met ? 0 : Math.Abs(DecisiveBound - Goal.Threshold) / (Goal.Threshold != 0 ? Math.Abs(Goal.Threshold) : 1.0);
}
