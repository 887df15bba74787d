using Docket.Domain.Cases;
using Docket.Domain.Staffing;

namespace Docket.Domain.Quality;

/// <summary>
/// A court's quality review of closed files (cases 162, 166, 154, 159): <see cref="SessionsPerYear"/> review
/// sessions a year (twice-yearly by default) review the files of the set <see cref="Categories"/> in full, a
/// proportional random sample (<see cref="SampleShare"/>) of the others and at least one file per judge per year at
/// random; the reviewers are the supervisors of role <see cref="Reviewer"/> (their hours, <see cref="ReviewHours"/>
/// a file). A reviewed file is archived only after its review passes.
/// </summary>
public sealed record QualityReviewSpec
{
    /// <summary>The supervising role whose staff review (their hours are spent on it): a division head by default.</summary>
    public string Reviewer { get; init; } = RoleCatalog.DivisionHead;

    /// <summary>A reviewer's time to review one file.</summary>
    public EffortDistribution ReviewHours { get; init; } = new FixedEffort(2.0);

    /// <summary>Review sessions a year, evenly spaced (case 162: twice a year).</summary>
    public int SessionsPerYear { get; init; } = 2;

    /// <summary>The share of the files outside the set categories drawn at random (case 162's proportional sample).</summary>
    public double SampleShare { get; init; } = 0.05;

    /// <summary>Case type ids or categories whose every file is reviewed (case 162's set categories).</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>What a review finds in a file of a type without its own odds.</summary>
    public FindingOdds Findings { get; init; } = FindingOdds.Default;

    /// <summary>Odds of the case types that have their own, by type id.</summary>
    public IReadOnlyDictionary<string, FindingOdds> FindingsByType { get; init; } = new Dictionary<string, FindingOdds>();

    /// <summary>The odds of a problem are multiplied by this for a file closed after its statutory limit (1: not raised).</summary>
    public double AfterLimitFactor { get; init; } = 1.0;

    /// <summary>A judge's second general problem within this many days of the first is a red card, not a yellow one.</summary>
    public double RepeatWindowDays { get; init; } = 365;

    /// <summary>Days the judge has to fix a file after a yellow card (the letter); the file passes once fixed.</summary>
    public double YellowFixDays { get; init; } = 15;

    /// <summary>Days the judge has to fix a file after a red card (the deadline announced court-wide).</summary>
    public double RedFixDays { get; init; } = 30;

    /// <summary>The judge's hours to fix a file after a yellow card (the file passes once the fix is done and its days have passed).</summary>
    public EffortDistribution YellowFixHours { get; init; } = new FixedEffort(4.0);

    /// <summary>The judge's hours to fix a file after a red card.</summary>
    public EffortDistribution RedFixHours { get; init; } = new FixedEffort(8.0);

    /// <summary>The supervising roles a scenario may name as reviewers.</summary>
    public static IReadOnlyList<string> ReviewerRoles { get; } = [RoleCatalog.DivisionHead, RoleCatalog.VicePresident, RoleCatalog.President];

    /// <summary>Whether every file of <paramref name="type"/> is reviewed: its id or its category is one of <see cref="Categories"/>.</summary>
    public bool ReviewsAll(CaseType type)
    {
        foreach (var name in Categories)
        {
            if (name == type.Id || name == type.Category)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The odds of a finding in a file of <paramref name="type"/>.</summary>
    public FindingOdds OddsOf(string type) => FindingsByType.TryGetValue(type, out var odds) ? odds : Findings;

    /// <summary>Days the judge has to fix a file after <paramref name="card"/>.</summary>
    public double FixDays(QualityCard card) => card == QualityCard.Red ? RedFixDays : YellowFixDays;

    /// <summary>The judge's hours to fix a file after <paramref name="card"/>.</summary>
    public EffortDistribution FixHours(QualityCard card) => card == QualityCard.Red ? RedFixHours : YellowFixHours;
}

/// <summary>The odds that a review finds a general problem (a yellow card) or a serious one (a red card) in a file.</summary>
public sealed record FindingOdds(double General, double Serious)
{
    /// <summary>The defaults: 8% general problems, 2% serious ones (the issue gives no figure; docs/scenarios.md).</summary>
    public static FindingOdds Default { get; } = new(0.08, 0.02);
}
