namespace Docket.Domain.Balance;

/// <summary>
/// Anhui's closure-rate baselines (case 160) compared with figures of their own definition. A window is cut into
/// years of 12 window months. A year's <b>closure rate</b> is closed in the year ÷ cases accepted in it (pending at the
/// year's start + filed in the year), as the annual baseline reads it. A month's <b>closure share</b> is closed in the
/// month ÷ the cases accepted in its year, so the 12 shares of a year add up to the year's closure rate, and a monthly
/// baseline (typically 0.05–0.12: the part of the year's closures due that month) is compared with the share.
/// </summary>
public static class ClosureBaselines
{
    public const int MonthsPerYear = 12;

    /// <summary>One window month's cases: pending at its start, filed and closed in it.</summary>
    public readonly record struct Month(double PendingStart, double Filed, double Closed);

    /// <summary>Each month's closure share: closed in the month ÷ (pending at its year's start + filed in its year).</summary>
    public static double[] MonthShares(IReadOnlyList<Month> months)
    {
        var shares = new double[months.Count];
        for (var m = 0; m < months.Count; m++)
        {
            var accepted = Accepted(months, m / MonthsPerYear);
            shares[m] = accepted > 0 ? months[m].Closed / accepted : 0.0;
        }
        return shares;
    }

    /// <summary>
    /// The closure rate of each year the annual baseline is compared with: every full 12-month year of the window, or
    /// the window itself when it is shorter than a year (a last part-year after full ones is not an annual figure).
    /// </summary>
    public static double[] YearRates(IReadOnlyList<Month> months)
    {
        var years = Math.Max(1, months.Count / MonthsPerYear);
        var rates = new double[years];
        for (var y = 0; y < years; y++)
        {
            var accepted = Accepted(months, y);
            var closed = 0.0;
            for (var m = y * MonthsPerYear; m < Math.Min(months.Count, (y + 1) * MonthsPerYear); m++)
            {
                closed += months[m].Closed;
            }
            rates[y] = accepted > 0 ? closed / accepted : 0.0;
        }
        return rates;
    }

    /// <summary>Pending at the year's first month's start + filed in the year's months (those the window has).</summary>
    private static double Accepted(IReadOnlyList<Month> months, int year)
    {
        var first = year * MonthsPerYear;
        if (first >= months.Count)
        {
            return 0.0;
        }
        var accepted = months[first].PendingStart;
        for (var m = first; m < Math.Min(months.Count, first + MonthsPerYear); m++)
        {
            accepted += months[m].Filed;
        }
        return accepted;
    }
}
