using Docket.Abstractions;
using Docket.Domain.Appeals;
using Docket.Domain.Metrics;
using Docket.Domain.Simulation;
using Docket.Domain.Statistics;

namespace Docket.Grains;

/// <summary>
/// One court of a run. The court's event loop runs here a step at a time on the domain's <see cref="CourtSimulation"/>;
/// cases live compactly in it. Its team, judge and case grains ask it for snapshots (<see cref="CourtViews"/>) when
/// they are asked, so nothing crosses the grain boundary per event.
/// </summary>
public sealed class CourtGrain(ScenarioCatalog catalog, DocketMetrics metrics) : Grain, ICourtGrain
{
    private CourtSimulation? _simulation;
    private CourtMetricsReporter? _reporter;

    public Task InitializeAsync(CourtRun run)
    {
        var scenario = catalog.Get(run.Simulation);
        var (spec, courtId) = scenario.ExpandCourts().ElementAt(run.CourtIndex);
        var layout = new CourtLayout(scenario, spec, courtId, prefixTeamIds: scenario.CourtCount > 1);
        _simulation = new CourtSimulation(layout, scenario.Seed)
        {
            Appeals = AppealNetwork.Of(scenario).DeskFor(run.CourtIndex, scenario, scenario.Seed),
        };
        _reporter = new CourtMetricsReporter(metrics, layout);
        return Task.CompletedTask;
    }

    public Task<CourtProgress> AdvanceAsync(double until, AppealedCase[] appeals)
    {
        var simulation = Simulation();
        if (appeals.Length > 0)
        {
            simulation.Appeals!.Receive(appeals);
        }
        AppealDesk.Advance(simulation, until);
        _reporter?.Report(simulation);
        return Task.FromResult(new CourtProgress(simulation.Now, simulation.CaseCount, 0, simulation.Appeals?.DrainOutbox() ?? []));
    }

    public Task<CourtStatistics> FinishAsync()
    {
        var simulation = Simulation();
        simulation.RunToEnd();
        var statistics = CourtStatisticsCollector.Collect(simulation);
        _reporter?.Report(simulation);
        _reporter?.ReportEnd(statistics);
        return Task.FromResult(statistics);
    }

    public Task<TeamSnapshot?> GetTeamAsync(string team) => Task.FromResult(
        _simulation is { } simulation && CourtViews.TeamIndex(simulation.Layout, team) is >= 0 and var t
            ? CourtViews.Team(simulation, t)
            : null);

    public Task<JudgeSnapshot?> GetJudgeAsync(string team, int judge) => Task.FromResult(
        _simulation is { } simulation && CourtViews.TeamIndex(simulation.Layout, team) is >= 0 and var t
        && judge >= 1 && judge <= simulation.Layout.JudgesPerTeam[t]
            ? CourtViews.Judge(simulation, t, judge - 1)
            : null);

    public Task<CaseSnapshot?> GetCaseAsync(int caseIndex) =>
        Task.FromResult(_simulation is { } simulation ? CourtViews.Case(simulation, caseIndex) : null);

    private CourtSimulation Simulation() =>
        _simulation ?? throw new InvalidOperationException("the court has not been initialized");
}
