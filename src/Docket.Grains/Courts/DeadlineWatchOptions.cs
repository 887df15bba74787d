using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
namespace Docket.Grains;

/// <summary>
/// The <c>Docket:Deadlines</c> configuration section: how often the deadline watch runs — each court's reminder (its
/// own share, and waking teams whose due case waited this long; a reminder also runs in a court that is not active,
/// and Orleans' shortest reminder period is one minute) and each active team grain's timer.
/// </summary>
public sealed class DeadlineWatchOptions
{
    public const string Section = "Docket:Deadlines";

    /// <summary>Minutes between a court's, and an active team's, deadline watches (at least 1).</summary>
    public double WatchMinutes { get; set; } = 1;

    /// <summary>
    /// How many due cases the deadline watches of a silo (every team's and the court's, between them) ask at once; the
    /// rest wait their turn (<see cref="DueCases"/>). Each case asked folds its record from storage and decides its
    /// warnings, so the watches after a restart, which find thousands due, would otherwise take the cores and the
    /// court's turns from the filings coming in.
    /// </summary>
    public int CasesAtOnce { get; set; } = 8;

    public TimeSpan Period => TimeSpan.FromMinutes(Math.Max(1, double.IsFinite(WatchMinutes) ? WatchMinutes : 1));
}
