using Docket.Abstractions;
using Docket.Domain.Appeals;
using Docket.Domain.Scenarios;
using Docket.Domain.Statistics;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Docket.Grains.Tests;

/// <summary>
/// A run whose court grains are spread over two silos gives the numbers of the run in one process. In the cluster
/// collection, though with a cluster of its own, so that it never runs beside the tests that listen to the process's
/// meters.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class TwoSiloAppealTests : IAsyncLifetime
{
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(2);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task Appeals_between_courts_on_two_silos_give_the_in_process_run_s_summary()
    {
        const string Scenario = """
            name: two-silos
            seed: 21
            days: 250
            warmup_days: 30
            case_types:
              - id: civil
                effort: { judge: { dist: exponential, mean_hours: 3 } }
              - id: civil_appeal
                effort: { judge: { dist: exponential, mean_hours: 5 } }
            courts:
              - id: upper
                count: 2
                teams: [ { id: appeals, count: 2, members: { judge: 1 }, accepts: [civil_appeal] } ]
              - id: basic
                count: 6
                intake: [ { type: civil, per_year: 500 } ]
                teams: [ { id: civil, count: 2, members: { judge: 1 }, accepts: [civil] } ]
                appeals:
                  to: upper
                  transfer_days: { up: 7, back: 7 }
                  types: [ { type: civil, share: 0.2, appeal_type: civil_appeal } ]
            """;
        var scenario = ScenarioLoader.Load(Scenario, "two-silos.yaml").Scenario!;
        var direct = SummaryBuilder.Replication(scenario, scenario.Seed, new LinkedCourts(scenario, scenario.Seed).Run(30, 1));

        Assert.True(direct.Appeals!.In > 50);
        // Placement is random (below): a run whose eight court grains all landed on one silo proves nothing about two,
        // so runs go on (each a run of its own, new court grains) until one spreads over both; every run must agree.
        var spread = false;
        for (var run = 0; run < 6 && !spread; run++)
        {
            var clock = _cluster.GrainFactory.GetGrain<ISimulationClockGrain>($"two-silos/r{run}");
            var progress = await clock.StartAsync(new SimulationRun(Scenario, "two-silos.yaml", null, null, 0));
            while (!progress.Done)
            {
                progress = await clock.AdvanceAsync();
            }
            var viaGrains = await clock.FinishAsync();
            Assert.Equal(SummaryJson.Serialize(direct with { Engine = new EngineFigures() }), SummaryJson.Serialize(viaGrains with { Engine = new EngineFigures() }));
            var activations = await _cluster.GrainFactory.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
            spread = activations.Where(a => a.GrainType.Contains("CourtGrain", StringComparison.Ordinal) && a.GrainId.ToString().Contains($"/r{run}", StringComparison.Ordinal))
                .Select(a => a.SiloAddress).Distinct().Count() == 2;
        }
        Assert.True(spread, "no run's court grains were spread over both silos");
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) =>
            siloBuilder.AddMemoryGrainStorageAsDefault().ConfigureServices(services => services
                .AddDocketGrains()
                // Random placement: the court grains spread over the silos whichever silo the calls come from.
                .AddSingleton<Orleans.Runtime.PlacementStrategy, Orleans.Runtime.RandomPlacement>());
    }
}
