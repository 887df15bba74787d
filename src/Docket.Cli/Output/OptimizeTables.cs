using System.Globalization;
using Docket.Cli.Commands;
using Docket.Domain.Planning;
using Spectre.Console;

namespace Docket.Cli.Output;

/// <summary><c>docket optimize</c>'s result as a table of the counts tried and a sentence with the answer.</summary>
internal static class OptimizeTables
{
    public static void Write(CliOutput output, OptimizeReport report)
    {
        var console = output.Console();
        var r = report.Result;
        console.MarkupLine($"[bold]{Markup.Escape(report.Scenario)}[/] · {Markup.Escape(report.Varied)} (the scenario has {report.Current}) · {report.Replications} replications a count, seed {report.Seed}, common random numbers · mean [[95% interval]]");
        var table = new Table().AddColumn(new TableColumn("count").RightAligned());
        foreach (var goal in report.Goals)
        {
            table.AddColumn(new TableColumn(Markup.Escape(goal)).RightAligned());
        }
        table.AddColumn("meets");
        foreach (var c in r.Evaluated)
        {
            var cells = new List<string> { c.Count.ToString(CultureInfo.InvariantCulture) };
            cells.AddRange(c.Checks.Select(g => Markup.Escape(Interval(g)) + (g.Met ? "" : " [red]✗[/]")));
            cells.Add(c.Met ? "[green]yes[/]" : "no");
            table.AddRow([.. cells]);
        }
        FittedTable.Write(console, table);
        if (r.Answer is { } answer)
        {
            console.MarkupLine(Markup.Escape($"Answer: {answer.Count} ({report.Varied}; the scenario has {report.Current}). Every goal's 95% bound meets it: {Bounds(answer)}."));
            if (r.Below is { } below)
            {
                console.MarkupLine(Markup.Escape($"One fewer, {below.Count}, does not: {Bounds(below)}."));
            }
            else
            {
                console.MarkupLine(Markup.Escape($"{answer.Count} is the search's lower bound (--min): fewer were not tried."));
            }
            if (r.NotMonotone)
            {
                console.MarkupLine(Markup.Escape("Note: the results were not monotone in the count (noise); the answer is the smallest count whose next count up also meets. More replications narrow the intervals."));
            }
        }
        console.MarkupLine(Markup.Escape($"Rule: {OptimizeJson.DecisionRule}."));
    }

    /// <summary>The plain sentence for a goal that no count within the bounds meets.</summary>
    public static string Unmet(OptimizeReport report)
    {
        var r = report.Result;
        return $"docket optimize: the goal cannot be met with {report.Varied} between {r.Min} and {r.Max} (--min, --max). "
            + $"The best found is {r.Best.Count}: {Bounds(r.Best)}.";
    }

    private static string Bounds(StaffingCandidate c) => string.Join("; ", c.Checks.Select(g =>
        $"{g.Goal.Metric} {Interval(g)}, {(g.Goal.LowerIsBetter ? "upper" : "lower")} bound {F(g, g.DecisiveBound)} {(g.Met ? "meets" : "misses")} {g.Goal.Operator} {F(g, g.Goal.Threshold)}"));

    private static string Interval(GoalCheck g) => $"{F(g, g.Interval.Mean)} [{F(g, g.Interval.Low)}, {F(g, g.Interval.High)}]";

    /// <summary>A goal's figure as a person reads it: a rate (closure rate, clearance ratio, a share, utilization, quota attainment) as a percentage.</summary>
    private static string F(GoalCheck g, double v) => Numbers.Of(v, IsRate(g.Goal.Path));

    internal static bool IsRate(string path)
    {
        var leaf = path[(path.LastIndexOf('.') + 1)..];
        return leaf.EndsWith("_rate", StringComparison.Ordinal) || leaf.EndsWith("_ratio", StringComparison.Ordinal)
            || leaf.EndsWith("_share", StringComparison.Ordinal) || leaf.Contains("utilization", StringComparison.Ordinal)
            || leaf.Contains("attainment", StringComparison.Ordinal);
    }
}
