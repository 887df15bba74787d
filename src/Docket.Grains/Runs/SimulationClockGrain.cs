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
        _courts = [.. courtIds.Select(id => GrainFactory.GetGrain<ICourtGrain>($"{runId}/{id}"))];
        _network = AppealNetwork.Of(_scenario);
        _appeals = [.. _courts.Select(_ => new List<AppealedCase>())];
        await Task.WhenAll(_courts.Select((court, i) => court.InitializeAsync(new CourtRun(runId, run, i))));
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
        var steps = await Task.WhenAll(_courts.Select((c, i) => c.AdvanceAsync(until, [.. _appeals[i]])));
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
        var statistics = await Task.WhenAll(_courts.Select(c => c.FinishAsync()));
        _grainCalls += _courts.Length;
        var summary = SummaryBuilder.Replication(scenario, scenario.Seed, statistics);
        DeactivateOnIdle();
        return summary with { Engine = summary.Engine with { GrainCalls = _grainCalls } };
    }

    private SimulationProgress Progress() =>
        new(_day, _scenario?.Days ?? 0, _cases, _grainCalls, _scenario is not null && _day >= _scenario.Days);

    private (Scenario Scenario, SimulationRun Run) Started() =>
        _scenario is not null && _run is not null ? (_scenario, _run) : throw new InvalidOperationException("the run has not been started");
}
