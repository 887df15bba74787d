using Docket.Domain.Assignment;
using Docket.Domain.Simulation;
using Docket.Domain.Statistics;
using Docket.Domain.Tests.Support;

namespace Docket.Domain.Tests.Statistics;

/// <summary>A court's done cases folded off its loop (<see cref="DoneCaseFolder"/>) against the same cases folded inline.</summary>
public sealed class DoneCaseFolderTests
{
    /// <summary>A kept court of a few thousand cases over three years: many of the folder's batches, cases of every age.</summary>
    private static CourtSimulation KeptCourt() =>
        TestCourts.Simulate(TestCourts.Minimal(new AssignmentSpec(AssignmentPolicyKind.Random), days: 3 * 365, warmup: 365, teams: 20, perYear: 4_000));

    private static CaseRecord[] Records(CourtSimulation simulation) =>
        [.. Enumerable.Range(0, simulation.CaseCount).Select(i => simulation.Case(i))];

    [Fact]
    public void Folding_off_the_loop_gives_the_inline_folds_figures_bit_for_bit_in_the_order_handed_over()
    {
        var simulation = KeptCourt();
        var records = Records(simulation);
        // A fixed shuffle, so that the order (not only the set) of the cases decides the sums and the lists.
        var random = new Random(11);
        random.Shuffle(records);
        var inline = new CaseFold(simulation.Layout);
        var folder = new DoneCaseFolder(new CaseFold(simulation.Layout), offLoop: true);

        foreach (var record in records)
        {
            inline.Add(in record);
            folder.Add(in record);
        }

        AssertSame(inline, folder.Fold);
        Assert.True(records.Length > 2 * DoneCaseFolder.BatchSize, $"{records.Length} cases");
    }

    [Fact]
    public void A_read_between_hand_overs_sees_every_case_handed_over_so_far_and_folding_goes_on_after_it()
    {
        var simulation = KeptCourt();
        var records = Records(simulation);
        var inline = new CaseFold(simulation.Layout);
        var folder = new DoneCaseFolder(new CaseFold(simulation.Layout), offLoop: true);

        for (var i = 0; i < records.Length; i++)
        {
            inline.Add(in records[i]);
            folder.Add(in records[i]);
            if (i == 100 || i == DoneCaseFolder.BatchSize - 1 || i == DoneCaseFolder.BatchSize || i == (2 * DoneCaseFolder.BatchSize) + 7)
            {
                AssertSame(inline, folder.Fold);
            }
        }

        AssertSame(inline, folder.Fold);
    }

    [Fact]
    public void A_fold_that_fails_on_the_worker_is_reported_to_the_loop_at_its_next_read()
    {
        var simulation = KeptCourt();
        var folder = new DoneCaseFolder(new CaseFold(simulation.Layout), offLoop: true);
        // A record of a case type the court does not have: folding it fails wherever it is folded.
        var broken = simulation.Case(0) with { Type = 999 };

        for (var i = 0; i < DoneCaseFolder.BatchSize; i++)
        {
            folder.Add(in broken);
        }
        var failure = Assert.Throws<InvalidOperationException>(() => folder.Fold);

        Assert.IsType<IndexOutOfRangeException>(failure.InnerException);
        Assert.Throws<InvalidOperationException>(() => folder.Fold);
    }

    private static void AssertSame(CaseFold expected, CaseFold actual)
    {
        Assert.Equal(expected.Totals, actual.Totals);
        Assert.Equal(expected.TimeToDisposition, actual.TimeToDisposition);
        Assert.Equal(expected.PendingAges, actual.PendingAges);
        Assert.Equal(expected.FiledByMonth, actual.FiledByMonth);
        Assert.Equal(expected.ClosedByMonth, actual.ClosedByMonth);
        Assert.Equal(expected.PendingAt(), actual.PendingAt());
        Assert.Equal(expected.TeamAssigned, actual.TeamAssigned);
        Assert.Equal(expected.TeamClosed, actual.TeamClosed);
        Assert.Equal(expected.TeamUnits, actual.TeamUnits);
        Assert.Equal(expected.JudgeClosures, actual.JudgeClosures);
        Assert.Equal(expected.Types().Select(t => (t.Type, t.Filed, t.Closed, t.DispositionDaysSum)), actual.Types().Select(t => (t.Type, t.Filed, t.Closed, t.DispositionDaysSum)));
    }
}
