namespace Docket.Abstractions;

/// <summary>What to simulate: the scenario's text (every silo parses the same text), and the run's overrides.</summary>
[GenerateSerializer, Immutable, Alias("docket.simulation-run")]
public sealed record SimulationRun(
    [property: Id(0)] string ScenarioText,
    [property: Id(1)] string SourceName,
    [property: Id(2)] ulong? Seed,
    [property: Id(3)] int? Days,
    [property: Id(4)] int Replication,
    [property: Id(5)] int StepDays = 30);
