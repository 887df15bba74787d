namespace Docket.Abstractions.Simulation;

/// <summary>
/// Drives one replication of a scenario: starts a court grain per court, advances them all step by step on the
/// virtual clock (courts in parallel within a step, merged in a fixed order between steps), and builds the
/// replication's summary. Keyed by run id.
/// </summary>
[Alias("docket.clock")]
public interface ISimulationClockGrain : IGrainWithStringKey
{
    [Alias("start")]
    Task<SimulationProgress> StartAsync(SimulationRun run);

    /// <summary>Advances every court by one step (<see cref="SimulationRun.StepDays"/>).</summary>
    [Alias("advance")]
    Task<SimulationProgress> AdvanceAsync();

    /// <summary>The replication's summary as summary.json text (engine figures left for the caller).</summary>
    [Alias("finish")]
    Task<string> FinishAsync();
}
