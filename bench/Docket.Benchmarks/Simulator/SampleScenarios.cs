using Docket.Benchmarks.Infrastructure;
using Docket.Domain.Scenarios;
using Docket.Domain.Simulation;

namespace Docket.Benchmarks.Simulator;

/// <summary>
/// The sample scenarios of scenarios/*.yaml (repository root found by walking up to Actors.sln). The expected ones
/// that are missing, and any that do not load, are skipped with a message on the console rather than failing the run.
/// </summary>
public static class SampleScenarios
{
    public const string Province = "province";

    /// <summary>The national year: a minute and 4 GiB a run, measured end to end with <c>docket simulate</c> (bench/README.md).</summary>
    public const string National = "national";

    /// <summary>The samples the simulator issue asks for, in the order they are reported.</summary>
    public static IReadOnlyList<string> Expected { get; } =
        ["minimal", "xicheng-1-1-1", "xicheng-pooled", "yinzhou-diversion", "linshu-pull", "fengtai-quotas", Province];

    private static readonly Lazy<IReadOnlyList<string>> Loadable = new(FindLoadable);

    /// <summary>Names of the samples present and valid: the expected ones first, then any other file in scenarios/.</summary>
    public static IReadOnlyList<string> Available => Loadable.Value;

    public static string PathOf(string name) => Path.Combine(RepoPaths.Scenarios, name + ".yaml");

    public static Scenario Load(string name)
    {
        var result = ScenarioLoader.LoadFile(PathOf(name));
        return result.Scenario ?? throw new InvalidOperationException(
            $"scenario {name} does not load:{Environment.NewLine}{string.Join(Environment.NewLine, result.Errors)}");
    }

    /// <summary>The scenario's first year: 365 days from its opening state (backlog included), no warm-up window.</summary>
    public static Scenario FirstYear(Scenario scenario) => scenario with { Days = 365, WarmupDays = 0 };

    /// <summary>Every court of the scenario, created (layout compiled, as a run does) as it is enumerated.</summary>
    public static IEnumerable<CourtSimulation> Courts(Scenario scenario) =>
        scenario.ExpandCourts().Select(c => Court(scenario, c.Spec, c.CourtId));

    public static CourtSimulation Court(Scenario scenario, CourtSpec spec, string courtId) =>
        new(new CourtLayout(scenario, spec, courtId, prefixTeamIds: scenario.CourtCount > 1), scenario.Seed);

    private static IReadOnlyList<string> FindLoadable()
    {
        var present = Directory.Exists(RepoPaths.Scenarios)
            ? Directory.GetFiles(RepoPaths.Scenarios, "*.yaml").Select(Path.GetFileNameWithoutExtension).OfType<string>().ToHashSet()
            : [];
        var names = Expected.Concat(present.Except(Expected).Order(StringComparer.Ordinal)).ToList();
        var loadable = new List<string>();
        foreach (var name in names)
        {
            if (!present.Contains(name))
            {
                Console.WriteLine($"// Docket: skipping scenario {name}: {PathOf(name)} is not there yet");
                continue;
            }
            var result = ScenarioLoader.LoadFile(PathOf(name));
            if (!result.IsValid)
            {
                Console.WriteLine($"// Docket: skipping scenario {name}: it does not load ({result.Errors.Count} errors, first: {result.Errors[0]})");
                continue;
            }
            loadable.Add(name);
        }
        return loadable;
    }
}
