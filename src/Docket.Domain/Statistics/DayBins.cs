namespace Docket.Domain.Statistics;

/// <summary>
/// The fixed bins of summary.json's day histograms (time to disposition, pending age): the same edges for every
/// scenario so that runs can be overlaid, at the court's own thresholds — a week, Haidian's 15 days, a month, the
/// statutory limits of 2, 3 and 6 months, and the long-pending years (1, 1.5, 2, 3).
/// </summary>
public static class DayBins
{
    /// <summary>Lower edges in days; the last bin is open-ended.</summary>
    public static IReadOnlyList<double> Edges => s_edges;

    private static readonly double[] s_edges = [0, 7, 15, 30, 60, 90, 120, 180, 270, 365, 548, 730, 1095];

    /// <summary>The bin that holds <paramref name="days"/> (negative days fall in the first).</summary>
    public static int IndexOf(double days)
    {
        var i = s_edges.Length - 1;
        while (i > 0 && days < s_edges[i])
        {
            i--;
        }
        return i;
    }

    /// <summary>Counts of <paramref name="days"/> per bin, every bin present (zeros included).</summary>
    public static HistogramBin[] Histogram(ReadOnlySpan<double> days)
    {
        var counts = new double[s_edges.Length];
        // The summary's samples come sorted: walking up the bins from the last one costs a comparison a day, where
        // searching each day's bin from the top cost a dozen. Any day below the current bin (or NaN) is placed by IndexOf.
        var bin = 0;
        foreach (var d in days)
        {
            if (double.IsNaN(d) || (bin > 0 && d < s_edges[bin]))
            {
                bin = IndexOf(d);
            }
            else
            {
                while (bin + 1 < s_edges.Length && d >= s_edges[bin + 1])
                {
                    bin++;
                }
            }
            counts[bin]++;
        }
        return [.. counts.Select((n, i) => new HistogramBin
        {
            FromDays = s_edges[i],
            ToDays = i + 1 < s_edges.Length ? s_edges[i + 1] : null,
            Cases = n,
        })];
    }
}
