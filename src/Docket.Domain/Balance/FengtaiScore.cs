namespace Docket.Domain.Balance;

/// <summary>
/// Fengtai's base-plus-bonus score (case 155) from quota attainment a: a base of 100 × min(a, 1) — so a shortfall
/// costs base points — plus a bonus of 50 points for each full quota beyond the target (50 × (a − 1) when a > 1).
/// </summary>
public static class FengtaiScore
{
    public const double Base = 100.0;
    public const double BonusPerQuota = 50.0;

    public static double Of(double attainment) =>
        (Base * Math.Min(attainment, 1.0)) + (BonusPerQuota * Math.Max(0.0, attainment - 1.0));
}
