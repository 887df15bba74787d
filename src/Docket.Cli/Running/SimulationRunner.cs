using System.Diagnostics;
using Docket.Abstractions;
using Docket.Cli.Hosting;
using Docket.Domain.Statistics;

namespace Docket.Cli.Running;

/// <summary>
/// Runs a scenario's replications on the host's grains (the in-process silo or a cluster's silos), one clock grain per
/// replication. On a cluster, a run that loses a grain (its silo left the cluster) fails as a whole, naming what was
/// lost: nothing is written, and it can be re-run.
/// </summary>
internal sealed class SimulationRunner(ISimulationHost host)
{
    /// <param name="report">Told the simulated day, the days, and the cases so far, after every step.</param>
    public async Task<Summary> RunAsync(string scenarioText, string sourceName, ulong? seed, int? days, int replications,
        Action<int, SimulationProgress>? report, CancellationToken cancellationToken)
    {
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watch = host.WatchForLossAsync(watching.Token);
        try
        {
            var run = RunOnHostAsync(scenarioText, sourceName, seed, days, replications, report, cancellationToken);
            if (await Task.WhenAny(run, watch) == watch && watch.IsFaulted)
            {
                await watch;
            }
            return await run;
        }
        catch (ClusterUnavailableException)
        {
            throw;
        }
        catch (Exception e) when (host is ClusterClient && e is not OperationCanceledException)
        {
            throw new ClusterUnavailableException(
                $"the run was lost on the cluster ({e.GetType().Name}: {e.Message}); nothing was written: start the silos again if needed and re-run it");
        }
        finally
        {
            await watching.CancelAsync();
        }
    }

    private async Task<Summary> RunOnHostAsync(string scenarioText, string sourceName, ulong? seed, int? days, int replications,
        Action<int, SimulationProgress>? report, CancellationToken cancellationToken)
    {
        var grains = host.Grains;
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
            Silos = await host.CountSilosAsync(),
            SimulatedCases = simulated,
            Events = runs.Sum(r => r.Engine.Events),
        };
        return SummaryBuilder.Combine(runs, engine);
    }
}
