using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Docket.Abstractions;
using Docket.Domain.Randomness;
using Docket.Domain.Scenarios;

namespace Docket.Grains;

/// <summary>
/// Parses each scenario text once per silo: a province run has 100+ court grains reading the same text.
/// Registered as a singleton; grains receive it by injection.
/// </summary>
public sealed class ScenarioCatalog
{
    private readonly ConcurrentDictionary<string, Scenario> _parsed = new();

    public Scenario Get(SimulationRun run)
    {
        var scenario = Parse(run);
        var overridden = ScenarioOverrides.Apply(scenario, run.Seed, run.Days);
        return overridden with { Seed = StreamKey.ReplicationSeed(overridden.Seed, run.Replication) };
    }

    /// <summary>
    /// Keeps a scenario its host has already parsed from <paramref name="text"/> (without overrides), so that a run
    /// of that text in this silo does not parse it again.
    /// </summary>
    public void Add(string text, Scenario parsed) => _parsed.TryAdd(Key(text), parsed);

    private Scenario Parse(SimulationRun run) => _parsed.GetOrAdd(Key(run.ScenarioText), _ =>
    {
        var result = ScenarioLoader.Load(run.ScenarioText, run.SourceName);
        return result.Scenario ?? throw new ArgumentException(string.Join(Environment.NewLine, result.Errors));
    });

    private static string Key(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
