using Docket.Domain.Appeals;
using Docket.Domain.Scenarios;
using Docket.Domain.Statistics;

namespace Docket.Cli.Running;

/// <summary>
/// Compiles the simulator's code before a run on the in-process silo: the scenario's first court alone (no appeals)
/// is run for <see cref="Days"/> days and its summary built, on the thread that waits for the silo to start, and the
/// result is thrown away. Without it the run's first grain calls, the courts' construction and the first simulated
/// months pay for the compilation (bench/README.md, "The engine warmed while the silo starts"). Nothing is shared with
/// the run: its courts, draws and figures are new objects, so the run's summary is the same with or without it.
/// </summary>
internal static class EngineWarmUp
{
    public const int Days = 10;

    /// <summary>Only where another core starts the silo meanwhile; on one core it would only add its own time.</summary>
    public static bool Worthwhile => Environment.ProcessorCount > 1;

    /// <summary>Runs the warm-up; returns the cases it simulated.</summary>
    public static long Run(Scenario scenario)
    {
        var court = scenario.Courts[0] with { Count = 1, Appeals = null };
        var small = scenario with
        {
            Courts = [court],
            Days = Math.Min(Days, scenario.Days - scenario.WarmupDays),
            WarmupDays = 0,
            Replications = 1,
        };
        var statistics = new LinkedCourts(small, small.Seed).Run(small.Days, parallelism: 1);
        return SummaryBuilder.Replication(small, small.Seed, statistics).Engine.SimulatedCases;
    }

    /// <summary>
    /// Runs the warm-up if worthwhile. A scenario it cannot run is not refused here: the run that follows reports what
    /// is wrong with it, and the warm-up only ever saves time.
    /// </summary>
    public static void TryRun(Scenario scenario)
    {
        if (!Worthwhile)
        {
            return;
        }
        try
        {
            Run(scenario);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The run reports the scenario's faults with their field and line.
        }
    }
}
