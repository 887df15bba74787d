using Docket.Domain.Statistics;

namespace Docket.Abstractions;

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

    /// <summary>Runs the courts to the end and returns the replication's summary (engine figures left for the caller).</summary>
    [Alias("finish")]
    Task<Summary> FinishAsync();
}
