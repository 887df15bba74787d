using Docket.Abstractions;
using Docket.Domain.Appeals;
using Docket.Domain.Scenarios;
using Docket.Domain.Statistics;
using Microsoft.Extensions.Logging;

namespace Docket.Grains;

/// <summary>
/// The virtual clock of one replication: steps every court in parallel, merges in a fixed order, and hands the appeals
/// sent in a step to the courts above at the next (steps no longer than the shortest transfer up: <see cref="AppealNetwork"/>).
/// </summary>
public sealed class SimulationClockGrain(ScenarioCatalog catalog, ILogger<SimulationClockGrain> logger) : Grain, ISimulationClockGrain
{
    private Scenario? _scenario;
    private SimulationRun? _run;
    private ICourtGrain[] _courts = [];
    private string[] _courtIds = [];
    private AppealNetwork? _network;
    private List<AppealedCase>[] _appeals = [];
    private double _day;
    private long _cases;
    private long _grainCalls;

    public async Task<SimulationProgress> StartAsync(SimulationRun run)
    {
        _run = run;
        _scenario = catalog.Get(run);
        var runId = this.GetPrimaryKeyString();
        var courtIds = _scenario.ExpandCourts().Select(c => c.CourtId).ToArray();
        _courtIds = courtIds;
        _courts = [.. courtIds.Select(id => GrainFactory.GetGrain<ICourtGrain>($"{runId}/{id}"))];
        _network = AppealNetwork.Of(_scenario);
        _appeals = [.. _courts.Select(_ => new List<AppealedCase>())];
        await EveryCourtAsync([.. _courts.Select((court, i) => court.InitializeAsync(new CourtRun(runId, run, i)))]);
        _grainCalls += _courts.Length;
        _day = 0;
        logger.LogInformation("Run {RunId}: {Courts} courts, {Days} days, seed {Seed}", runId, _courts.Length, _scenario.Days, _scenario.Seed);
        return Progress();
    }

    public async Task<SimulationProgress> AdvanceAsync()
    {
        var (scenario, run) = Started();
        // Conservative synchronisation: no step outruns an appeal in transit; the appeals sent in a step are handed to
        // the courts above with the next one.
        var until = Math.Min(scenario.Days, _day + _network!.StepDays(run.StepDays));
        var steps = await EveryCourtAsync([.. _courts.Select((c, i) => c.AdvanceAsync(until, [.. _appeals[i]]))]);
        _grainCalls += _courts.Length;
        _day = until;
        _appeals = _network.Route([.. steps.Select(s => s.Appeals)]);
        _cases = steps.Sum(s => s.Cases);
        return Progress();
    }

    public async Task<Summary> FinishAsync()
    {
        var (scenario, _) = Started();
        while (_day < scenario.Days)
        {
            await AdvanceAsync();
        }
        var statistics = await EveryCourtAsync([.. _courts.Select(c => c.FinishAsync())]);
        _grainCalls += _courts.Length;
        var summary = SummaryBuilder.Replication(scenario, scenario.Seed, statistics);
        DeactivateOnIdle();
        return summary with { Engine = summary.Engine with { GrainCalls = _grainCalls } };
    }

    /// <summary>
    /// Waits for a call to every court; when one fails, the run fails naming the court. On a cluster a court whose silo
    /// left is lost with its state (a new activation elsewhere would start from nothing), so nothing of the run is
    /// kept: it is re-run, never finished short.
    /// </summary>
    private async Task<T[]> EveryCourtAsync<T>(Task<T>[] calls)
    {
        await EveryCourtAsync((Task[])calls);
        return [.. calls.Select(c => c.Result)];
    }

    private async Task EveryCourtAsync(Task[] calls)
    {
        try
        {
            await Task.WhenAll(calls);
        }
        catch (Exception)
        {
            var failed = Enumerable.Range(0, calls.Length).Where(i => calls[i].IsFaulted || calls[i].IsCanceled).ToList();
            var cause = calls[failed[0]].Exception?.GetBaseException();
            throw new InvalidOperationException(
                $"court {_courtIds[failed[0]]}{(failed.Count > 1 ? $" (and {failed.Count - 1} more)" : "")} was lost during the run ({cause?.GetType().Name}: {cause?.Message})");
        }
    }

    private SimulationProgress Progress() =>
        new(_day, _scenario?.Days ?? 0, _cases, _grainCalls, _scenario is not null && _day >= _scenario.Days);

    private (Scenario Scenario, SimulationRun Run) Started() =>
        _scenario is not null && _run is not null ? (_scenario, _run) : throw new InvalidOperationException("the run has not been started");
}
