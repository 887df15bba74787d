using System.CommandLine;

namespace Docket.Cli.Commands;

internal static class ValidateCommand
{
    public static Command Create(TextWriter output)
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario file (YAML or JSON)" };
        var command = new Command("validate", "Check a scenario; every error as file:line:column: message") { scenario };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(scenario)!;
            var (_, loaded) = ScenarioInput.Read(path);
            output.WriteLine($"{path}: ok ({loaded.CourtCount} court(s), {loaded.CaseTypes.Count} case type(s), {loaded.Days} days)");
            return ExitCodes.Success;
        });
        return command;
    }
}
