using Orleans;

namespace Docket.Domain.Statistics;

/// <summary>
/// What one court's run contributes to a summary, over the statistics window [warm-up, days): counts, samples for
/// percentiles, monthly and per-type series, and team rows. Plain data so it can cross a grain boundary and be
/// merged in a fixed order. Built once (<see cref="CourtStatisticsCollector"/>) and only read after, so Orleans hands it
/// from the court grain to the clock by reference within a silo instead of copying it (its samples are megabytes on a
/// large court: 20 ms of a scale-10 run went to that copy).
/// </summary>
[GenerateSerializer, Immutable, Alias("docket.sim.court-statistics")]
public sealed class CourtStatistics
{
    [Id(0)]
    public string CourtId { get; set; } = "";
    [Id(1)]
    public long ReceivedInWindow { get; set; }
    [Id(2)]
    public long InMediationStart { get; set; }
    [Id(3)]
    public long Mediated { get; set; }
    [Id(4)]
    public long InMediationEnd { get; set; }
    [Id(5)]
    public long Filed { get; set; }
    [Id(6)]
    public long PendingStart { get; set; }
    [Id(7)]
    public long Closed { get; set; }
    [Id(8)]
    public long PendingEnd { get; set; }
    [Id(9)]
    public long WaitingEnd { get; set; }
    [Id(10)]
    public long Escalated { get; set; }
    [Id(11)]
    public long Designated { get; set; }
    [Id(12)]
    public long Flagged { get; set; }
    [Id(13)]
    public long SimulatedCases { get; set; }
    [Id(14)]
    public long Events { get; set; }

    /// <summary>∫ pending(t) dt over the window, in case-days.</summary>
    [Id(15)]
    public double PendingCaseDays { get; set; }

    /// <summary>Filing-to-closing days of every case closed in the window, in closing order.</summary>
    [Id(16)]
    public double[] TimeToDisposition { get; set; } = [];

    /// <summary>Ages in days of the cases pending at the window's end.</summary>
    [Id(17)]
    public double[] PendingAges { get; set; } = [];

    [Id(18)]
    public MonthStatistics[] Months { get; set; } = [];

    [Id(19)]
    public TypeStatistics[] Types { get; set; } = [];

    [Id(20)]
    public TeamStatistics[] Teams { get; set; } = [];

    [Id(21)]
    public Simulation.DeadlineCounters Deadlines { get; set; } = new();
    [Id(22)]
    public long ClosedAfterLimit { get; set; }
    [Id(23)]
    public long FourType { get; set; }
    [Id(24)]
    public long RiskOrdinary { get; set; }
    [Id(25)]
    public long RiskLarger { get; set; }
    [Id(26)]
    public long RiskMajor { get; set; }
    [Id(27)]
    public double SupervisorHours { get; set; }

    /// <summary>The inputs of the balance index, as sums so that courts can be merged.</summary>
    [Id(28)]
    public Balance.BalanceInputs Balance { get; set; } = new();

    /// <summary>Closures per judge (each case credited to the judge who heard it last), in team order.</summary>
    [Id(29)]
    public double[] JudgeClosures { get; set; } = [];

    /// <summary>Linshu's coin rounds over the window (one when the coins are never re-balanced).</summary>
    [Id(32)]
    public IReadOnlyList<Simulation.CoinRound> CoinRounds { get; set; } = [];

    /// <summary>The court's shared pools, in the scenario's order.</summary>
    [Id(30)]
    public PoolStatistics[] Pools { get; set; } = [];

    /// <summary>The court's appeals to the court above and from the courts below; null when it has none.</summary>
    [Id(31)]
    public Appeals.AppealStatistics? Appeals { get; set; }

    /// <summary>The court's published lists over the window (daily check, past-limit list, monthly counts, rankings).</summary>
    [Id(33)]
    public Reports.ReportStatistics Reports { get; set; } = new();

    /// <summary>The court's quality review over the window; null when it has none.</summary>
    [Id(34)]
    public Simulation.QualityCounters? Quality { get; set; }

    /// <summary>The meetings' referrals, attendance and the adjudication committee; null when the scenario writes none of their keys.</summary>
    [Id(40)]
    public Simulation.MeetingReferralCounters? MeetingReferrals { get; set; }
}

/// <summary>One shared pool's staff, tasks and busy hours over the window.</summary>
[GenerateSerializer, Alias("docket.sim.pool-statistics")]
public sealed class PoolStatistics
{
    [Id(0)]
    public string Id { get; set; } = "";
    [Id(1)]
    public Dictionary<string, int> Members { get; set; } = [];
    [Id(2)]
    public int Servers { get; set; }
    [Id(3)]
    public long Tasks { get; set; }
    [Id(4)]
    public double BusyHours { get; set; }
    [Id(5)]
    public double Utilization { get; set; }
    [Id(6)]
    public long WaitingEnd { get; set; }
}

[GenerateSerializer, Alias("docket.sim.month-statistics")]
public sealed class MonthStatistics
{
    [Id(0)]
    public int Month { get; set; }
    [Id(1)]
    public long Filed { get; set; }
    [Id(2)]
    public long Closed { get; set; }
    [Id(3)]
    public long PendingStart { get; set; }
    [Id(4)]
    public long PendingEnd { get; set; }

    /// <summary>Pending at the month's end by the kind of the team holding the case (team kinds in enum order, then "unassigned").</summary>
    [Id(5)]
    public Dictionary<string, long> PendingEndByKind { get; set; } = [];

    /// <summary>Locks in the month (every lock, not only first and second).</summary>
    [Id(6)]
    public long Locks { get; set; }

    /// <summary>Steps up the escalation ladder past the judge's warning in the month.</summary>
    [Id(7)]
    public long Escalations { get; set; }

    /// <summary>The date the month starts on inside the window (yyyy-MM-dd: the 1st, except for a first part-month).</summary>
    [Id(8)]
    public string Start { get; set; } = "";

    /// <summary>Days of the month inside the window.</summary>
    [Id(9)]
    public double Days { get; set; }
}

[GenerateSerializer, Alias("docket.sim.type-statistics")]
public sealed class TypeStatistics
{
    [Id(0)]
    public string Type { get; set; } = "";
    [Id(1)]
    public long Filed { get; set; }
    [Id(2)]
    public long Closed { get; set; }
    [Id(3)]
    public double DispositionDaysSum { get; set; }
}

[GenerateSerializer, Alias("docket.sim.team-statistics")]
public sealed class TeamStatistics
{
    [Id(0)]
    public string Id { get; set; } = "";
    [Id(1)]
    public string Kind { get; set; } = "";
    [Id(2)]
    public Dictionary<string, int> Members { get; set; } = [];
    [Id(3)]
    public double Coefficient { get; set; }
    [Id(4)]
    public double Quota { get; set; }
    [Id(5)]
    public long Assigned { get; set; }
    [Id(6)]
    public long Closed { get; set; }
    [Id(7)]
    public long PendingEnd { get; set; }
    [Id(8)]
    public double WorkloadUnits { get; set; }
    [Id(9)]
    public double QuotaAttainment { get; set; }
    [Id(10)]
    public double Utilization { get; set; }
    [Id(11)]
    public double Coins { get; set; }
    [Id(12)]
    public double Score { get; set; }
    [Id(13)]
    public double BalanceIndex { get; set; }
    [Id(14)]
    public long MeetingParticipations { get; set; }
    [Id(15)]
    public JudgeStatistics[] Judges { get; set; } = [];

    /// <summary>What the quota counts: <c>cases</c> or <c>workload_units</c>.</summary>
    [Id(16)]
    public string QuotaUnit { get; set; } = "workload_units";
}

/// <summary>One judge's share of a team's judge work: the judge grain's record.</summary>
[GenerateSerializer, Alias("docket.sim.judge-statistics")]
public sealed class JudgeStatistics
{
    [Id(0)]
    public string Id { get; set; } = "";
    [Id(1)]
    public long Tasks { get; set; }
    [Id(2)]
    public double BusyHours { get; set; }
    [Id(3)]
    public double Utilization { get; set; }
    [Id(4)]
    public long Closures { get; set; }
}
