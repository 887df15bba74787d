using System.CommandLine;
using System.Text.Json.Nodes;
using Docket.Cli.Hosting;
using Docket.Cli.Output;
using Docket.Cli.Running;
using Docket.Domain.Planning;
using Docket.Domain.Scenarios;
using Docket.Domain.Statistics;

namespace Docket.Cli.Commands;

/// <summary>
/// <c>docket optimize SCENARIO --goal … (--group ID | --pool ID)</c>: the smallest number of teams of a group (or of
/// members of a pool) meeting every goal, by simulation with replications and common random numbers, searched by
/// bisection with the neighbours checked (see <see cref="StaffingSearch"/>); each goal decided on its 95% bound
/// (see <see cref="Goal"/>).
/// </summary>
internal static class OptimizeCommand
{
    public static Command Create(CliOutput output)
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario file (YAML or JSON)" };
        var goals = new Option<string[]>("--goal")
        {
            Description = "METRIC OP VALUE over summary.json, e.g. mean_days_to_disposition<=30, closure_rate>=0.95, pending_over_365<=0; repeat for several (all must hold)",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var group = new Option<string?>("--group") { Description = "Vary the number of teams of this team group" };
        var pool = new Option<string?>("--pool") { Description = "Vary the members of this shared pool" };
        var role = new Option<string?>("--role") { Description = "The pool role to vary (default: the pool's only role)" };
        var court = new Option<string?>("--court") { Description = "The court holding the group or pool (when several courts have it)" };
        var min = new Option<int?>("--min") { Description = "Smallest count to try (default 1)" };
        var max = new Option<int?>("--max") { Description = "Largest count to try (default: twice the scenario's count, at least the count + 10)" };
        var replications = new Option<int>("--replications") { Description = "Replications per count (default 5, at least 2)", DefaultValueFactory = _ => 5 };
        var seed = new Option<ulong?>("--seed") { Description = "Seed common to every count (default: the scenario's)" };
        var days = new Option<int?>("--days") { Description = "Simulated days (overrides the scenario's)" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON instead of tables" };
        var command = new Command("optimize", "Find the smallest team count (or pool size) that meets a goal, by simulation with replications")
        {
            scenario, goals, group, pool, role, court, min, max, replications, seed, days, json,
        };
        var cluster = new SimulationCluster.Options();
        cluster.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(scenario)!;
            var parsedGoals = ParseGoals(parse.GetValue(goals) ?? []);
            var reps = parse.GetValue(replications);
            if (reps is < 2 or > Scenario.MaxReplications)
            {
                throw new BadInputException($"--replications must be between 2 (for a confidence interval) and {Scenario.MaxReplications} (got {reps})");
            }
            var (text, loaded) = ScenarioInput.Read(path, parse.GetValue(seed), parse.GetValue(days));
            foreach (var goal in parsedGoals)
            {
                if (SummaryMetrics.TypeOf(goal.Path) is { } type && loaded.TypeIndex(type) < 0)
                {
                    throw new BadInputException($"--goal: goal '{goal.Text}': the scenario has no case type '{type}' (it has: {string.Join(", ", loaded.CaseTypes.Select(t => t.Id))})");
                }
            }
            var lever = Lever(text, loaded, parse.GetValue(group), parse.GetValue(pool), parse.GetValue(role), parse.GetValue(court));
            var low = parse.GetValue(min) ?? 1;
            var high = parse.GetValue(max) ?? Math.Max(2 * lever.Current, lever.Current + 10);
            if (low < 1)
            {
                throw new BadInputException($"--min must be at least 1 (got {low})");
            }
            if (high < low)
            {
                throw new BadInputException($"--max {high} is below --min {low}");
            }

            var onCluster = cluster.Read(parse);
            await using var silo = await SimulationCluster.StartAsync(onCluster, cancellationToken);
            var runner = new SimulationRunner(silo);
            var commonSeed = loaded.Seed;
            async Task<StaffingCandidate> Evaluate(int count, CancellationToken token)
            {
                var variant = lever.WithCount(count);
                var source = $"{path} ({lever.Description} = {count})";
                var check = ScenarioLoader.Load(variant, source);
                if (check.Scenario is null)
                {
                    throw new BadInputException([$"{path}: {lever.Description} cannot be {count} in this scenario:", .. check.Errors.Select(e => "  " + e.Message)]);
                }
                var summary = await runner.RunAsync(variant, source, commonSeed, parse.GetValue(days), reps, null, token);
                var runs = (summary.ReplicationsDetail ?? [summary]).Select(r => JsonNode.Parse(SummaryJson.Serialize(r))!).ToList();
                return new StaffingCandidate(count, [.. parsedGoals.Select(g => g.Check([.. runs.Select(r => SummaryMetrics.Read(r, g.Path))]))]);
            }

            var result = await StaffingSearch.FindSmallestAsync(low, high, Evaluate, cancellationToken);
            var report = new OptimizeReport(loaded.Name, lever.Description, lever.Current, commonSeed, reps, parsedGoals.Select(g => g.Text).ToList(), result);
            if (parse.GetValue(json))
            {
                output.Writer.WriteLine(PlanningJson.Serialize(OptimizeJson.From(report)));
            }
            else
            {
                OptimizeTables.Write(output, report);
            }
            if (!result.Found)
            {
                throw new BadInputException(OptimizeTables.Unmet(report));
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static List<Goal> ParseGoals(string[] texts)
    {
        var errors = new List<string>();
        var goals = new List<Goal>();
        foreach (var text in texts)
        {
            try
            {
                goals.Add(Goal.Parse(text));
            }
            catch (FormatException e)
            {
                errors.Add($"--goal: {e.Message}");
            }
        }
        if (errors.Count > 0)
        {
            throw new BadInputException(errors);
        }
        return goals;
    }

    private static StaffingLever Lever(string text, Scenario scenario, string? group, string? pool, string? role, string? court)
    {
        if ((group is null) == (pool is null))
        {
            throw new BadInputException("say what to vary: --group ID (teams of a team group) or --pool ID (members of a shared pool), one of them");
        }
        if (role is not null && pool is null)
        {
            throw new BadInputException("--role applies to --pool only");
        }
        try
        {
            return group is not null
                ? StaffingLever.TeamGroup(text, scenario, group, court)
                : StaffingLever.PoolMembers(text, scenario, pool!, role, court);
        }
        catch (ArgumentException e)
        {
            // Named by the option that chose the lever: --group, or --pool (with --role).
            throw new BadInputException($"{(group is not null ? $"--group {group}" : $"--pool {pool}")}: {e.Message}");
        }
    }
}
