namespace Docket.Domain.Balance;

/// <summary>
/// Anhui's five indicators (case 160) for a court or a team, and the composite balance index: each indicator is
/// turned into a score in [0, 1] (higher is better) and the scores are averaged with the scenario's weights, ×100.
/// </summary>
/// <param name="TimeLimitChangeRate">Extensions granted to the cases filed in the window ÷ those cases (summary.json's one time-limit change rate).</param>
/// <param name="TrialTimeIndex">
/// Σ days to disposition, less the days in stages that suspend the limit, ÷ Σ statutory limit days of the cases closed
/// (types with a limit): the one definition, for summary.json, the live KPIs and the dockets' figures.
/// </param>
/// <param name="MediationAndSimpleShare">(Mediated + fast-track closures) ÷ (mediated + closures): the fast track is simple procedure.</param>
/// <param name="FileTransferDays">
/// Mean days an appealed case's file takes between court levels (case 160: 上下级法院之间卷宗流转时间); null when no
/// case was appealed, and then the index leaves the indicator out (its weight with it).
/// </param>
/// <param name="LongPendingShare">Cases pending past the long-pending threshold ÷ cases pending at the end.</param>
public sealed record BalanceIndicators(
    double TimeLimitChangeRate,
    double TrialTimeIndex,
    double MediationAndSimpleShare,
    double? FileTransferDays,
    double LongPendingShare)
{
    /// <summary>Mean days from closure to the end of the last stage (archiving): not one of the five indicators.</summary>
    public double ClosureToArchiveDays { get; init; }

    /// <summary>File transfer of this many days or more scores 0.</summary>
    public const double FileTransferZeroDays = 60.0;

    public double Index(BalanceWeights weights)
    {
        var fileTransferWeight = FileTransferDays is null ? 0 : weights.FileTransfer;
        var total = weights.TimeLimitChange + weights.TrialTime + weights.MediationAndSimple + fileTransferWeight + weights.LongPending;
        if (total <= 0)
        {
            return 0.0;
        }
        var score =
            (weights.TimeLimitChange * Clamp(1 - TimeLimitChangeRate)) +
            (weights.TrialTime * Clamp(1 - TrialTimeIndex)) +
            (weights.MediationAndSimple * Clamp(MediationAndSimpleShare)) +
            (fileTransferWeight * Clamp(1 - ((FileTransferDays ?? 0) / FileTransferZeroDays))) +
            (weights.LongPending * Clamp(1 - LongPendingShare));
        return 100.0 * score / total;
    }

    private static double Clamp(double v) => Math.Clamp(v, 0.0, 1.0);
}
