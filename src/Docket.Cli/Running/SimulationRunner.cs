using System.Diagnostics;
using Docket.Abstractions;
using Docket.Domain.Statistics;

namespace Docket.Cli.Running;

/// <summary>Runs a scenario's replications on the silo's grains, one clock grain per replication.</summary>
internal sealed class SimulationRunner(IGrainFactory grains)
{
    /// <param name="report">Told the simulated day, the days, and the cases so far, after every step.</param>
    public async Task<Summary> RunAsync(string scenarioText, string sourceName, ulong? seed, int? days, int replications,
        Action<int, SimulationProgress>? report, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var runs = new List<Summary>(replications);
        var runId = Guid.NewGuid().ToString("N");
        for (var r = 0; r < replications; r++)
        {
            var clock = grains.GetGrain<ISimulationClockGrain>($"{runId}/r{r}");
            var progress = await clock.StartAsync(new SimulationRun(scenarioText, sourceName, seed, days, r));
            while (!progress.Done)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress = await clock.AdvanceAsync();
                report?.Invoke(r, progress);
            }
            runs.Add(await clock.FinishAsync());
        }
        var wall = stopwatch.Elapsed.TotalSeconds;
        var simulated = runs.Sum(r => r.Engine.SimulatedCases);
        var engine = new EngineFigures
        {
            WallSeconds = wall,
            CasesPerSecond = wall > 0 ? simulated / wall : 0,
            GrainCalls = runs.Sum(r => r.Engine.GrainCalls),
            Silos = 1,
            SimulatedCases = simulated,
            Events = runs.Sum(r => r.Engine.Events),
        };
        return SummaryBuilder.Combine(runs, engine);
    }
}
