namespace Docket.Domain.Balance;

/// <summary>
/// Anhui's balanced closure (case 160): monthly and annual closure-rate baselines, and the weights of the five
/// indicators in the composite balance index.
/// </summary>
public sealed record BalanceSpec(
    IReadOnlyList<double> MonthlyBaseline,
    double AnnualBaseline,
    BalanceWeights Weights)
{
    /// <summary>A case pending longer than this many days is long pending (<c>balance.long_pending_days</c>; case 161's 1.5 years by default).</summary>
    public double LongPendingDays { get; init; } = BalanceInputs.DefaultLongPendingDays;

    public static BalanceSpec Default { get; } = new([.. Enumerable.Repeat(0.0, 12)], 0.0, BalanceWeights.Equal);
}

/// <summary>Weights of the five indicators; they need not sum to 1 (they are normalised).</summary>
public sealed record BalanceWeights(double TimeLimitChange, double TrialTime, double MediationAndSimple, double FileTransfer, double LongPending)
{
    public static BalanceWeights Equal { get; } = new(1, 1, 1, 1, 1);
}
