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

    /// <summary>Every lock (first, second or later) per month of the window.</summary>
    public long[] LocksByMonth { get; set; } = [];

    /// <summary>Steps up the escalation ladder past the judge's warning (division head, president, discipline office) per month of the window.</summary>
    public long[] EscalationsByMonth { get; set; } = [];

    /// <summary>Counters with a bucket for each month of a window of <paramref name="months"/> months.</summary>
    public static DeadlineCounters ForWindow(int months) => new() { LocksByMonth = new long[months], EscalationsByMonth = new long[months] };
}
