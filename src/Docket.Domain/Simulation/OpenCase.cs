using Orleans;

namespace Docket.Domain.Simulation;

/// <summary>One open case of a team's or judge's docket in a simulated court.</summary>
/// <param name="Case">The case's place in its court (the case grain's key: <c>{run}/{court}/{case}</c>).</param>
/// <param name="Number">The court's number of the case (1, 2, 3… in filing order: <see cref="CaseRecord.Number"/>).</param>
/// <param name="Judge">The judge in charge, by summary.json's id (<c>{team}/judge-{n}</c>).</param>
/// <param name="Filed">The day it was filed.</param>
/// <param name="Assigned">The day its team received it.</param>
[GenerateSerializer, Immutable, Alias("docket.sim.open-case")]
public sealed record OpenCase(
    [property: Id(0)] int Case,
    [property: Id(1)] int Number,
    [property: Id(2)] string Type,
    [property: Id(3)] string Judge,
    [property: Id(4)] double Filed,
    [property: Id(5)] double Assigned,
    [property: Id(6)] bool Locked);
