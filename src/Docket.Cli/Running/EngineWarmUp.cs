using Docket.Domain.Appeals;
using Docket.Domain.Scenarios;
using Docket.Domain.Simulation;
using Docket.Domain.Statistics;

namespace Docket.Cli.Running;

/// <summary>
/// Compiles the simulator's code before a run on the in-process silo: the scenario's first court alone (no appeals,
/// at most <see cref="MostCases"/> cases of each backlog entry) is run for <see cref="Days"/> days (fewer for a court
/// filing more than <see cref="MostCases"/> cases in that time) and its summary built, on the thread that waits for the
/// silo to start, and the result is thrown away. Without it the run's first grain calls, the courts' construction and
/// the first simulated months pay for the compilation (bench/README.md, "The engine warmed while the silo starts").
/// Nothing is shared with the run: its courts, draws and figures are new objects, so the run's summary is the same with
/// or without it.
/// </summary>
internal static class EngineWarmUp
{
    public const int Days = 10;

    /// <summary>
    /// About as many cases as the warm-up simulates at most (its days shortened for a court with a larger intake, each
    /// backlog entry cut to this): enough for every hot method to be called many times, few enough to stay inside the
    /// silo's start whatever the court's size.
    /// </summary>
    public const int MostCases = 20_000;

    /// <summary>Only where another core starts the silo meanwhile; on one core it would only add its own time.</summary>
    public static bool Worthwhile => Environment.ProcessorCount > 1;

    /// <summary>Runs the warm-up; returns the cases it simulated.</summary>
    public static long Run(Scenario scenario)
    {
        var first = scenario.Courts[0];
        var court = first with
        {
            Count = 1,
            Appeals = null,
            Backlog = [.. first.Backlog.Select(b => b with { Count = Math.Min(b.Count, MostCases) })],
        };
        var perYear = court.Intake.Sum(s => s.PerYear);
        var days = perYear * Days / SimulationYear.Days > MostCases ? (int)Math.Max(1, MostCases * SimulationYear.Days / perYear) : Days;
        var small = scenario with
        {
            Courts = [court],
            Days = Math.Min(days, scenario.Days - scenario.WarmupDays),
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
