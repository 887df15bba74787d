using System.Text.Json;
using Docket.Domain.Appeals;
using Docket.Domain.Assignment;
using Docket.Domain.Scenarios;
using Docket.Domain.Simulation;
using Docket.Domain.Staffing;
using Docket.Domain.Statistics;
using Docket.Domain.Tests.Support;
using static Docket.Domain.Tests.Scenarios.ScenarioTestSupport;

namespace Docket.Domain.Tests.Simulation;

/// <summary>
/// <c>closed_cases: stream</c>: a court folds each done case into its figures and gives the case's slot to a later
/// one, so its memory follows its open cases; everything it reports is what it reports when it keeps every case.
/// </summary>
public sealed class ClosedCasesTests
{
    private static readonly Dictionary<string, int> s_twoJudges = new() { [RoleCatalog.Judge] = 2, [RoleCatalog.Clerk] = 1 };

    private static Scenario Court(ClosedCases closedCases) => TestCourts.Court(
        [TestCourts.JudgeOnly("civil", 120, weight: 1.5), TestCourts.JudgeOnly("simple", 6, weight: 0.3)],
        [TestCourts.Intake("civil", 300), TestCourts.Intake("simple", 600)],
        [TestCourts.Teams("c", 3, ["civil", "simple"], s_twoJudges)], AssignmentSpec.Random, 400, warmup: 60, seed: 11) with
    { ClosedCases = closedCases };

    private static Scenario Sample(string file) =>
        ScenarioLoader.LoadFile(Path.Combine(RepoRoot(), "scenarios", file)).Scenario!;

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);

    private static string RunCourts(Scenario scenario) =>
        Json(new LinkedCourts(scenario, scenario.Seed).Run(30, 1));

    public static TheoryData<string> Samples() =>
        ["xicheng-pooled.yaml", "yancheng-nodes.yaml", "shangrao-risk.yaml", "linshu-pull.yaml", "yinzhou-diversion.yaml", "fengtai-quotas.yaml"];

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_sample_courts_figures_are_the_same_whether_it_keeps_or_streams_its_closed_cases(string file)
    {
        var scenario = Sample(file);

        var kept = RunCourts(scenario with { ClosedCases = ClosedCases.Keep });
        var streamed = RunCourts(scenario with { ClosedCases = ClosedCases.Stream });

        Assert.Equal(kept, streamed);
    }

    [Fact]
    public void Appeals_between_two_levels_count_the_same_whether_the_courts_keep_or_stream_their_closed_cases()
    {
        var scenario = LoadValid(Appeals.AppealScenarios.TwoLevels);

        var kept = new LinkedCourts(scenario, scenario.Seed).Run(30, 1);
        var streamed = new LinkedCourts(scenario with { ClosedCases = ClosedCases.Stream }, scenario.Seed).Run(30, 1);

        Assert.True(kept[0].Appeals!.Returned > 0);
        Assert.Equal(Json(kept), Json(streamed));
    }

    [Fact]
    public void A_streaming_court_holds_slots_for_about_its_open_cases_not_for_every_case_it_had()
    {
        var kept = TestCourts.Prepare(Court(ClosedCases.Keep));
        var streamed = TestCourts.Prepare(Court(ClosedCases.Stream));
        kept.RunToEnd();
        streamed.RunToEnd();

        Assert.False(kept.ReusesClosedSlots);
        Assert.True(streamed.ReusesClosedSlots);
        Assert.Equal(kept.CaseCount, kept.Cases.Length);
        Assert.Equal(kept.CaseCount, streamed.CaseCount);
        var open = streamed.Cases.ToArray().Count(c => (c.Flags & CaseFlags.Folded) == 0);
        Assert.Equal(kept.Cases.ToArray().Count(c => (c.Flags & CaseFlags.Folded) == 0), open);
        // The slots a streaming court ever needed: at most the most cases it held at once, far fewer than it had.
        Assert.True(streamed.Cases.Length < kept.CaseCount / 4, $"{streamed.Cases.Length} slots for {kept.CaseCount} cases");
        Assert.True(streamed.Cases.Length >= open);
    }

    [Fact]
    public void Teams_and_judges_read_the_same_mid_run_and_at_the_end_whether_closed_cases_are_kept_or_streamed()
    {
        var kept = TestCourts.Prepare(Court(ClosedCases.Keep));
        var streamed = TestCourts.Prepare(Court(ClosedCases.Stream));
        foreach (var day in new[] { 90.0, 250.0, 400.0 })
        {
            kept.AdvanceTo(day);
            streamed.AdvanceTo(day);
            for (var t = 0; t < kept.Layout.Teams.Count; t++)
            {
                var keptTeam = CourtViews.Team(kept, t);
                var streamedTeam = CourtViews.Team(streamed, t);
                Assert.True(keptTeam.Closed > 0);
                Assert.Equal(Json(keptTeam), Json(streamedTeam));
                for (var k = 0; k < 2; k++)
                {
                    Assert.Equal(Json(CourtViews.Judge(kept, t, k)), Json(CourtViews.Judge(streamed, t, k)));
                }
            }
        }
        Assert.Equal(Json(CourtStatisticsCollector.Collect(kept)), Json(CourtStatisticsCollector.Collect(streamed)));
    }

    [Fact]
    public void A_streamed_case_reads_as_its_record_while_open_and_as_none_once_done()
    {
        var kept = TestCourts.Prepare(Court(ClosedCases.Keep));
        var streamed = TestCourts.Prepare(Court(ClosedCases.Stream));
        kept.AdvanceTo(300);
        streamed.AdvanceTo(300);

        var done = Enumerable.Range(0, kept.CaseCount).First(i => (kept.Case(i).Flags & CaseFlags.Folded) != 0);
        var open = Enumerable.Range(0, kept.CaseCount).First(i => kept.Case(i).Status == CaseStatus.InProgress);

        Assert.NotNull(CourtViews.Case(kept, done));
        Assert.Null(CourtViews.Case(streamed, done));
        Assert.Equal(CourtViews.Case(kept, open), CourtViews.Case(streamed, open));
        Assert.Null(CourtViews.Case(streamed, kept.CaseCount));
    }

    [Fact]
    public void Collecting_the_figures_mid_run_changes_nothing_that_follows()
    {
        var once = TestCourts.Prepare(Court(ClosedCases.Stream));
        var asked = TestCourts.Prepare(Court(ClosedCases.Stream));
        asked.AdvanceTo(200);
        _ = CourtStatisticsCollector.Collect(asked);
        once.RunToEnd();
        asked.RunToEnd();

        Assert.Equal(Json(CourtStatisticsCollector.Collect(once)), Json(CourtStatisticsCollector.Collect(asked)));
    }

    [Fact]
    public void A_case_record_takes_144_bytes_with_no_padding_inside()
    {
        // docs/simulation.md's memory per case: twelve times, two 64-bit keys, four 32-bit fields, the flags, three
        // 16-bit and six 8-bit fields. A field added without a thought for the national run's memory shows here.
        Assert.Equal(144, System.Runtime.CompilerServices.Unsafe.SizeOf<CaseRecord>());
    }
}
