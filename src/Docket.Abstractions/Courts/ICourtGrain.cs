using Docket.Domain.Appeals;
using Docket.Domain.Simulation;
using Docket.Domain.Statistics;

namespace Docket.Abstractions;

/// <summary>
/// One court of a simulation run. It runs the court's event loop a step at a time and holds its cases' compact records;
/// its team, judge and case grains are views that ask it for a snapshot when they are asked. Not reentrant: a snapshot
/// is always of the court between two steps. Keyed "{run}/{court}".
/// </summary>
[Alias("docket.court")]
public interface ICourtGrain : IGrainWithStringKey
{
    [Alias("initialize")]
    Task InitializeAsync(CourtRun run);

    /// <summary>
    /// Files <paramref name="appeals"/> (from the courts below, handed over at the last step's end) as they arrive and
    /// runs the court to <paramref name="until"/>; the progress carries the appeals the court sent in the step.
    /// </summary>
    [Alias("advance")]
    Task<CourtProgress> AdvanceAsync(double until, AppealedCase[] appeals);

    /// <summary>Runs the court to the scenario's end and returns its statistics (the court stays queryable).</summary>
    [Alias("finish")]
    Task<CourtStatistics> FinishAsync();

    /// <summary>A team's open caseload and figures as of now; <paramref name="team"/> is its id within the court. Null when the court has no such team (or no run).</summary>
    [Alias("team")]
    Task<TeamSnapshot?> GetTeamAsync(string team);

    /// <summary>Judge <paramref name="judge"/> (1-based, as in <c>{team}/judge-{n}</c>) of a team: open docket and figures as of now.</summary>
    [Alias("judge")]
    Task<JudgeSnapshot?> GetJudgeAsync(string team, int judge);

    /// <summary>The case at place <paramref name="caseIndex"/> of the court (0-based, in order of receipt) as of now.</summary>
    [Alias("case")]
    Task<CaseSnapshot?> GetCaseAsync(int caseIndex);
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
    [property: Id(2)] long GrainCalls,
    [property: Id(3)] AppealedCase[] Appeals);
