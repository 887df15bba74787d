namespace Docket.Domain.Quality;

/// <summary>
/// The rules of quality review both drivers apply (cases 162, 166, 159): which closed files are drawn, what a review
/// finds, which card a finding earns, and when a reviewed file may be archived. Times are in days on any common
/// clock (the simulator's day, the live service's days since the epoch).
/// </summary>
public static class QualityRules
{
    /// <summary>
    /// Whether a file outside the set categories falls in the proportional sample: <paramref name="u"/> is the
    /// file's own uniform draw in [0, 1).
    /// </summary>
    public static bool InSample(double u, double share) => u < share;

    /// <summary>
    /// Whether the judge's <paramref name="nth"/> file of the year (1-based) takes the judge's yearly place
    /// (reservoir sampling of one: each file of the year ends up in it with equal chance, case 166), given its
    /// uniform draw <paramref name="u"/>. The first file always takes it, so a judge who closes a file is reviewed.
    /// </summary>
    public static bool TakesJudgePlace(int nth, double u) => nth >= 1 && u * nth < 1;

    /// <summary>
    /// Whether the live court holds a judge's closed file for the next review draw (case 166): while no draw has yet
    /// drawn a file of the judge's year, the judge's <paramref name="nth"/> file of the year is held when it takes the
    /// judge's place (<see cref="TakesJudgePlace"/>: always the first), so a judge closing files in a year has one
    /// waiting for a draw, and the latest held is equally likely to be any of the year's files closed so far.
    /// </summary>
    public static bool HoldsForJudgeYear(bool drawnThisYear, int nth, double u) => !drawnThisYear && TakesJudgePlace(nth, u);

    /// <summary>
    /// The live court's review year of a moment: the UTC calendar year (a judge's file of the year is of the year of
    /// its closure; the ledger's times are UTC, and the replay re-makes the holds by this year).
    /// </summary>
    public static int ReviewYearOf(DateTimeOffset at) => at.UtcDateTime.Year;

    /// <summary>
    /// What a review finds, from its uniform draw <paramref name="u"/>: a serious problem with the odds' serious
    /// share, a general one with the general share, each multiplied by <paramref name="afterLimitFactor"/> for a file
    /// closed after its limit (capped so the two never exceed 1).
    /// </summary>
    public static QualityFinding Find(double u, FindingOdds odds, bool closedAfterLimit, double afterLimitFactor)
    {
        var factor = closedAfterLimit ? afterLimitFactor : 1.0;
        var serious = Math.Min(1.0, odds.Serious * factor);
        var general = Math.Min(1.0 - serious, odds.General * factor);
        return u < serious ? QualityFinding.Serious : u < serious + general ? QualityFinding.General : QualityFinding.None;
    }

    /// <summary>
    /// The card a finding earns: none for no problem, red for a serious problem, and for a general problem yellow —
    /// or red when the same judge's previous general problem was found within <paramref name="windowDays"/> before
    /// (<paramref name="lastGeneral"/>; NaN when there was none).
    /// </summary>
    public static QualityCard CardFor(QualityFinding finding, double lastGeneral, double now, double windowDays) => finding switch
    {
        QualityFinding.Serious => QualityCard.Red,
        QualityFinding.General => now - lastGeneral <= windowDays ? QualityCard.Red : QualityCard.Yellow,
        _ => QualityCard.None,
    };

    /// <summary>
    /// Draws the sample among <paramref name="files"/> (closed files, in case-number order): every file of a set
    /// category and every file holding its judge's place of the year, then for each judge without one yet a file of theirs uniformly at random, then each remaining file
    /// with probability <paramref name="share"/>. The draws come from <paramref name="stream"/> in that order, so anyone
    /// holding the stream's key re-makes the same sample. Returns the indexes into <paramref name="files"/>, ascending.
    /// </summary>
    public static IReadOnlyList<int> DrawSample(IReadOnlyList<SampleCandidate> files, double share, Random stream)
    {
        var drawn = new bool[files.Count];
        var judges = new List<string>();
        var covered = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++)
        {
            if (!covered.Contains(files[i].Judge) && !judges.Contains(files[i].Judge))
            {
                judges.Add(files[i].Judge);
            }
            if (files[i].ReviewedInFull || files[i].JudgePlace)
            {
                drawn[i] = true;
                covered.Add(files[i].Judge);
            }
        }
        foreach (var judge in judges.Where(j => !covered.Contains(j)))
        {
            var theirs = Enumerable.Range(0, files.Count).Where(i => files[i].Judge == judge).ToList();
            drawn[theirs[stream.Next(theirs.Count)]] = true;
        }
        for (var i = 0; i < files.Count; i++)
        {
            if (!drawn[i] && InSample(stream.NextDouble(), share))
            {
                drawn[i] = true;
            }
        }
        return [.. Enumerable.Range(0, files.Count).Where(i => drawn[i])];
    }
}

/// <summary>
/// A closed file the sample may draw: its judge, whether its category is reviewed in full, and whether it holds its
/// judge's place of the year (held at closure for the draw, <see cref="QualityRules.HoldsForJudgeYear"/>): both are drawn.
/// </summary>
public readonly record struct SampleCandidate(string Judge, bool ReviewedInFull, bool JudgePlace = false);
