namespace Docket.Domain.Courts;

/// <summary>
/// What is kept of a case once it has finished (closed, and its last stage done) and its record has left the court's
/// memory: when it was filed and closed, its last stage's time, its last team, type and extensions, the days its
/// statutory limit stood still, where its filing is in the ledger and the entry that finished it. The court writes it
/// to storage with that entry (one row a case, <c>ICourtJournal</c>) and keeps none in memory; the indicators, the
/// reports and the warnings list read it back by range. Team and type are by id, so a row stays readable whatever
/// order a later layout lists them in.
/// </summary>
public readonly record struct FinishedCase(
    long Number,
    long FinishedSeq,
    long FiledTicks,
    long ClosedTicks,
    long LastStageTicks,
    long FilingSeq,
    string Team,
    string Type,
    int Extensions,
    double SuspendedDays)
{
    public DateTimeOffset FiledAt => new(FiledTicks, TimeSpan.Zero);

    public DateTimeOffset ClosedAt => new(ClosedTicks, TimeSpan.Zero);

    /// <summary>The time its last stage was reached (the end of archiving).</summary>
    public DateTimeOffset LastStageAt => new(LastStageTicks, TimeSpan.Zero);
}

/// <summary>
/// Where a finished case's row stands in the order the indicators and reports read the rows in: by the time its last
/// stage was reached, then by case number. Reading from <see cref="Since"/> a time reads the rows last staged at or
/// after it, and only those (storage keeps them indexed in this order).
/// </summary>
public readonly record struct FinishedKey(long LastStageTicks, long Number) : IComparable<FinishedKey>
{
    /// <summary>The key just before every row last staged at or after <paramref name="at"/> (case numbers start at 1).</summary>
    public static FinishedKey Since(DateTimeOffset at) => new(at.UtcTicks, 0);

    public static FinishedKey Of(FinishedCase f) => new(f.LastStageTicks, f.Number);

    public int CompareTo(FinishedKey other) =>
        LastStageTicks != other.LastStageTicks ? LastStageTicks.CompareTo(other.LastStageTicks) : Number.CompareTo(other.Number);
}
