namespace Docket.Abstractions.Simulation;

/// <summary>
/// One court of a simulation run. It holds its cases' compact records and runs the court's event loop a step at a
/// time; its teams, judges and cases are grains of their own that it reports to. Keyed "{run}/{court}".
/// </summary>
[Alias("docket.court")]
public interface ICourtGrain : IGrainWithStringKey
{
    [Alias("initialize")]
    Task InitializeAsync(CourtRun run);

    [Alias("advance")]
    Task<CourtProgress> AdvanceAsync(double until);

    /// <summary>The court's statistics as JSON, after its team and judge grains have been given their records.</summary>
    [Alias("finish")]
    Task<string> FinishAsync();

    [Alias("case")]
    Task<CaseView?> GetCaseAsync(int caseNumber);
}

[GenerateSerializer, Immutable, Alias("docket.court-run")]
public sealed record CourtRun(
    [property: Id(0)] string RunId,
    [property: Id(1)] SimulationRun Simulation,
    [property: Id(2)] int CourtIndex);

[GenerateSerializer, Immutable, Alias("docket.court-progress")]
public sealed record CourtProgress(
    [property: Id(0)] double Day,
    [property: Id(1)] long Cases,
    [property: Id(2)] long GrainCalls);
