namespace Docket.Domain.Simulation;

/// <summary>Counts of deadline, lock and supervision events that happened inside the statistics window.</summary>
public sealed class DeadlineCounters
{
    public long Warned { get; set; }
    public long EscalatedDivisionHead { get; set; }
    public long EscalatedPresident { get; set; }
    public long ReferredDiscipline { get; set; }
    public long Overdue { get; set; }
    public long Extensions { get; set; }
    public long LocksFirst { get; set; }
    public long LocksSecond { get; set; }
    public long Unlocked { get; set; }
    public double LockedDays { get; set; }
    public long Meetings { get; set; }
    public long MeetingsRefused { get; set; }
}
