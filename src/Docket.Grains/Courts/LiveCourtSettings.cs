using Microsoft.Extensions.Options;

namespace Docket.Grains;

/// <summary>
/// The live court grain's settings from configuration, in one place: its metrics, deadline watch, memory, background
/// verification and absences (each section's defaults when the host configures none).
/// </summary>
public sealed class LiveCourtSettings(
    IOptions<LiveMetricsOptions> metrics,
    IOptions<DeadlineWatchOptions> watch,
    IOptions<CourtMemoryOptions> memory,
    IOptions<LedgerCheckOptions> check,
    IOptions<AbsenceOptions> absence)
{
    public LiveMetricsOptions Metrics => metrics.Value;

    public DeadlineWatchOptions Watch => watch.Value;

    public CourtMemoryOptions Memory => memory.Value;

    public LedgerCheckOptions Check => check.Value;

    public AbsenceOptions Absence => absence.Value;
}
