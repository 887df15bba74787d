namespace Docket.Domain.Simulation;

internal enum CourtJobKind : byte
{
    Unlock,
    SuperviseRisk,
    ApproveExtension,
    MeetingSeat,
}

/// <summary>Work that is not a case's stage: a supervisor unlocking, supervising, approving; a judge sitting in a meeting.</summary>
internal struct CourtJob
{
    public CourtJobKind Kind;
    public int Case;
    public int Meeting;
    public int Team;
    public double Hours;
}
