namespace Docket.Domain.Simulation;

internal enum CourtJobKind : byte
{
    Unlock,
    SuperviseRisk,
    ApproveExtension,
    MeetingSeat,
    DecideConversion,
    ReviewFile,
    FixFile,
}

/// <summary>Work that is not a case's stage: a supervisor unlocking, supervising, approving; a judge sitting in a meeting.</summary>
internal struct CourtJob
{
    public CourtJobKind Kind;
    public int Case;
    public int Meeting;
    public int Team;
    public double Hours;

    /// <summary>When the job was asked for (a conversion's request: its wait is counted to the decision).</summary>
    public double Asked;

    /// <summary>The generation of <see cref="Case"/>'s slot when the job was made (<see cref="CaseRecord.Generation"/>).</summary>
    public int Generation;
}
