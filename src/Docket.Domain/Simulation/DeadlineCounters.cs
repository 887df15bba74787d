using Orleans;

namespace Docket.Domain.Simulation;

/// <summary>Counts of deadline, lock and supervision events that happened inside the statistics window.</summary>
[GenerateSerializer, Alias("docket.sim.deadline-counters")]
public sealed class DeadlineCounters
{
    [Id(0)]
    public long Warned { get; set; }
    [Id(1)]
    public long EscalatedDivisionHead { get; set; }
    [Id(2)]
    public long EscalatedPresident { get; set; }
    [Id(3)]
    public long ReferredDiscipline { get; set; }
    [Id(4)]
    public long Overdue { get; set; }
    [Id(5)]
    public long Extensions { get; set; }
    [Id(6)]
    public long LocksFirst { get; set; }
    [Id(7)]
    public long LocksSecond { get; set; }
    [Id(8)]
    public long Unlocked { get; set; }
    [Id(9)]
    public double LockedDays { get; set; }
    [Id(10)]
    public long Meetings { get; set; }
    [Id(11)]
    public long MeetingsRefused { get; set; }

    /// <summary>Every lock (first, second or later) per month of the window.</summary>
    [Id(12)]
    public long[] LocksByMonth { get; set; } = [];

    /// <summary>Steps up the escalation ladder past the judge's warning (division head, president, discipline office) per month of the window.</summary>
    [Id(13)]
    public long[] EscalationsByMonth { get; set; } = [];

    /// <summary>Counters with a bucket for each month of a window of <paramref name="months"/> months.</summary>
    public static DeadlineCounters ForWindow(int months) => new() { LocksByMonth = new long[months], EscalationsByMonth = new long[months] };
}
