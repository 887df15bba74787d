using System.Runtime.CompilerServices;
using Docket.Domain.Scenarios;
using Docket.Domain.Simulation;
using Docket.Domain.Tests.Scenarios;
using Docket.Domain.Tests.Support;

namespace Docket.Domain.Tests.Simulation;

/// <summary>How much room a court's case array is given before its run (<see cref="CourtSimulation.ExpectedCases"/>).</summary>
public sealed class CaseArrayTests
{
    /// <summary>Arrays of this many bytes or more go to the large-object heap, collected only by full collections.</summary>
    private const int LargeObjectBytes = 85_000;

    private static Scenario Sample(string file) =>
        ScenarioTestSupport.LoadValid(File.ReadAllText(Path.Combine(ScenarioTestSupport.RepoRoot(), "scenarios", file)));

    [Fact]
    public void A_small_courts_case_array_holds_its_whole_run_and_stays_off_the_large_object_heap()
    {
        // The minimal sample's first year, about 320 cases (as the benchmarks run it).
        var simulation = TestCourts.Prepare(Sample("minimal.yaml") with { Days = 365, WarmupDays = 0 });
        var room = CourtSimulation.ExpectedCases(simulation.Layout, null);
        simulation.RunToEnd();

        Assert.True(simulation.CaseCount <= room, $"{simulation.CaseCount} cases in room for {room}");
        Assert.True((long)room * Unsafe.SizeOf<CaseRecord>() < LargeObjectBytes, $"room for {room} cases is {room * Unsafe.SizeOf<CaseRecord>()} bytes");
    }

    [Fact]
    public void A_large_courts_case_array_has_room_for_its_expected_intake_and_five_standard_deviations_more()
    {
        var scenario = Sample("xicheng-pooled.yaml");
        var layout = TestCourts.Prepare(scenario).Layout;
        var spec = layout.Spec;
        var mean = spec.Backlog.Sum(b => (double)b.Count) + (spec.Intake.Sum(s => s.PerYear) * scenario.Days / SimulationYear.Days);

        Assert.True(CourtSimulation.ExpectedCases(layout, null) >= mean + (5 * Math.Sqrt(mean)));
    }

    [Fact]
    public void Mapping_a_case_arrays_pages_ahead_touches_each_page_and_leaves_every_record_as_it_was()
    {
        var cases = new CaseRecord[100_000];
        for (var i = 0; i < cases.Length; i += 7)
        {
            cases[i] = Record(i);
        }

        var touched = PageFaults.Touch(cases);

        var pages = (long)cases.Length * Unsafe.SizeOf<CaseRecord>() / 4096;
        Assert.InRange(touched, pages - 1, pages + 1);
        for (var i = 0; i < cases.Length; i++)
        {
            Assert.Equal(i % 7 == 0 ? Record(i) : default, cases[i]);
        }
    }

    [Fact]
    public async Task Records_written_while_the_pages_are_mapped_ahead_are_all_kept()
    {
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var cases = new CaseRecord[200_000];
            var mapping = Task.Run(() => PageFaults.Touch(cases));
            // From the end, so the writes meet the pages' mapping from the start midway and both touch the same pages.
            for (var i = cases.Length - 1; i >= 0; i--)
            {
                cases[i] = Record(i);
            }
            await mapping;
            for (var i = 0; i < cases.Length; i++)
            {
                Assert.Equal(Record(i), cases[i]);
            }
        }
    }

    private static CaseRecord Record(int i) => new() { Ordinal = i, Received = i / 3.0, Key = ((ulong)i * 31) + 1 };
}
