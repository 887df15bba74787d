using Docket.Abstractions.Simulation;
using Docket.Domain.Metrics;
using Docket.Domain.Simulation;
using Docket.Domain.Statistics;

namespace Docket.Grains.Simulation;

/// <summary>
/// One court of a run. The court's event loop runs here a step at a time on the domain's <see cref="CourtSimulation"/>;
/// cases live compactly in it, and the court hands its teams and judges their records in one call each at the end.
/// </summary>
public sealed class CourtGrain(ScenarioCatalog catalog, DocketMetrics metrics) : Grain, ICourtGrain
{
    private CourtSimulation? _simulation;
    private CourtMetricsReporter? _reporter;
    private string _runId = "";

    public Task InitializeAsync(CourtRun run)
    {
        var scenario = catalog.Get(run.Simulation);
        var (spec, courtId) = scenario.ExpandCourts().ElementAt(run.CourtIndex);
        var layout = new CourtLayout(scenario, spec, courtId, prefixTeamIds: scenario.CourtCount > 1);
        _simulation = new CourtSimulation(layout, scenario.Seed);
        _reporter = new CourtMetricsReporter(metrics, layout);
        _runId = run.RunId;
        return Task.CompletedTask;
    }

    public Task<CourtProgress> AdvanceAsync(double until)
    {
        var simulation = Simulation();
        simulation.AdvanceTo(until);
        _reporter?.Report(simulation);
        return Task.FromResult(new CourtProgress(simulation.Now, simulation.CaseCount, 0));
    }

    public async Task<string> FinishAsync()
    {
        var simulation = Simulation();
        simulation.RunToEnd();
        var statistics = CourtStatisticsCollector.Collect(simulation);
        _reporter?.Report(simulation);
        _reporter?.ReportEnd(statistics);
        var calls = new List<Task>(statistics.Teams.Length * 2);
        foreach (var team in statistics.Teams)
        {
            calls.Add(GrainFactory.GetGrain<ITeamGrain>($"{_runId}/{team.Id}").RecordAsync(new TeamRecord(
                team.Id, team.Kind, team.Assigned, team.Closed, team.PendingEnd, team.WorkloadUnits, team.Quota,
                team.QuotaAttainment, team.Utilization, [.. team.Judges.Select(j => j.Id)])));
            foreach (var judge in team.Judges)
            {
                calls.Add(GrainFactory.GetGrain<IJudgeGrain>($"{_runId}/{judge.Id}").RecordAsync(
                    new JudgeRecord(judge.Id, team.Id, judge.Tasks, judge.BusyHours, judge.Utilization)));
            }
        }
        await Task.WhenAll(calls);
        return SummaryJson.Serialize(statistics);
    }

    public Task<CaseView?> GetCaseAsync(int caseNumber)
    {
        var simulation = Simulation();
        if (caseNumber < 0 || caseNumber >= simulation.CaseCount)
        {
            return Task.FromResult<CaseView?>(null);
        }
        var c = simulation.Case(caseNumber);
        var layout = simulation.Layout;
        return Task.FromResult<CaseView?>(new CaseView(
            $"{layout.CourtId}/{caseNumber}",
            layout.Scenario.CaseTypes[c.Type].Id,
            c.Status.ToString(),
            c.Received,
            c.Filed,
            c.Assigned,
            c.Closed,
            c.Team >= 0 ? layout.Teams[c.Team].Id : null,
            (c.Flags & CaseFlags.Flagged) != 0,
            (c.Flags & CaseFlags.Designated) != 0));
    }

    private CourtSimulation Simulation() =>
        _simulation ?? throw new InvalidOperationException("the court has not been initialized");
}
