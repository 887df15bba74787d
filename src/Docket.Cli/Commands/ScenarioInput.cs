using Docket.Domain.Scenarios;

namespace Docket.Cli.Commands;

/// <summary>Reads and checks a scenario file named on the command line.</summary>
internal static class ScenarioInput
{
    public static (string Text, Scenario Scenario) Read(string path, ulong? seed = null, int? days = null)
    {
        if (!File.Exists(path))
        {
            throw new BadInputException($"{path}: no such scenario file");
        }
        var text = File.ReadAllText(path);
        var result = ScenarioLoader.Load(text, path);
        if (result.Scenario is null)
        {
            throw new BadInputException([.. result.Errors.Select(e => e.ToString())]);
        }
        try
        {
            return (text, ScenarioOverrides.Apply(result.Scenario, seed, days));
        }
        catch (ArgumentException e)
        {
            throw new BadInputException(e.Message);
        }
    }
}
