using Docket.Cli.Commands;
using Docket.Domain.Planning;

namespace Docket.Cli.Output;

/// <summary>The JSON form of <c>docket optimize</c>'s result (documented in docs/planning.md).</summary>
internal sealed record OptimizeJson
{
    public required string Scenario { get; init; }

    public required string Varied { get; init; }

    public required int Current { get; init; }

    public required ulong Seed { get; init; }

    public required int Replications { get; init; }

    public required IReadOnlyList<string> Goals { get; init; }

    public required string Rule { get; init; }

    public required int Min { get; init; }

    public required int Max { get; init; }

    public required bool Found { get; init; }

    public required int? Answer { get; init; }

    public required bool NotMonotone { get; init; }

    public required Candidate? AtAnswer { get; init; }

    public required Candidate? BelowAnswer { get; init; }

    public required Candidate Best { get; init; }

    public required IReadOnlyList<Candidate> Candidates { get; init; }

    public const string DecisionRule = "a goal is met when the 95% confidence interval's bound on the wrong side meets it: the upper bound for <= and <, the lower bound for >= and >";

    public static OptimizeJson From(OptimizeReport report)
    {
        var r = report.Result;
        return new OptimizeJson
        {
            Scenario = report.Scenario,
            Varied = report.Varied,
            Current = report.Current,
            Seed = report.Seed,
            Replications = report.Replications,
            Goals = report.Goals,
            Rule = DecisionRule,
            Min = r.Min,
            Max = r.Max,
            Found = r.Found,
            Answer = r.Answer?.Count,
            NotMonotone = r.NotMonotone,
            AtAnswer = Of(r.Answer),
            BelowAnswer = Of(r.Below),
            Best = Of(r.Best)!,
            Candidates = [.. r.Evaluated.Select(c => Of(c)!)],
        };
    }

    private static Candidate? Of(StaffingCandidate? c) => c is null ? null
        : new Candidate(c.Count, c.Met, [.. c.Checks.Select(g => new Check(g.Goal.Text, g.Goal.Path, g.Interval.Mean, g.Interval.Low, g.Interval.High, g.DecisiveBound, g.Met))]);

    public sealed record Candidate(int Count, bool Met, IReadOnlyList<Check> Goals);

    public sealed record Check(string Goal, string Metric, double Mean, double Lower, double Upper, double DecisiveBound, bool Met);
}
