namespace Docket.Domain.Courts;

/// <summary>
/// What a court keeps in memory of a case once the case has finished (closed, and its last stage done) and its record
/// has left memory: when it was filed and closed, its last stage's time, its last team, type and extensions (what the
/// indicators over any window and the quota credit need, with the days its statutory limit stood still), where its
/// filing is in the ledger and its idempotency key's fingerprint (to answer a retry from the ledger). 56 bytes a case,
/// against a record of several hundred.
/// </summary>
public readonly record struct CaseDigest(
    long FiledTicks,
    long ClosedTicks,
    long LastStageTicks,
    long FilingSeq,
    ulong KeyPrint,
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
