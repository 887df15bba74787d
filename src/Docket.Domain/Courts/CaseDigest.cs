namespace Docket.Domain.Courts;

/// <summary>
/// What a court keeps in memory of a case once the case has finished (closed, and its last stage done) and its record
/// has left memory: when it was filed and closed, its last stage's time, its last team, type and extensions (what the
/// indicators over any window and the quota credit need, with the days its statutory limit stood still) and where its
/// filing is in the ledger. 48 bytes a case, against a record of several hundred. Idempotency keys are not held here
/// but in the court's journal (<c>ICourtJournal.FindKeyAsync</c>).
/// </summary>
public readonly record struct CaseDigest(
    long FiledTicks,
    long ClosedTicks,
    long LastStageTicks,
    long FilingSeq,
    short Team,
    short Type,
    short Extensions,
    bool Finished,
    double SuspendedDays = 0)
{
    public DateTimeOffset FiledAt => new(FiledTicks, TimeSpan.Zero);

    public DateTimeOffset ClosedAt => new(ClosedTicks, TimeSpan.Zero);

    /// <summary>The time its last stage was reached (the end of archiving).</summary>
    public DateTimeOffset LastStageAt => new(LastStageTicks, TimeSpan.Zero);
}
