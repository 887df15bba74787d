using Docket.Abstractions.Simulation;
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
        Assert.All(viaGrains.Teams, t => Assert.StartsWith("basic-", t.Id));
        Assert.True(viaGrains.Engine.GrainCalls > viaGrains.Teams.Count);
    }

    [Fact]
    public async Task Team_judge_and_case_grains_answer_for_a_finished_run()
    {
        var summary = await RunAsync(TwoCourts, "records");
        var team = await fixture.Grains.GetGrain<ITeamGrain>("records/r0/basic-1/fast-1").GetAsync();
        Assert.NotNull(team);
        Assert.Equal(summary.Teams.Single(t => t.Id == "basic-1/fast-1").Closed, team!.Closed);
        var judge = await fixture.Grains.GetGrain<IJudgeGrain>($"records/r0/{team.Judges[0]}").GetAsync();
        Assert.NotNull(judge);
        Assert.True(judge!.Tasks > 0);

        var firstCase = await fixture.Grains.GetGrain<ICaseGrain>("records/r0/basic-2/0").GetAsync();
        Assert.NotNull(firstCase);
        Assert.Equal("basic-2/0", firstCase!.Id);
        Assert.Contains(firstCase.Type, new[] { "simple", "complex" });
        Assert.True(firstCase.Filed >= 0);
        Assert.Null(await fixture.Grains.GetGrain<ICaseGrain>("records/r0/basic-2/99999999").GetAsync());
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

    private async Task<Summary> RunAsync(string text, string runId, ulong? seed = null)
    {
        var clock = fixture.Grains.GetGrain<ISimulationClockGrain>($"{runId}/r0");
        var progress = await clock.StartAsync(new SimulationRun(text, "two-courts.yaml", seed, null, 0));
        while (!progress.Done)
        {
            progress = await clock.AdvanceAsync();
        }
        return SummaryJson.Deserialize<Summary>(await clock.FinishAsync());
    }

    private static string Strip(Summary summary) => SummaryJson.Serialize(summary with { Engine = new EngineFigures() });
}
