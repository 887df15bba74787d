namespace Docket.Domain.Statistics;

/// <summary>
/// What one court's run contributes to a summary, over the statistics window [warm-up, days): counts, samples for
/// percentiles, monthly and per-type series, and team rows. Plain data so it can cross a grain boundary and be
/// merged in a fixed order.
/// </summary>
public sealed class CourtStatistics
{
    public string CourtId { get; set; } = "";
    public long ReceivedInWindow { get; set; }
    public long InMediationStart { get; set; }
    public long Mediated { get; set; }
    public long InMediationEnd { get; set; }
    public long Filed { get; set; }
    public long PendingStart { get; set; }
    public long Closed { get; set; }
    public long PendingEnd { get; set; }
    public long WaitingEnd { get; set; }
    public long Escalated { get; set; }
    public long Designated { get; set; }
    public long Flagged { get; set; }
    public long SimulatedCases { get; set; }
    public long Events { get; set; }

    /// <summary>∫ pending(t) dt over the window, in case-days.</summary>
    public double PendingCaseDays { get; set; }

    /// <summary>Filing-to-closing days of every case closed in the window, in closing order.</summary>
    public double[] TimeToDisposition { get; set; } = [];

    /// <summary>Ages in days of the cases pending at the window's end.</summary>
    public double[] PendingAges { get; set; } = [];

    public MonthStatistics[] Months { get; set; } = [];

    public TypeStatistics[] Types { get; set; } = [];

    public TeamStatistics[] Teams { get; set; } = [];

    public Simulation.DeadlineCounters Deadlines { get; set; } = new();
    public long ClosedAfterLimit { get; set; }
    public long FourType { get; set; }
    public long RiskOrdinary { get; set; }
    public long RiskLarger { get; set; }
    public long RiskMajor { get; set; }
    public double SupervisorHours { get; set; }

    /// <summary>The inputs of the balance index, as sums so that courts can be merged.</summary>
    public Balance.BalanceInputs Balance { get; set; } = new();

    /// <summary>Closures per judge (each case credited to the judge who heard it last), in team order.</summary>
    public double[] JudgeClosures { get; set; } = [];
}

public sealed class MonthStatistics
{
    public int Month { get; set; }
    public long Filed { get; set; }
    public long Closed { get; set; }
    public long PendingStart { get; set; }
    public long PendingEnd { get; set; }

    /// <summary>Pending at the month's end by the kind of the team holding the case (team kinds in enum order, then "unassigned").</summary>
    public Dictionary<string, long> PendingEndByKind { get; set; } = [];

    /// <summary>Locks in the month (every lock, not only first and second).</summary>
    public long Locks { get; set; }

    /// <summary>Steps up the escalation ladder past the judge's warning in the month.</summary>
    public long Escalations { get; set; }
}

public sealed class TypeStatistics
{
    public string Type { get; set; } = "";
    public long Filed { get; set; }
    public long Closed { get; set; }
    public double DispositionDaysSum { get; set; }
}

public sealed class TeamStatistics
{
    public string Id { get; set; } = "";
    public string Kind { get; set; } = "";
    public Dictionary<string, int> Members { get; set; } = [];
    public double Coefficient { get; set; }
    public double Quota { get; set; }
    public long Assigned { get; set; }
    public long Closed { get; set; }
    public long PendingEnd { get; set; }
    public double WorkloadUnits { get; set; }
    public double QuotaAttainment { get; set; }
    public double Utilization { get; set; }
    public double Coins { get; set; }
    public double Score { get; set; }
    public double BalanceIndex { get; set; }
    public long MeetingParticipations { get; set; }
    public JudgeStatistics[] Judges { get; set; } = [];
}

/// <summary>One judge's share of a team's judge work: the judge grain's record.</summary>
public sealed class JudgeStatistics
{
    public string Id { get; set; } = "";
    public long Tasks { get; set; }
    public double BusyHours { get; set; }
    public double Utilization { get; set; }
    public long Closures { get; set; }
}
