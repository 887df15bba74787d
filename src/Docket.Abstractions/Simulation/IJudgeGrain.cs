namespace Docket.Abstractions.Simulation;

/// <summary>A judge's record in a run: tasks heard and busy hours. Keyed "{run}/{team}/j{n}".</summary>
[Alias("docket.judge")]
public interface IJudgeGrain : IGrainWithStringKey
{
    [Alias("record")]
    Task RecordAsync(JudgeRecord record);

    [Alias("get")]
    Task<JudgeRecord?> GetAsync();
}

[GenerateSerializer, Immutable, Alias("docket.judge-record")]
public sealed record JudgeRecord(
    [property: Id(0)] string Id,
    [property: Id(1)] string Team,
    [property: Id(2)] long Tasks,
    [property: Id(3)] double BusyHours,
    [property: Id(4)] double Utilization);
