using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
namespace Docket.Grains;

/// <summary>
/// The <c>Docket:Deadlines</c> configuration section: how often each court's deadline watcher runs (an Orleans
/// reminder, so it also runs in a court that is not active; Orleans' shortest reminder period is one minute).
/// </summary>
public sealed class DeadlineWatchOptions
{
    public const string Section = "Docket:Deadlines";

    /// <summary>Minutes between a court's deadline watches (at least 1).</summary>
    public double WatchMinutes { get; set; } = 1;

    public TimeSpan Period => TimeSpan.FromMinutes(Math.Max(1, double.IsFinite(WatchMinutes) ? WatchMinutes : 1));
}
