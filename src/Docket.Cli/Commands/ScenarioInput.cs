using Docket.Domain.Scenarios;

namespace Docket.Cli.Commands;

/// <summary>Reads and checks a scenario file named on the command line.</summary>
internal static class ScenarioInput
{
    /// <summary>Refuses a path that names no file (before a command starts anything on its behalf).</summary>
    public static void RequireFile(string path) => InputFile.Require(path, "scenario");

    public static ScenarioFile Read(string path, ulong? seed = null, int? days = null)
    {
        RequireFile(path);
        var (text, notText) = ScenarioLoader.Decode(File.ReadAllBytes(path), path);
        if (text is null)
        {
            throw new BadInputException(notText!.ToString());
        }
        var result = ScenarioLoader.Load(text, path);
        if (result.Scenario is null)
        {
            throw new BadInputException([.. result.Errors.Select(e => e.ToString())]);
        }
        try
        {
            return new ScenarioFile(text, ScenarioOverrides.Apply(result.Scenario, seed, days), result.Scenario);
        }
        catch (ArgumentException e)
        {
            // Named with its file: compare reads several, and an override can fit one and not another.
            throw new BadInputException($"{path}: {e.Message}");
        }
    }
}

/// <summary>A scenario file's text, its scenario with the command line's overrides, and as parsed (without them).</summary>
internal sealed record ScenarioFile(string Text, Scenario Scenario, Scenario Parsed)
{
    public void Deconstruct(out string text, out Scenario scenario)
    {
        text = Text;
        scenario = Scenario;
    }
}
