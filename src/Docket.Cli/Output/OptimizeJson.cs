using Docket.Cli.Commands;
using Docket.Domain.Planning;

namespace Docket.Cli.Output;

/// <summary>The JSON form of <c>docket optimize</c>'s result (documented in docs/planning.md).</summary>
internal sealed record OptimizeJson(
    string Scenario,
    string Varied,
    int Current,
    ulong Seed,
    int Replications,
    IReadOnlyList<string> Goals,
    string Rule,
    int Min,
    int Max,
    bool Found,
    int? Answer,
    bool NotMonotone,
    OptimizeJson.Candidate? AtAnswer,
    OptimizeJson.Candidate? BelowAnswer,
    OptimizeJson.Candidate Best,
    IReadOnlyList<OptimizeJson.Candidate> Candidates)
{
    public const string DecisionRule = "a goal is met when the 95% confidence interval's bound on the wrong side meets it: the upper bound for <= and <, the lower bound for >= and >";

    public static OptimizeJson From(OptimizeReport report)
    {
        var r = report.Result;
        return new OptimizeJson(report.Scenario, report.Varied, report.Current, report.Seed, report.Replications, report.Goals,
            DecisionRule, r.Min, r.Max, r.Found, r.Answer?.Count, r.NotMonotone, Of(r.Answer), Of(r.Below), Of(r.Best)!,
            [.. r.Evaluated.Select(c => Of(c)!)]);
    }

    private static Candidate? Of(StaffingCandidate? c) => c is null ? null
        : new Candidate(c.Count, c.Met, [.. c.Checks.Select(g => new Check(g.Goal.Text, g.Goal.Path, g.Interval.Mean, g.Interval.Low, g.Interval.High, g.DecisiveBound, g.Met))]);

    public sealed record Candidate(int Count, bool Met, IReadOnlyList<Check> Goals);

    public sealed record Check(string Goal, string Metric, double Mean, double Lower, double Upper, double DecisiveBound, bool Met);
}
