namespace Docket.Domain.Simulation;

/// <summary>
/// A case's compact working record while a court is simulated: when it arrived, was filed, assigned and closed
/// (NaN while not yet), its team and stage. It lives in the court's array; the case grain reads it on demand.
/// </summary>
public struct CaseRecord
{
    public double Received;
    public double Filed;
    public double Assigned;
    public double Closed;
    public ulong Key;
    public int Team;
    public short Type;
    public byte Stage;
    public CaseStatus Status;
    public CaseFlags Flags;

    public readonly bool IsFiledBy(double t) => Filed < t;

    public readonly bool IsOpenAt(double t) => Filed < t && !(Closed < t);
}

[Flags]
public enum CaseFlags : byte
{
    None = 0,
    Flagged = 1,
    Backlog = 2,
    Escalated = 4,
    Designated = 8,
    Mediation = 16,
}
