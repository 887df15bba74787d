using CsCheck;
using Docket.Domain.Appeals;
using Docket.Domain.Scenarios;
using Docket.Domain.Simulation;
using Docket.Domain.Statistics;
using static Docket.Domain.Tests.Scenarios.ScenarioTestSupport;

namespace Docket.Domain.Tests.Appeals;

public sealed class AppealSimulationTests
{
    private static Summary Run(Scenario scenario, double stepDays, int parallelism) =>
        SummaryBuilder.Replication(scenario, scenario.Seed, new LinkedCourts(scenario, scenario.Seed).Run(stepDays, parallelism));

    private static string Json(Summary summary) => SummaryJson.Serialize(summary);

    [Fact]
    public void Every_appeal_sent_is_received_above_or_reported_in_transit_and_the_court_above_files_them_as_its_appeal_type()
    {
        var scenario = LoadValid(AppealScenarios.TwoLevels);
        var summary = Run(scenario, 30, 1);
        var appeals = summary.Appeals!;

        Assert.True(appeals.Out > 100);
        Assert.Equal(appeals.InTransitStart + appeals.Out, appeals.In + appeals.InTransitEnd);
        Assert.True(appeals.InTransitStart > 0 && appeals.InTransitEnd > 0);
        Assert.Equal(appeals.Out, appeals.OutByType["civil"]);
        Assert.Equal(appeals.In, appeals.InByType["civil_appeal"]);
        // The appeals received are the appeal cases filed: the upper court files no civil_appeal of its own.
        Assert.Equal(appeals.In, summary.ByType.Single(t => t.Type == "civil_appeal").Filed);
        Assert.Equal(appeals.In, summary.Courts.Single(c => c.Id == "upper").AppealsIn);
        Assert.Null(summary.Courts.Single(c => c.Id == "upper").AppealsOut);
        Assert.Equal(appeals.Out, summary.Courts.Where(c => c.Id.StartsWith("basic-", StringComparison.Ordinal)).Sum(c => c.AppealsOut));
        // About the share of the civil closures.
        var civilClosedBelow = summary.ByType.Single(t => t.Type == "civil").Closed;
        Assert.InRange(appeals.Out / civilClosedBelow, 0.15, 0.23);
    }

    [Fact]
    public void An_absence_in_a_court_of_several_names_the_team_as_its_court_does_and_that_team_alone_receives_nothing()
    {
        var text = AppealScenarios.TwoLevels.Replace("""
                  - { id: appeals, count: 3, members: { judge: 1 }, accepts: [civil_appeal] }
            """, """
                  - { id: appeals, count: 3, members: { judge: 1 }, accepts: [civil_appeal] }
                absences:
                  - { team: appeals-2, from_day: 0, to_day: 400 }
            """, StringComparison.Ordinal);
        Assert.NotEqual(AppealScenarios.TwoLevels, text);
        var summary = Run(LoadValid(text), 30, 1);

        Assert.Equal(0, summary.Teams.Single(t => t.Id == "upper/appeals-2").Assigned);
        Assert.All(summary.Teams.Where(t => t.Id is "upper/appeals-1" or "upper/appeals-3"), t => Assert.True(t.Assigned > 20, $"{t.Id}: {t.Assigned}"));
    }

    [Fact]
    public void An_appealed_case_arrives_above_at_its_closure_plus_the_up_transfer()
    {
        // Every civil closure appealed: the appeal cases above arrive exactly at the basic courts' civil closures + 12 days.
        var scenario = LoadValid(AppealScenarios.TwoLevels.Replace("share: 0.2", "share: 1", StringComparison.Ordinal));
        var courts = new LinkedCourts(scenario, scenario.Seed);
        courts.Run(7, 1);
        var civil = scenario.TypeIndex("civil");
        var appeal = scenario.TypeIndex("civil_appeal");
        var expected = new List<double>();
        foreach (var court in courts.Courts.Skip(1))
        {
            foreach (ref readonly var c in court.Cases)
            {
                if (c.Type == civil && c.Status == CaseStatus.Closed && c.Closed + 12 < scenario.Days)
                {
                    expected.Add(c.Closed + 12);
                }
            }
        }
        var arrived = new List<double>();
        foreach (ref readonly var c in courts.Courts[0].Cases)
        {
            if (c.Type == appeal)
            {
                arrived.Add(c.Received);
                Assert.Equal(c.Received, c.Filed);
            }
        }
        expected.Sort();
        arrived.Sort();
        Assert.True(arrived.Count > 1000);
        Assert.Equal(expected, arrived);
    }

    [Fact]
    public void The_summary_is_the_same_whatever_the_step_and_the_number_of_cores()
    {
        var scenario = LoadValid(AppealScenarios.TwoLevels);
        var reference = Json(Run(scenario, 30, 1));

        Assert.Equal(reference, Json(Run(scenario, 1, 1)));
        Assert.Equal(reference, Json(Run(scenario, 5.5, 2)));
        Assert.Equal(reference, Json(Run(scenario, 400, 4)));
    }

    [Fact]
    public void The_same_scenario_and_seed_give_the_same_appeals_and_another_seed_other_ones()
    {
        var scenario = LoadValid(AppealScenarios.TwoLevels);
        var first = Run(scenario, 30, 2);
        var again = Run(scenario, 30, 2);
        var other = Run(scenario with { Seed = 12 }, 30, 2);

        Assert.Equal(Json(first), Json(again));
        Assert.NotEqual(first.Appeals!.Out, other.Appeals!.Out);
    }

    [Fact]
    public void Steps_never_outrun_the_shortest_transfer_up()
    {
        var network = AppealNetwork.Of(LoadValid(AppealScenarios.TwoLevels));

        Assert.True(network.HasAppeals);
        Assert.Equal(12, network.LookaheadDays);
        Assert.Equal(12, network.StepDays(30));
        Assert.Equal(5, network.StepDays(5));
        Assert.Equal(-1, network.UpperOf(0));
        Assert.All([1, 2, 3], court => Assert.Equal(0, network.UpperOf(court)));
    }

    [Fact]
    public void Copies_of_a_court_appeal_in_consecutive_blocks_to_the_copies_of_the_court_above()
    {
        var scenario = LoadValid(AppealScenarios.TwoLevels
            .Replace("  - id: upper\n", "  - id: upper\n    count: 2\n", StringComparison.Ordinal)
            .Replace("count: 3\n    intake", "count: 5\n    intake", StringComparison.Ordinal));
        var network = AppealNetwork.Of(scenario);

        Assert.Equal([0, 0, 0, 1, 1], Enumerable.Range(2, 5).Select(network.UpperOf));
    }

    [Fact]
    public void The_file_transfer_indicator_is_the_mean_of_the_transfers_up_and_back_that_ended_in_the_window()
    {
        var scenario = LoadValid(AppealScenarios.TwoLevels);
        var summary = Run(scenario, 30, 1);
        var appeals = summary.Appeals!;

        Assert.True(appeals.Returned > 0);
        // Up transfers (12 days) end with the appeals received in the window; back transfers (8 days) with the files returned.
        Assert.Equal(((12 * appeals.In) + (8 * appeals.Returned)) / (appeals.In + appeals.Returned), summary.Balance.FileTransferDays!.Value, 9);
        Assert.Null(summary.Balance.FileTransferNote);
        // Each transfer counts for the court that sent the file: up for the basic courts, back for the upper one.
        Assert.Equal(8, new LinkedCourts(scenario, scenario.Seed).Run(30, 1)[0].Balance.Indicators().FileTransferDays);
    }

    [Fact]
    public void Without_appeals_there_is_no_appeal_section_and_no_file_transfer_time()
    {
        var scenario = LoadValid(AppealScenarios.TwoLevels[..AppealScenarios.TwoLevels.IndexOf("    appeals:", StringComparison.Ordinal)]);
        var summary = Run(scenario, 30, 1);

        Assert.Null(summary.Appeals);
        Assert.Null(summary.Balance.FileTransferDays);
        Assert.All(summary.Courts, c => Assert.Null(c.AppealsOut));
        Assert.Equal(0, summary.ByType.Single(t => t.Type == "civil_appeal").Filed);
    }

    [Fact]
    public void A_court_appealed_to_reports_its_appeals_in_even_when_none_came()
    {
        var scenario = LoadValid(AppealScenarios.TwoLevels.Replace("share: 0.2", "share: 0", StringComparison.Ordinal));
        var summary = Run(scenario, 30, 1);

        Assert.Equal(0, summary.Courts.Single(c => c.Id == "upper").AppealsIn);
        Assert.All(summary.Courts.Skip(1), c => Assert.Equal(0, c.AppealsOut));
        Assert.Equal(0, summary.Appeals!.Out);
        Assert.Null(summary.Balance.FileTransferDays);
    }

    [Fact]
    public void Appeals_are_conserved_and_step_invariant_for_any_shares_transfers_and_steps()
    {
        Gen.Select(Gen.Double[0, 1], Gen.Double[0.5, 40], Gen.Double[0.5, 40], Gen.Double[0.25, 60], Gen.Int[1, 3], Gen.UInt[1, 1000])
            .Sample((share, up, back, step, parallelism, seed) =>
            {
                var text = AppealScenarios.TwoLevels
                    .Replace("share: 0.2", FormattableString.Invariant($"share: {share}"), StringComparison.Ordinal)
                    .Replace("{ up: 12, back: 8 }", FormattableString.Invariant($"{{ up: {up}, back: {back} }}"), StringComparison.Ordinal)
                    .Replace("days: 400", "days: 200", StringComparison.Ordinal)
                    .Replace("seed: 11", $"seed: {seed}", StringComparison.Ordinal);
                var scenario = LoadValid(text);
                var summary = Run(scenario, step, parallelism);
                var appeals = summary.Appeals!;

                Assert.Equal(appeals.InTransitStart + appeals.Out, appeals.In + appeals.InTransitEnd);
                Assert.Equal(appeals.In, summary.ByType.Single(t => t.Type == "civil_appeal").Filed);
                Assert.Equal(Json(Run(scenario, 30, 1)), Json(summary));
            }, iter: 25);
    }
}
