using Docket.Abstractions;
using Docket.Domain.Appeals;
using Docket.Domain.Scenarios;
using Docket.Domain.Simulation;
using Docket.Domain.Statistics;

namespace Docket.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class SimulationGrainTests(ClusterFixture fixture)
{
    private const string TwoCourts = """
        name: two-courts
        seed: 5
        days: 400
        warmup_days: 35
        calendar: { days_per_week: 5, hours_per_day: 8 }
        case_types:
          - id: simple
            track: fast_track
            weight: 0.3
            flagged_share: 0.05
            effort: { judge: { dist: exponential, mean_hours: 2 }, clerk: { dist: fixed, hours: 0.5 } }
          - id: complex
            effort: { wait_answer: { dist: fixed, days: 15 }, judge: { dist: lognormal, mean_hours: 12, sd_hours: 6 } }
        courts:
          - id: basic
            count: 2
            intake:
              - { type: simple, per_year: 1500 }
              - { type: complex, per_year: 300 }
            teams:
              - { id: fast, template: "1+1-clerk", count: 3, accepts: [simple] }
              - { id: civil, template: "1+1", count: 5, accepts: [complex], cap: 20, assignment: { policy: pull } }
              - { id: head, members: { division_head: 1 }, accepts: [simple] }
        scores: { rebalance_every_days: 91, max_change_per_round: 0.2 }
        """;

    [Fact]
    public async Task A_run_on_grains_gives_the_numbers_of_the_domain_simulator_run_directly()
    {
        var viaGrains = await RunAsync(TwoCourts, "grains-equal");
        var scenario = ScenarioLoader.Load(TwoCourts, "two-courts.yaml").Scenario!;
        var courts = scenario.ExpandCourts().Select(c =>
        {
            var simulation = new CourtSimulation(new CourtLayout(scenario, c.Spec, c.CourtId, prefixTeamIds: true), scenario.Seed);
            simulation.RunToEnd();
            return CourtStatisticsCollector.Collect(simulation);
        }).ToList();
        var direct = SummaryBuilder.Replication(scenario, scenario.Seed, courts);

        Assert.Equal(Strip(direct), Strip(viaGrains));
        Assert.Equal(2, viaGrains.Courts.Count);
        // Each court's coin rounds cross the grain boundary: the starting prices and four re-pricings.
        Assert.Equal([0, 1, 2, 3, 4, 0, 1, 2, 3, 4], viaGrains.Scores.Rounds.Select(r => r.Round));
        Assert.All(viaGrains.Teams, t => Assert.StartsWith("basic-", t.Id));
        Assert.True(viaGrains.Engine.GrainCalls > viaGrains.Teams.Count);
    }

    [Fact]
    public async Task Team_judge_and_case_grains_answer_for_a_finished_run()
    {
        var summary = await RunAsync(TwoCourts, "records");
        var team = await fixture.Grains.GetGrain<ITeamGrain>("records/r0/basic-1/fast-1").GetAsync();
        Assert.NotNull(team);
        var row = summary.Teams.Single(t => t.Id == "basic-1/fast-1");
        Assert.Equal(row.Closed, team!.Closed);
        Assert.Equal(row.PendingEnd, team.Open);
        var judge = await fixture.Grains.GetGrain<IJudgeGrain>($"records/r0/{team.Judges[0]}").GetAsync();
        Assert.NotNull(judge);
        Assert.Equal("basic-1/fast-1/judge-1", judge!.Id);
        Assert.True(judge.Tasks > 0);
        Assert.Null(await fixture.Grains.GetGrain<IJudgeGrain>("records/r0/basic-1/fast-1/judge-9").GetAsync());
        Assert.Null(await fixture.Grains.GetGrain<ITeamGrain>("records/r0/basic-1/no-such-team").GetAsync());

        var firstCase = await fixture.Grains.GetGrain<ICaseGrain>("records/r0/basic-2/0").GetAsync();
        Assert.NotNull(firstCase);
        Assert.Equal("basic-2/0", firstCase!.Id);
        Assert.Contains(firstCase.Type, new[] { "simple", "complex" });
        Assert.True(firstCase.Filed >= 0);
        Assert.Null(await fixture.Grains.GetGrain<ICaseGrain>("records/r0/basic-2/99999999").GetAsync());
        Assert.Null(await fixture.Grains.GetGrain<ICaseGrain>("no-run/r0/basic-2/0").GetAsync());
    }

    [Fact]
    public async Task Mid_run_a_team_grain_answers_the_open_caseload_the_domain_simulation_has_at_that_day_and_again_at_the_end()
    {
        var scenario = ScenarioLoader.Load(TwoCourts, "two-courts.yaml").Scenario!;
        var (spec, courtId) = scenario.ExpandCourts().ElementAt(1);
        var direct = new CourtSimulation(new CourtLayout(scenario, spec, courtId, prefixTeamIds: true), scenario.Seed);
        var clock = fixture.Grains.GetGrain<ISimulationClockGrain>("views/r0");
        var progress = await clock.StartAsync(new SimulationRun(TwoCourts, "two-courts.yaml", null, null, 0, StepDays: 100));
        progress = await clock.AdvanceAsync();
        progress = await clock.AdvanceAsync();
        Assert.Equal(200, progress.Day);
        Assert.False(progress.Done);
        direct.AdvanceTo(200);

        var midRun = await AssertTeamsMatchAsync(direct, "views/r0", 200);
        Assert.Contains(midRun, t => t.Open > 0);

        var summary = await clock.FinishAsync();
        direct.RunToEnd();
        var atEnd = await AssertTeamsMatchAsync(direct, "views/r0", 400);
        foreach (var team in atEnd)
        {
            var row = summary.Teams.Single(r => r.Id == team.Id);
            Assert.Equal(row.Assigned, team.Assigned);
            Assert.Equal(row.Closed, team.Closed);
            Assert.Equal(row.PendingEnd, team.Open);
            Assert.Equal(row.WorkloadUnits, team.WorkloadUnits);
            Assert.Equal(row.QuotaAttainment, team.QuotaAttainment);
            Assert.Equal(row.Utilization, team.Utilization);
        }
        // The view is live: the figures moved between day 200 and the end.
        Assert.True(atEnd.Sum(t => t.Closed) > midRun.Sum(t => t.Closed));
    }

    [Fact]
    public async Task In_a_single_court_scenario_views_are_keyed_by_the_court_and_the_teams_own_id()
    {
        const string OneCourt = """
            name: one-court
            days: 120
            case_types:
              - id: generic
                effort: { judge: { dist: exponential, mean_hours: 30 } }
            intake:
              - { type: generic, per_year: 2000 }
            teams:
              - { id: pair, count: 2, members: { judge: 2, clerk: 1 }, accepts: [generic] }
            """;
        var clock = fixture.Grains.GetGrain<ISimulationClockGrain>("one/r0");
        var progress = await clock.StartAsync(new SimulationRun(OneCourt, "one-court.yaml", null, null, 0, StepDays: 60));
        progress = await clock.AdvanceAsync();
        var team = await fixture.Grains.GetGrain<ITeamGrain>("one/r0/one-court/pair-1").GetAsync();
        Assert.NotNull(team);
        Assert.Equal("pair-1", team!.Id);
        Assert.Equal(60, team.Day);
        Assert.Equal(2, team.Judges.Length);
        Assert.True(team.Open > 0);
        // Every open case of the team is on the docket of exactly one of its judges, the one in charge of it.
        var dockets = new List<OpenCase>();
        foreach (var judgeId in team.Judges)
        {
            var judge = await fixture.Grains.GetGrain<IJudgeGrain>($"one/r0/one-court/{judgeId}").GetAsync();
            Assert.NotNull(judge);
            Assert.All(judge!.OpenCases, c => Assert.Equal(judgeId, c.Judge));
            dockets.AddRange(judge.OpenCases);
        }
        Assert.Equal(team.OpenCases.Select(c => c.Case).Order(), dockets.Select(c => c.Case).Order());
        var open = await fixture.Grains.GetGrain<ICaseGrain>($"one/r0/one-court/{team.OpenCases[0].Case}").GetAsync();
        Assert.NotNull(open);
        Assert.Equal("pair-1", open!.Team);
        Assert.Equal(team.OpenCases[0].Judge, open.Judge);
        Assert.NotEqual(CaseStatus.Closed, open.Status);
        await clock.FinishAsync();
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_summary_and_another_seed_another()
    {
        var a = await RunAsync(TwoCourts, "seed-a");
        var b = await RunAsync(TwoCourts, "seed-b");
        var c = await RunAsync(TwoCourts, "seed-c", seed: 6);
        Assert.Equal(Strip(a), Strip(b));
        Assert.NotEqual(Strip(a), Strip(c));
    }

    [Fact]
    public async Task Advancing_reports_the_clock_until_the_last_day()
    {
        var clock = fixture.Grains.GetGrain<ISimulationClockGrain>("steps/r0");
        var progress = await clock.StartAsync(new SimulationRun(TwoCourts, "two-courts.yaml", null, null, 0, StepDays: 100));
        var days = new List<double>();
        while (!progress.Done)
        {
            progress = await clock.AdvanceAsync();
            days.Add(progress.Day);
        }
        Assert.Equal([100, 200, 300, 400], days);
        Assert.True(progress.Cases > 0);
    }

    private const string Appeals = """
        name: appeals
        seed: 9
        days: 300
        warmup_days: 40
        calendar: { days_per_week: 5, hours_per_day: 8 }
        case_types:
          - id: civil
            effort: { judge: { dist: exponential, mean_hours: 3 } }
          - id: civil_appeal
            effort: { judge: { dist: exponential, mean_hours: 5 } }
        courts:
          - id: upper
            teams:
              - { id: appeals, count: 2, members: { judge: 1 }, accepts: [civil_appeal] }
          - id: basic
            count: 3
            intake:
              - { type: civil, per_year: 500 }
            teams:
              - { id: civil, count: 2, members: { judge: 1 }, accepts: [civil] }
            appeals:
              to: upper
              transfer_days: { up: 9, back: 6 }
              types:
                - { type: civil, share: 0.15, appeal_type: civil_appeal }
        """;

    [Fact]
    public async Task Appeals_between_court_grains_give_the_in_process_run_s_numbers_whatever_the_step_asked_for()
    {
        var scenario = ScenarioLoader.Load(Appeals, "appeals.yaml").Scenario!;
        var direct = SummaryBuilder.Replication(scenario, scenario.Seed, new LinkedCourts(scenario, scenario.Seed).Run(1, 2));

        foreach (var step in new[] { 30, 2 })
        {
            var clock = fixture.Grains.GetGrain<ISimulationClockGrain>($"appeals-{step}/r0");
            var progress = await clock.StartAsync(new SimulationRun(Appeals, "appeals.yaml", null, null, 0, StepDays: step));
            var days = new List<double> { progress.Day };
            while (!progress.Done)
            {
                progress = await clock.AdvanceAsync();
                days.Add(progress.Day);
            }
            var viaGrains = await clock.FinishAsync();

            // Steps no longer than the shortest transfer up (9 days).
            Assert.All(days.Zip(days.Skip(1)), d => Assert.InRange(d.Second - d.First, 0.5, Math.Min(step, 9)));
            Assert.Equal(Strip(direct), Strip(viaGrains));
        }
        Assert.True(direct.Appeals!.In > 50);
    }

    private async Task<Summary> RunAsync(string text, string runId, ulong? seed = null)
    {
        var clock = fixture.Grains.GetGrain<ISimulationClockGrain>($"{runId}/r0");
        var progress = await clock.StartAsync(new SimulationRun(text, "two-courts.yaml", seed, null, 0));
        while (!progress.Done)
        {
            progress = await clock.AdvanceAsync();
        }
        return await clock.FinishAsync();
    }

    /// <summary>Asks every team grain of the court <paramref name="direct"/> simulates and checks its open caseload against the direct run's.</summary>
    private async Task<TeamSnapshot[]> AssertTeamsMatchAsync(CourtSimulation direct, string run, double day)
    {
        var snapshots = new List<TeamSnapshot>();
        for (var t = 0; t < direct.Layout.Teams.Count; t++)
        {
            var id = direct.Layout.Teams[t].Id;
            var snapshot = await fixture.Grains.GetGrain<ITeamGrain>($"{run}/{id}").GetAsync();
            Assert.NotNull(snapshot);
            Assert.Equal(id, snapshot!.Id);
            Assert.Equal(day, snapshot.Day);
            var expected = new List<int>();
            for (var i = 0; i < direct.CaseCount; i++)
            {
                if (direct.Case(i).Team == t && direct.Case(i).Status != CaseStatus.Closed)
                {
                    expected.Add(i);
                }
            }
            Assert.Equal(expected, snapshot.OpenCases.Select(c => c.Case));
            Assert.Equal(expected.Count, snapshot.Open);
            Assert.All(snapshot.OpenCases, c => Assert.Equal(direct.Case(c.Case).Number, c.Number));
            snapshots.Add(snapshot);
        }
        return [.. snapshots];
    }

    private static string Strip(Summary summary) => SummaryJson.Serialize(summary with { Engine = new EngineFigures() });
}
