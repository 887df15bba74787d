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

    public TimeSpan Period => TimeSpan.FromMinutes(Math.Max(1, double.IsFinite(WatchMinutes) ? WatchMinutes : 1));
}
