using System.CommandLine;
using Docket.Cli.Hosting;
using Docket.Cli.Output;
using Docket.Cli.Reports;
using Docket.Cli.Running;
using Docket.Domain.Scenarios;
using Docket.Domain.Statistics;
using Spectre.Console;

namespace Docket.Cli.Commands;

internal static class SimulateCommand
{
    public static Command Create(CliOutput output)
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario file (YAML or JSON)" };
        var seed = new Option<ulong?>("--seed") { Description = "Seed (overrides the scenario's)" };
        var days = new Option<int?>("--days") { Description = "Simulated days, warm-up included (overrides the scenario's)" };
        var replications = new Option<int?>("--replications") { Description = "Independent replications (overrides the scenario's)" };
        var outDir = new Option<string?>("--out") { Description = "Directory for summary.json and report.html (default out/<scenario-name>)" };
        var json = new Option<bool>("--json") { Description = "Print summary.json to stdout instead of the table" };
        var noReport = new Option<bool>("--no-report") { Description = "Do not write report.html and its charts beside summary.json" };
        var metricsPort = new Option<int?>("--metrics-port") { Description = "Serve live metrics for Prometheus at http://127.0.0.1:PORT/metrics while the run lasts" };
        var cluster = new SimulationCluster.Options();
        var command = new Command("simulate", "Run a scenario on an in-process Orleans silo (or a cluster's silos) and write summary.json")
        {
            scenario, seed, days, replications, outDir, json, metricsPort, noReport,
        };
        cluster.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(scenario)!;
            if (parse.GetValue(metricsPort) is { } port && port is < 1 or > 65535)
            {
                throw new BadInputException($"--metrics-port must be a port number from 1 to 65535 (got {port})");
            }
            var onCluster = cluster.Read(parse);
            if (onCluster is not null && parse.GetValue(metricsPort) is not null)
            {
                throw new BadInputException("--metrics-port serves the in-process silo's metrics; with --cluster redis each silo serves its own");
            }
            ScenarioInput.RequireFile(path);
            // The silo starts on another thread while the scenario is read and checked here (on two cores the two
            // overlap); it is stopped again if the scenario or its --out is refused.
            Docket.Domain.Scenarios.Scenario? read = null;
            var starting = Task.Run(() => SimulationCluster.StartAsync(onCluster, cancellationToken, parse.GetValue(metricsPort), () => Volatile.Read(ref read)), cancellationToken);
            ScenarioFile input;
            string directory;
            try
            {
                input = ScenarioInput.Read(path, parse.GetValue(seed), parse.GetValue(days));
                Volatile.Write(ref read, input.Scenario);
                if ((parse.GetValue(replications) ?? input.Scenario.Replications) is var refused and (< 1 or > Scenario.MaxReplications))
                {
                    throw new BadInputException($"--replications must be between 1 and {Scenario.MaxReplications} (got {refused})");
                }
                directory = parse.GetValue(outDir) ?? OutputDirectory.Default("", [input.Scenario.Name]);
                OutputDirectory.Prepare(directory, ["summary.json", SimulationReport.FileName], [SimulationReport.ChartsFolder]);
            }
            catch
            {
                await EmbeddedSilo.StopQuietlyAsync(starting);
                throw;
            }
            var (text, loaded) = input;
            var reps = parse.GetValue(replications) ?? loaded.Replications;
            var asJson = parse.GetValue(json);
            if (onCluster is null)
            {
                // While the silo starts on another core, the simulator's code is compiled on this one.
                EngineWarmUp.TryRun(loaded);
            }
            var silo = await starting;
            Summary summary;
            try
            {
                silo.Offer(text, input.Parsed);
                summary = await RunAsync(new SimulationRunner(silo));
            }
            catch
            {
                await silo.DisposeAsync();
                throw;
            }
            // Nothing below needs the silo: it stops while the outputs are written (on two cores the two overlap).
            var stopping = silo.DisposeAsync();
            try
            {
                await WriteAsync(summary);
            }
            finally
            {
                await stopping;
            }
            return ExitCodes.Success;

            async Task<Summary> RunAsync(SimulationRunner runner)
            {
                if (!asJson && output.Writer == Console.Out && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive)
                {
                    return await AnsiConsole.Progress()
                        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                        .StartAsync(async context =>
                        {
                            var task = context.AddTask($"{loaded.Name}", maxValue: (double)loaded.Days * reps);
                            var started = DateTime.UtcNow;
                            return await runner.RunAsync(text, path, parse.GetValue(seed), parse.GetValue(days), reps, (r, p) =>
                            {
                                var seconds = Math.Max(1e-3, (DateTime.UtcNow - started).TotalSeconds);
                                task.Value = (r * (double)loaded.Days) + p.Day;
                                task.Description = $"{loaded.Name} r{r + 1}/{reps} day {p.Day:F0}/{p.Days} · {p.Cases / seconds:N0} cases/s";
                            }, cancellationToken);
                        });
                }
                return await runner.RunAsync(text, path, parse.GetValue(seed), parse.GetValue(days), reps, null, cancellationToken);
            }

            // summary.json is serialised and written on another thread while the report and the table are made.
            async Task WriteAsync(Summary summary)
            {
                var summaryPath = Path.Combine(directory, "summary.json");
                var writing = Task.Run(async () =>
                {
                    var json = SummaryJson.Serialize(summary);
                    await File.WriteAllTextAsync(summaryPath, json + Environment.NewLine, cancellationToken);
                    return json;
                }, cancellationToken);
                try
                {
                    var report = parse.GetValue(noReport) ? null : await SimulationReport.WriteAsync(summary, directory, cancellationToken);
                    if (asJson)
                    {
                        output.Writer.WriteLine(await writing);
                    }
                    else
                    {
                        SummaryTable.Write(output, summary, summaryPath, report);
                    }
                }
                finally
                {
                    await writing;
                }
            }
        });
        return command;
    }
}
