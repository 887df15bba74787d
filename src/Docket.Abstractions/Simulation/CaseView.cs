namespace Docket.Abstractions.Simulation;

/// <summary>A case as a planner sees it: times in simulation days (NaN where not reached yet).</summary>
[GenerateSerializer, Immutable, Alias("docket.case-view")]
public sealed record CaseView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Type,
    [property: Id(2)] string Status,
    [property: Id(3)] double Received,
    [property: Id(4)] double Filed,
    [property: Id(5)] double Assigned,
    [property: Id(6)] double Closed,
    [property: Id(7)] string? Team,
    [property: Id(8)] bool Flagged,
    [property: Id(9)] bool Designated);
