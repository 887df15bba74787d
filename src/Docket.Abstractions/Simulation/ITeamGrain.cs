namespace Docket.Abstractions.Simulation;

/// <summary>A team's results in a run (assigned, closed, workload, quota attainment, utilization). Keyed "{run}/{team}".</summary>
[Alias("docket.team")]
public interface ITeamGrain : IGrainWithStringKey
{
    [Alias("record")]
    Task RecordAsync(TeamRecord record);

    [Alias("get")]
    Task<TeamRecord?> GetAsync();
}

[GenerateSerializer, Immutable, Alias("docket.team-record")]
public sealed record TeamRecord(
    [property: Id(0)] string Id,
    [property: Id(1)] string Kind,
    [property: Id(2)] long Assigned,
    [property: Id(3)] long Closed,
    [property: Id(4)] long PendingEnd,
    [property: Id(5)] double WorkloadUnits,
    [property: Id(6)] double Quota,
    [property: Id(7)] double QuotaAttainment,
    [property: Id(8)] double Utilization,
    [property: Id(9)] string[] Judges);
