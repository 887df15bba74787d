using System.CommandLine;
using System.Globalization;
using Docket.Cli.Hosting;
using Docket.Cli.Running;
using Docket.Domain.Statistics;
using MathNet.Numerics.Distributions;
using Spectre.Console;

namespace Docket.Cli.Commands;

/// <summary>
/// Runs several scenarios with common random numbers (replication r of every scenario uses the same seed, and a case
/// gets the same draws wherever it goes) and prints each measure's mean with a 95% confidence interval, and each
/// scenario's paired difference from the first.
/// </summary>
internal static class CompareCommand
{
    private static readonly (string Name, Func<Summary, double> Read)[] s_measures =
    [
        ("closure rate", s => s.ClosureRate),
        ("clearance ratio", s => s.ClearanceRatio),
        ("mean days to disposition", s => s.TimeToDispositionDays.Mean),
        ("p90 days to disposition", s => s.TimeToDispositionDays.P90),
        ("pending, time average", s => s.PendingTimeAverage),
        ("pending at end", s => s.Cases.PendingEnd),
        ("pending over 1 year", s => s.LongPending.Over365),
        ("closed", s => s.Cases.Closed),
        ("mean judge utilization", s => s.Teams.Count == 0 ? 0 : s.Teams.Average(t => t.Utilization)),
    ];

    public static Command Create(TextWriter output)
    {
        var scenarios = new Argument<string[]>("scenarios") { Description = "Two or more scenario files", Arity = new ArgumentArity(2, 100) };
        var replications = new Option<int>("--replications") { Description = "Replications per scenario (default 5)", DefaultValueFactory = _ => 5 };
        var seed = new Option<ulong?>("--seed") { Description = "Common seed (default: the first scenario's)" };
        var days = new Option<int?>("--days") { Description = "Simulated days for every scenario" };
        var command = new Command("compare", "Run scenarios with common random numbers; means with 95% confidence intervals")
        {
            scenarios, replications, seed, days,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var paths = parse.GetValue(scenarios)!;
            var reps = parse.GetValue(replications);
            if (reps < 1)
            {
                throw new BadInputException($"--replications must be at least 1 (got {reps})");
            }
            var inputs = paths.Select(p => (Path: p, Input: ScenarioInput.Read(p, parse.GetValue(seed), parse.GetValue(days)))).ToList();
            var commonSeed = parse.GetValue(seed) ?? inputs[0].Input.Scenario.Seed;
            await using var silo = await EmbeddedSilo.StartAsync(cancellationToken);
            var runner = new SimulationRunner(silo.Grains);
            var results = new List<IReadOnlyList<Summary>>();
            foreach (var (path, (text, _)) in inputs)
            {
                var summary = await runner.RunAsync(text, path, commonSeed, parse.GetValue(days), reps, null, cancellationToken);
                results.Add(summary.ReplicationsDetail ?? [summary]);
            }
            Write(output, inputs.Select(i => i.Input.Scenario.Name).ToList(), results, reps);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Write(TextWriter output, IReadOnlyList<string> names, IReadOnlyList<IReadOnlyList<Summary>> results, int reps)
    {
        var table = new Table().Title($"{reps} replication(s), common random numbers, 95% confidence intervals").AddColumn("measure");
        foreach (var name in names)
        {
            table.AddColumn(new TableColumn(Markup.Escape(name)).RightAligned());
        }
        for (var i = 1; i < names.Count; i++)
        {
            table.AddColumn(new TableColumn($"{Markup.Escape(names[i])} − {Markup.Escape(names[0])}").RightAligned());
        }
        foreach (var (measure, read) in s_measures)
        {
            var cells = new List<string> { measure };
            var values = results.Select(r => r.Select(read).ToArray()).ToList();
            cells.AddRange(values.Select(Interval));
            for (var i = 1; i < values.Count; i++)
            {
                cells.Add(Interval([.. values[i].Zip(values[0], (a, b) => a - b)]));
            }
            table.AddRow([.. cells.Select(Markup.Escape)]);
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        if (output != Console.Out || Console.IsOutputRedirected)
        {
            // Not a terminal: no width to fit, and a table wrapped at 80 columns is hard to read or grep.
            console.Profile.Width = 200;
        }
        console.Write(table);
    }

    /// <summary>Mean ± half-width of the 95% t interval.</summary>
    internal static string Interval(double[] values)
    {
        var mean = values.Average();
        if (values.Length < 2)
        {
            return mean.ToString("G4", CultureInfo.InvariantCulture);
        }
        var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
        var half = StudentT.InvCDF(0, 1, values.Length - 1, 0.975) * sd / Math.Sqrt(values.Length);
        return $"{mean.ToString("G4", CultureInfo.InvariantCulture)} ± {half.ToString("G3", CultureInfo.InvariantCulture)}";
    }
}
