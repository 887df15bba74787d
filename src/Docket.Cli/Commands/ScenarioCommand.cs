using System.CommandLine;
using System.Globalization;
using Docket.Domain.Planning;

namespace Docket.Cli.Commands;

/// <summary>`docket scenario national`: writes a national court system as a scenario (<see cref="NationalScenario"/>).</summary>
internal static class ScenarioCommand
{
    public static Command Create(TextWriter output)
    {
        var defaults = new NationalParameters();
        var courts = new Option<int>("--courts") { Description = "Courts in all three levels", DefaultValueFactory = _ => defaults.Courts };
        var high = new Option<int>("--high-courts") { Description = "High courts", DefaultValueFactory = _ => defaults.HighCourts };
        var intermediate = new Option<int>("--intermediate-courts") { Description = "Intermediate courts (the rest are basic courts)", DefaultValueFactory = _ => defaults.IntermediateCourts };
        var judges = new Option<int>("--judges") { Description = "Quota judges (one per team)", DefaultValueFactory = _ => defaults.Judges };
        var cases = new Option<long>("--cases") { Description = "Cases filed a year, appeals included", DefaultValueFactory = _ => defaults.Cases };
        var seed = new Option<ulong>("--seed") { Description = "The scenario's seed", DefaultValueFactory = _ => defaults.Seed };
        var warmup = new Option<int>("--warmup-days") { Description = "Days run after the backlog, before the measured year", DefaultValueFactory = _ => defaults.WarmupDays };
        var file = new Option<string?>("--out") { Description = "Write the scenario to this file (default: standard output)" };
        var national = new Command("national", "Write a national court system (three levels, appeals between them) sized to the given totals")
        {
            courts, high, intermediate, judges, cases, seed, warmup, file,
        };
        national.SetAction(parse =>
        {
            var parameters = new NationalParameters
            {
                Courts = parse.GetValue(courts),
                HighCourts = parse.GetValue(high),
                IntermediateCourts = parse.GetValue(intermediate),
                Judges = parse.GetValue(judges),
                Cases = parse.GetValue(cases),
                Seed = parse.GetValue(seed),
                WarmupDays = parse.GetValue(warmup),
            };
            var problems = parameters.Problems().ToArray();
            if (problems.Length > 0)
            {
                throw new BadInputException(problems);
            }
            if (parse.GetValue(file) is { } target)
            {
                OutputDirectory.PrepareFile(target);
            }
            var inv = CultureInfo.InvariantCulture;
            var command = string.Create(inv, $"docket scenario national --courts {parameters.Courts} --high-courts {parameters.HighCourts} --intermediate-courts {parameters.IntermediateCourts} --judges {parameters.Judges} --cases {parameters.Cases} --seed {parameters.Seed} --warmup-days {parameters.WarmupDays}");
            var text = NationalScenario.Write(parameters, command);
            if (parse.GetValue(file) is { } path)
            {
                File.WriteAllText(path, text);
                output.WriteLine($"{path}: written ({command})");
            }
            else
            {
                output.Write(text);
            }
            return ExitCodes.Success;
        });
        return new Command("scenario", "Write scenarios sized to a court system") { national };
    }
}
