namespace Docket.Abstractions;

/// <summary>
/// A court that found its ledger broken (at activation, by the background verification or by an auditor's verify)
/// and serves none of its work: the court, the first entry that does not verify, and why. The HTTP layer answers 503.
/// </summary>
[GenerateSerializer, Alias("docket.live.court-closed")]
public sealed class CourtClosedException : Exception
{
    public CourtClosedException(string court, long? firstBadSeq, string problem)
        : base($"court {court} is closed: its ledger does not verify at entry {firstBadSeq}: {problem}")
    {
        Court = court;
        FirstBadSeq = firstBadSeq;
        Problem = problem;
    }

    [Id(0)]
    public string Court { get; }

    [Id(1)]
    public long? FirstBadSeq { get; }

    [Id(2)]
    public string Problem { get; }
}
