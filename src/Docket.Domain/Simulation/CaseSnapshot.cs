using Docket.Domain.Supervision;
using Orleans;

namespace Docket.Domain.Simulation;

/// <summary>A simulated case's record as of <see cref="Day"/>; times in simulation days, NaN where not reached yet.</summary>
/// <param name="Id"><c>{court}/{case}</c>, the case's place in its court.</param>
/// <param name="Number">The court's number of the case, 0 while not filed (<see cref="CaseRecord.Number"/>).</param>
/// <param name="Team">The team holding it, null while it waits (or was never filed).</param>
/// <param name="Judge">Its judge in charge (<c>{team}/j{n}</c>), null while no team holds it.</param>
[GenerateSerializer, Immutable, Alias("docket.sim.case-snapshot")]
public sealed record CaseSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] int Number,
    [property: Id(2)] string Type,
    [property: Id(3)] CaseStatus Status,
    [property: Id(4)] double Day,
    [property: Id(5)] double Received,
    [property: Id(6)] double Filed,
    [property: Id(7)] double Assigned,
    [property: Id(8)] double Closed,
    [property: Id(9)] string? Team,
    [property: Id(10)] string? Judge,
    [property: Id(11)] bool Flagged,
    [property: Id(12)] bool Designated,
    [property: Id(13)] bool Escalated,
    [property: Id(14)] bool Locked,
    [property: Id(15)] RiskLevel Risk);
