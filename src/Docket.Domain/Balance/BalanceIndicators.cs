namespace Docket.Domain.Balance;

/// <summary>
/// Anhui's five indicators (case 160) for a court or a team, and the composite balance index: each indicator is
/// turned into a score in [0, 1] (higher is better) and the scores are averaged with the scenario's weights, ×100.
/// </summary>
/// <param name="TimeLimitChangeRate">Extensions granted to the cases filed in the window ÷ those cases (summary.json's one time-limit change rate).</param>
/// <param name="TrialTimeIndex">Mean days to disposition ÷ mean statutory limit of the cases closed.</param>
/// <param name="MediationAndSimpleShare">(Mediated + fast-track closures) ÷ (mediated + closures).</param>
/// <param name="FileTransferDays">Mean days from closure to the end of the last stage (archiving, transfer).</param>
/// <param name="LongPendingShare">Cases pending over a year ÷ cases pending at the end.</param>
public sealed record BalanceIndicators(
    double TimeLimitChangeRate,
    double TrialTimeIndex,
    double MediationAndSimpleShare,
    double FileTransferDays,
    double LongPendingShare)
{
    /// <summary>File transfer of this many days or more scores 0.</summary>
    public const double FileTransferZeroDays = 60.0;

    public double Index(BalanceWeights weights)
    {
        var total = weights.TimeLimitChange + weights.TrialTime + weights.MediationAndSimple + weights.FileTransfer + weights.LongPending;
        if (total <= 0)
        {
            return 0.0;
        }
        var score =
            (weights.TimeLimitChange * Clamp(1 - TimeLimitChangeRate)) +
            (weights.TrialTime * Clamp(1 - TrialTimeIndex)) +
            (weights.MediationAndSimple * Clamp(MediationAndSimpleShare)) +
            (weights.FileTransfer * Clamp(1 - (FileTransferDays / FileTransferZeroDays))) +
            (weights.LongPending * Clamp(1 - LongPendingShare));
        return 100.0 * score / total;
    }

    private static double Clamp(double v) => Math.Clamp(v, 0.0, 1.0);
}
