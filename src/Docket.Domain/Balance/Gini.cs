namespace Docket.Domain.Balance;

/// <summary>The Gini coefficient of non-negative values: 0 when all are equal, towards 1 when one holds everything.</summary>
public static class Gini
{
    public static double Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var n = sorted.Length;
        var total = sorted.Sum();
        if (n < 2 || total <= 0)
        {
            return 0.0;
        }
        var weighted = 0.0;
        for (var i = 0; i < n; i++)
        {
            weighted += (i + 1) * sorted[i];
        }
        return ((2 * weighted) / (n * total)) - ((n + 1.0) / n);
    }
}
