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
