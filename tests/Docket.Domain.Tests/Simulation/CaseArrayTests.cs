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
    public void Mapping_a_case_arrays_pages_ahead_leaves_every_record_as_it_was()
    {
        var cases = new CaseRecord[100_000];
        for (var i = 0; i < cases.Length; i += 7)
        {
            cases[i] = new CaseRecord { Ordinal = i, Received = i / 3.0, Key = (ulong)i * 31 };
        }

        var answer = PageFaults.Populate(cases);

        // 0 where the kernel knows the advice (Linux 5.14 on), -1 where it does not: either way nothing moves.
        Assert.True(answer is 0 or -1, $"madvise answered {answer}");
        for (var i = 0; i < cases.Length; i++)
        {
            Assert.Equal(i % 7 == 0 ? new CaseRecord { Ordinal = i, Received = i / 3.0, Key = (ulong)i * 31 } : default, cases[i]);
        }
    }
}
