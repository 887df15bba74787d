using Docket.Domain.Assignment;
using Docket.Domain.Calendar;
using Docket.Domain.Cases;
using Docket.Domain.Intake;
using Docket.Domain.Staffing;

namespace Docket.Domain.Scenarios;

/// <summary>A planner's scenario: one or many courts, their case types, staff, intake and policies.</summary>
public sealed record Scenario(
    string Name,
    ulong Seed,
    int Days,
    int WarmupDays,
    int Replications,
    WorkCalendar Calendar,
    RoleCatalog Roles,
    IReadOnlyList<CaseType> CaseTypes,
    IReadOnlyList<CourtSpec> Courts)
{
    /// <summary>The longest run a scenario (or <c>--days</c>) may ask for: a century of simulated days.</summary>
    public const int MaxDays = 36_525;

    /// <summary>The most replications a scenario (or <c>--replications</c>) may ask for.</summary>
    public const int MaxReplications = 1_000;

    /// <summary>The calendar's earliest and latest start dates: a run and its backlog's filing dates stay in range.</summary>
    public static readonly DateOnly EarliestStart = new(1900, 1, 1);

    /// <inheritdoc cref="EarliestStart"/>
    public static readonly DateOnly LatestStart = new(2999, 12, 31);

    /// <summary>
    /// Whether <paramref name="name"/> can name a run's default output folder (<c>out/NAME</c>): at most 100 bytes of
    /// letters (with their marks), digits, '-', '_', '.' and inner spaces, starting with a letter or digit and ending
    /// with neither a space nor a dot — no path separators, no "..", no control characters. Only the default folder
    /// needs it: a scenario's name is also its court's id, which a live service's stored ledger is keyed by.
    /// </summary>
    public static bool IsFolderName(string name)
    {
        if (name.Length == 0 || System.Text.Encoding.UTF8.GetByteCount(name) > 100 || name[^1] is ' ' or '.')
        {
            return false;
        }
        var first = true;
        foreach (var rune in name.EnumerateRunes())
        {
            var mark = System.Text.Rune.GetUnicodeCategory(rune) is System.Globalization.UnicodeCategory.NonSpacingMark
                or System.Globalization.UnicodeCategory.SpacingCombiningMark;
            var allowed = System.Text.Rune.IsLetterOrDigit(rune) || (!first && (mark || rune.Value is '-' or '_' or '.' or ' '));
            if (!allowed)
            {
                return false;
            }
            first = false;
        }
        return true;
    }

    /// <summary>Balanced-closure baselines and index weights (case 160).</summary>
    public Balance.BalanceSpec Balance { get; init; } = Docket.Domain.Balance.BalanceSpec.Default;

    /// <summary>Coins and their re-balancing (case 163).</summary>
    public Balance.ScoringSpec Scoring { get; init; } = Docket.Domain.Balance.ScoringSpec.Default;

    /// <summary>Whether a simulated court keeps its done cases' records or folds them into its figures and reuses their memory.</summary>
    public ClosedCases ClosedCases { get; init; } = ClosedCases.Keep;

    public int TypeIndex(string typeId)
    {
        for (var i = 0; i < CaseTypes.Count; i++)
        {
            if (CaseTypes[i].Id == typeId)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>Every court the scenario expands to (a court entry with count N gives N courts).</summary>
    public IEnumerable<(CourtSpec Spec, string CourtId)> ExpandCourts()
    {
        foreach (var court in Courts)
        {
            for (var n = 1; n <= court.Count; n++)
            {
                yield return (court, court.Count == 1 ? court.Id : $"{court.Id}-{n}");
            }
        }
    }

    public int CourtCount => Courts.Sum(c => c.Count);
}

/// <summary>A court (or <see cref="Count"/> alike courts): its intake, teams, shared pools and policies.</summary>
public sealed record CourtSpec(
    string Id,
    int Count,
    IReadOnlyList<IntakeStream> Intake,
    IReadOnlyList<TeamGroup> Teams,
    IReadOnlyList<SharedPool> Pools,
    AssignmentSpec Assignment,
    IReadOnlyList<Absence> Absences,
    IReadOnlyList<BacklogEntry> Backlog,
    double? QuotaTarget)
{
    /// <summary>The court's supervisors, warning times and meetings.</summary>
    public Supervision.SupervisionSpec Supervision { get; init; } = Docket.Domain.Supervision.SupervisionSpec.Default;

    /// <summary>What the court appeals to the court above; null when it appeals nothing.</summary>
    public Appeals.AppealSpec? Appeals { get; init; }

    /// <summary>The court's quality review of closed files (cases 162, 166, 159); null when it has none.</summary>
    public Quality.QualityReviewSpec? QualityReview { get; init; }
}

/// <summary>What a simulated court does with a case once it is done (archived, or settled in mediation).</summary>
public enum ClosedCases
{
    /// <summary>Keeps its record: every case stays readable (a case grain's view) until the run ends.</summary>
    Keep,

    /// <summary>Folds it into the court's figures and gives its memory to a later case: memory follows the open cases.</summary>
    Stream,
}
