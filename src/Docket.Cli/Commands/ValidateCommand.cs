using System.CommandLine;
using Docket.Domain.Planning;

namespace Docket.Cli.Commands;

internal static class ValidateCommand
{
    public static Command Create(TextWriter output)
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario file (YAML or JSON)" };
        var command = new Command("validate", "Check a scenario; every error as file:line:column: message, then what it can tell before a run (warnings; exit 0)") { scenario };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(scenario)!;
            var (_, loaded) = ScenarioInput.Read(path);
            output.WriteLine($"{path}: ok ({loaded.CourtCount} court(s), {loaded.CaseTypes.Count} case type(s), {loaded.Days} days)");
            foreach (var warning in ScenarioWarnings.Of(loaded))
            {
                output.WriteLine($"{path}: warning {warning.Code}: {warning.Message}");
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
