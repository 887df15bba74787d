using Docket.Domain.Cases;
using Docket.Domain.Quality;

namespace Docket.Domain.Simulation;

/// <summary>
/// What a simulated court keeps for its quality review (<see cref="QualityReviewSpec"/>): per case type whether its
/// files are reviewed in full, their odds and the stage before which archiving waits; per judge the file holding
/// the judge's yearly place, the judge's files closed this review year, whether one was reviewed, and when the last
/// general problem was found. Allocated once, only for a court that has a quality review.
/// </summary>
internal sealed class QualityDesk
{
    public QualityDesk(QualityReviewSpec spec, CaseType[] types, CourtLayout layout)
    {
        Spec = spec;
        ReviewsAll = [.. types.Select(spec.ReviewsAll)];
        Odds = [.. types.Select(t => spec.OddsOf(t.Id))];
        // Archiving is the last stage when it comes after closure; otherwise the file is archived on closure.
        ArchiveStage = [.. types.Select((t, i) => t.Stages.Count - 1 > layout.ClosingStage[i] ? t.Stages.Count - 1 : t.Stages.Count)];
        var judges = layout.JudgeCount;
        JudgePlace = [.. Enumerable.Repeat(-1, judges)];
        JudgeFiles = new int[judges];
        JudgeReviewed = new bool[judges];
        LastGeneral = [.. Enumerable.Repeat(double.NaN, judges)];
    }

    public QualityReviewSpec Spec { get; }

    public bool[] ReviewsAll { get; }

    public FindingOdds[] Odds { get; }

    public int[] ArchiveStage { get; }

    public int[] JudgePlace { get; }

    public int[] JudgeFiles { get; }

    public bool[] JudgeReviewed { get; }

    public double[] LastGeneral { get; }

    /// <summary>Files held by their category or the sample, waiting for the next session.</summary>
    public List<int> Queue { get; } = [];

    /// <summary>The day of review session <paramref name="session"/> (1, 2, 3…), evenly spaced through each year.</summary>
    public double SessionAt(int session) => session * SimulationYear.Days / Spec.SessionsPerYear;

    /// <summary>Whether session <paramref name="session"/> closes a review year (the judges' places are reviewed).</summary>
    public bool EndsYear(int session) => session % Spec.SessionsPerYear == 0;
}
