namespace Docket.Abstractions;

[GenerateSerializer, Immutable, Alias("docket.simulation-progress")]
public sealed record SimulationProgress(
    [property: Id(0)] double Day,
    [property: Id(1)] int Days,
    [property: Id(2)] long Cases,
    [property: Id(3)] long GrainCalls,
    [property: Id(4)] bool Done);
