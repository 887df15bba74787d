namespace Docket.Abstractions;

/// <summary>
/// A court that found its ledger broken (at activation, by the background verification or by an auditor's verify)
/// and serves none of its work: the court, the first entry that does not verify (null while only a case's grain has
/// found its entries in storage changed, before the court's verification names the entry), and why. The HTTP layer answers 503.
/// </summary>
[GenerateSerializer, Alias("docket.live.court-closed")]
public sealed class CourtClosedException : Exception
{
    public CourtClosedException(string court, long? firstBadSeq, string problem)
        : base(firstBadSeq is { } seq
            ? $"court {court} is closed: its ledger does not verify at entry {seq}: {problem}"
            : $"court {court} is closed: its ledger does not verify: {problem}")
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
