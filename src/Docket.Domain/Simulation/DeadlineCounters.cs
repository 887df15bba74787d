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

    /// <summary>Requests to convert a simple-procedure case to ordinary procedure (cases 157, 159).</summary>
    [Id(14)]
    public long ConversionsRequested { get; set; }
    [Id(15)]
    public long ConversionsApproved { get; set; }
    [Id(16)]
    public long ConversionsRefused { get; set; }

    /// <summary>Days from request to decision, summed over the conversions decided.</summary>
    [Id(17)]
    public double ConversionWaitDays { get; set; }

    /// <summary>Extensions granted by the president, within the type's cap.</summary>
    [Id(18)]
    public long ExtensionsWithinCap { get; set; }

    /// <summary>Extensions beyond the cap sent to the higher court.</summary>
    [Id(19)]
    public long ExtensionsToHigherCourt { get; set; }

    /// <summary>Extensions the higher court granted (its wait over, the case still open).</summary>
    [Id(20)]
    public long ExtensionsByHigherCourt { get; set; }

    /// <summary>Days from referral to the higher court's extension, summed over those granted.</summary>
    [Id(21)]
    public double HigherCourtWaitDays { get; set; }

    /// <summary>Extensions drawn beyond the cap where the scenario has no higher court's approval: none granted.</summary>
    [Id(22)]
    public long ExtensionsRefusedAtCap { get; set; }

    /// <summary>Counters with a bucket for each month of a window of <paramref name="months"/> months.</summary>
    public static DeadlineCounters ForWindow(int months) => new() { LocksByMonth = new long[months], EscalationsByMonth = new long[months] };
}
