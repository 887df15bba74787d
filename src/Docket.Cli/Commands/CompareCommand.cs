using System.CommandLine;
using System.Text.Json;
using Docket.Cli.Hosting;
using Docket.Cli.Output;
using Docket.Cli.Reports;
using Docket.Cli.Running;
using Docket.Domain.Scenarios;
using Docket.Domain.Statistics;
using Spectre.Console;

namespace Docket.Cli.Commands;

/// <summary>
/// Runs several scenarios with common random numbers (replication r of every scenario uses the same seed, and a case
/// gets the same draws wherever it goes) and prints each measure's mean with a 95% confidence interval, and each
/// scenario's paired difference from the first with its interval, marking those that leave out zero; writes
/// compare.html with the charts overlaid.
/// </summary>
internal static class CompareCommand
{
    public static Command Create(CliOutput output)
    {
        var scenarios = new Argument<string[]>("scenarios") { Description = "Two or more scenario files", Arity = ArgumentArity.ZeroOrMore };
        var replications = new Option<int>("--replications") { Description = "Replications per scenario (default 5)", DefaultValueFactory = _ => 5 };
        var seed = new Option<ulong?>("--seed") { Description = "Common seed (default: the first scenario's)" };
        var days = new Option<int?>("--days") { Description = "Simulated days for every scenario" };
        var outDir = new Option<string?>("--out") { Description = "Directory for compare.html and its charts (default out/compare-<first>-vs-<second>…)" };
        var noReport = new Option<bool>("--no-report") { Description = "Do not write compare.html and its charts" };
        var json = new Option<bool>("--json") { Description = "Print the comparison as JSON instead of the table" };
        var command = new Command("compare", "Run scenarios with common random numbers; means with 95% confidence intervals, paired differences, compare.html")
        {
            scenarios, replications, seed, days, outDir, noReport, json,
        };
        var cluster = new SimulationCluster.Options();
        cluster.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var paths = parse.GetValue(scenarios) ?? [];
            // Checked here rather than by the arity, whose message ("Required argument 'scenarios' missing") reads as if none were given.
            if (paths.Length < 2)
            {
                throw new BadInputException(paths.Length == 0
                    ? "docket compare: name two or more scenario files to compare, e.g. docket compare A.yaml B.yaml"
                    : $"docket compare: compare needs at least two scenarios, got one ('{paths[0]}'); name another to compare it with, e.g. docket compare {paths[0]} B.yaml");
            }
            var reps = parse.GetValue(replications);
            if (reps is < 1 or > Scenario.MaxReplications)
            {
                throw new BadInputException($"--replications must be between 1 and {Scenario.MaxReplications} (got {reps})");
            }
            // Every file is read before any is refused, so one run names the problems of all of them.
            var inputs = new List<(string Path, ScenarioFile Input)>();
            var refusals = new List<string>();
            foreach (var p in paths)
            {
                try
                {
                    inputs.Add((p, ScenarioInput.Read(p, parse.GetValue(seed), parse.GetValue(days))));
                }
                catch (BadInputException refused)
                {
                    refusals.AddRange(refused.Messages);
                }
            }
            if (refusals.Count > 0)
            {
                throw new BadInputException(refusals);
            }
            RequireSharedCaseTypes([.. inputs.Select(i => (i.Path, i.Input.Scenario))]);
            var commonSeed = parse.GetValue(seed) ?? inputs[0].Input.Scenario.Seed;
            var directory = parse.GetValue(outDir) ?? OutputDirectory.Default("compare-", [.. inputs.Select(i => i.Input.Scenario.Name)]);
            if (!parse.GetValue(noReport))
            {
                OutputDirectory.Prepare(directory, [ComparisonReport.FileName], [SimulationReport.ChartsFolder]);
            }
            var onCluster = cluster.Read(parse);
            await using var silo = await SimulationCluster.StartAsync(onCluster, cancellationToken);
            var runner = new SimulationRunner(silo);
            var compared = new List<ComparedScenario>();
            foreach (var (path, (text, scenario)) in inputs)
            {
                var summary = await runner.RunAsync(text, path, commonSeed, parse.GetValue(days), reps, null, cancellationToken);
                compared.Add(new ComparedScenario(scenario.Name, summary, summary.ReplicationsDetail ?? [summary]));
            }
            var comparison = Comparison.Of(reps, commonSeed, compared);
            string? report = null;
            if (!parse.GetValue(noReport))
            {
                report = await ComparisonReport.WriteAsync(comparison, directory, cancellationToken);
            }
            if (parse.GetValue(json))
            {
                output.Writer.WriteLine(Json(comparison, report));
            }
            else
            {
                Write(output, comparison, report);
            }
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// Common random numbers pair cases of the same type: a scenario that shares no case type with the first has no
    /// case to pair, and its "difference" would compare different courts' work.
    /// </summary>
    internal static void RequireSharedCaseTypes(IReadOnlyList<(string Path, Scenario Scenario)> scenarios)
    {
        var first = scenarios[0];
        var firstTypes = first.Scenario.CaseTypes.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var errors = scenarios.Skip(1)
            .Where(s => !s.Scenario.CaseTypes.Any(t => firstTypes.Contains(t.Id)))
            .Select(s => $"{s.Path}: scenario '{s.Scenario.Name}' shares no case type with '{first.Scenario.Name}' ({first.Path}): "
                + $"its types are {string.Join(", ", s.Scenario.CaseTypes.Select(t => t.Id))}; the first's are {string.Join(", ", firstTypes)}. "
                + "Scenarios can be compared only when they model some of the same cases.")
            .ToList();
        if (errors.Count > 0)
        {
            throw new BadInputException(errors);
        }
    }

    private static void Write(CliOutput output, Comparison comparison, string? report)
    {
        var names = comparison.Scenarios.Select(s => s.Name).ToList();
        var table = new Table().Title($"{comparison.Replications} replication(s), common random numbers, 95% confidence intervals").AddColumn("measure");
        foreach (var name in names)
        {
            table.AddColumn(new TableColumn(Markup.Escape(name)).RightAligned());
        }
        for (var i = 1; i < names.Count; i++)
        {
            table.AddColumn(new TableColumn($"{Markup.Escape(names[i])} − {Markup.Escape(names[0])}").RightAligned());
        }
        foreach (var measure in comparison.Measures)
        {
            var cells = new List<string> { measure.Measure };
            cells.AddRange(measure.Scenarios.Select(i => Numbers.Interval(i, measure.Rate)));
            cells.AddRange(measure.Differences.Select(d => Numbers.Difference(d, measure.Rate)));
            table.AddRow([.. cells.Select(Markup.Escape)]);
        }
        var console = output.Console();
        FittedTable.Write(console, table);
        // The notes wrap between words at the output's width, as the table does.
        string[] notes = comparison.Replications > 1
            ? ["* the 95% interval of the paired difference leaves out zero (significant at 5%); [low, high] is that interval.",
                "Rates are percentages; their ± and differences are in percentage points (pp)."]
            : ["one replication: no intervals and no test of significance (use --replications 2 or more)."];
        foreach (var note in notes)
        {
            console.MarkupLine(Markup.Escape(note));
        }
        if (report is not null)
        {
            output.Writer.WriteLine($"compare.html: {report}");
        }
    }

    private static string Json(Comparison comparison, string? report)
    {
        static object Interval(ConfidenceInterval i) => new { i.Mean, i.HalfWidth, i.Low, i.High };
        var names = comparison.Scenarios.Select(s => s.Name).ToList();
        return JsonSerializer.Serialize(new
        {
            comparison.Replications,
            comparison.Seed,
            Scenarios = names,
            Measures = comparison.Measures.Select(m => new
            {
                m.Measure,
                Scenarios = m.Scenarios.Select(Interval),
                Differences = m.Differences.Select((d, i) => new { Versus = names[0], Scenario = names[i + 1], d.Mean, d.HalfWidth, d.Low, d.High, Significant = d.ExcludesZero }),
            }),
            Report = report,
        }, SummaryJson.Options);
    }
}
