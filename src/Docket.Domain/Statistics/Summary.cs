using System.Text.Json.Serialization;

namespace Docket.Domain.Statistics;

/// <summary>summary.json, schema 1 (docs/summary.md), with Docket's additions after the contract's fields.</summary>
public sealed record Summary
{
    public int Schema { get; init; } = 1;
    public string Scenario { get; init; } = "";
    public ulong Seed { get; init; }
    public int Days { get; init; }
    public int WarmupDays { get; init; }
    public int Replications { get; init; }
    public CaseCounts Cases { get; init; } = new();
    public double ClosureRate { get; init; }
    public double ClearanceRatio { get; init; }
    public DispositionTimes TimeToDispositionDays { get; init; } = new();
    public double PendingTimeAverage { get; init; }
    public PendingAges PendingAgeDays { get; init; } = new();
    public LongPending LongPending { get; init; } = new();
    public IReadOnlyList<MonthRow> Monthly { get; init; } = [];
    public IReadOnlyList<TypeRow> ByType { get; init; } = [];
    public IReadOnlyList<TeamRow> Teams { get; init; } = [];
    public AssignmentCounts Assignment { get; init; } = new();
    public IReadOnlyList<CourtRow> Courts { get; init; } = [];
    public DeadlineFigures Deadlines { get; init; } = new();
    public LockFigures Locks { get; init; } = new();
    public SupervisionFigures Supervision { get; init; } = new();
    public BalanceFigures Balance { get; init; } = new();
    public ScoreFigures Scores { get; init; } = new();

    /// <summary>Cases closed in the window by days from filing to closing, in <see cref="DayBins"/>.</summary>
    public IReadOnlyList<HistogramBin> TimeToDispositionHistogram { get; init; } = [];

    /// <summary>Cases pending at the window's end by age in days, in <see cref="DayBins"/>.</summary>
    public IReadOnlyList<HistogramBin> PendingAgeHistogram { get; init; } = [];

    public IReadOnlyList<Summary>? ReplicationsDetail { get; init; }
    public EngineFigures Engine { get; init; } = new();

    /// <summary>A what-if replay's comparison with the ledger it took its intake from (<c>docket replay</c> on another layout); absent otherwise.</summary>
    public ReplayFigures? Replay { get; init; }
}

/// <summary>A what-if replay: the ledger's filings simulated, and how many of them went to another team id than in the ledger.</summary>
public sealed record ReplayFigures(long Cases, long Moved);

public sealed record CaseCounts
{
    public double Received { get; init; }
    public double Mediated { get; init; }
    public double InMediationEnd { get; init; }
    public double Filed { get; init; }
    public double PendingStart { get; init; }
    public double Closed { get; init; }
    public double PendingEnd { get; init; }
}

public sealed record DispositionTimes
{
    public double Mean { get; init; }
    public double P50 { get; init; }
    public double P90 { get; init; }
    public double P99 { get; init; }
    public double Max { get; init; }
}

public sealed record PendingAges
{
    public double Mean { get; init; }
    public double P50 { get; init; }
    public double P90 { get; init; }
    public double Max { get; init; }
}

public sealed record LongPending
{
    [JsonPropertyName("over_365")]
    public double Over365 { get; init; }
    [JsonPropertyName("over_548")]
    public double Over548 { get; init; }
    [JsonPropertyName("over_1095")]
    public double Over1095 { get; init; }
}

public sealed record MonthRow
{
    public int Month { get; init; }
    public double Filed { get; init; }
    public double Closed { get; init; }
    public double ClosureRate { get; init; }
    public double PendingEnd { get; init; }

    /// <summary>The balance spec's monthly closure-rate baseline for this month of the year (0 when none is set).</summary>
    public double ClosureRateBaseline { get; init; }

    /// <summary>Pending at the month's end by the kind of the team holding the case; "unassigned" for cases no team holds yet.</summary>
    public IReadOnlyDictionary<string, double> PendingEndByKind { get; init; } = new Dictionary<string, double>();

    /// <summary>Cases locked in the month (every lock).</summary>
    public double Locks { get; init; }

    /// <summary>Escalations in the month: to the division head, to the president, referrals to the discipline office.</summary>
    public double Escalations { get; init; }
}

/// <summary>One bin of a day histogram: [from_days, to_days), the last bin without to_days.</summary>
public sealed record HistogramBin
{
    public double FromDays { get; init; }
    public double? ToDays { get; init; }
    public double Cases { get; init; }
}

public sealed record TypeRow
{
    public string Type { get; init; } = "";
    public double Filed { get; init; }
    public double Closed { get; init; }
    public double MeanTtdDays { get; init; }
}

public sealed record TeamRow
{
    public string Id { get; init; } = "";
    public string Kind { get; init; } = "";
    public IReadOnlyDictionary<string, int> Members { get; init; } = new Dictionary<string, int>();
    public double Coefficient { get; init; }
    public double Quota { get; init; }
    public double Assigned { get; init; }
    public double Closed { get; init; }
    public double PendingEnd { get; init; }
    public double WorkloadUnits { get; init; }
    public double QuotaAttainment { get; init; }
    public double Utilization { get; init; }
    public double Coins { get; init; }
    public double Score { get; init; }
    public double BalanceIndex { get; init; }
    public double MeetingParticipations { get; init; }
}

/// <summary>How cases reached their teams: flagged and designated, escalated in the court's queue, still waiting.</summary>
public sealed record AssignmentCounts
{
    public double Flagged { get; init; }
    public double Designated { get; init; }
    public double Escalated { get; init; }
    public double WaitingEnd { get; init; }
}

public sealed record CourtRow
{
    public string Id { get; init; } = "";
    public double Filed { get; init; }
    public double Closed { get; init; }
    public double PendingEnd { get; init; }
    public double ClosureRate { get; init; }
    public double MeanTtdDays { get; init; }
    public double BalanceIndex { get; init; }
}

/// <summary>Deadline warnings and escalations (Guangzhou's ladder), statutory limits and their extensions.</summary>
public sealed record DeadlineFigures
{
    public double Warned { get; init; }
    public double EscalatedDivisionHead { get; init; }
    public double EscalatedPresident { get; init; }
    public double ReferredDiscipline { get; init; }
    public double Overdue { get; init; }
    public double ClosedAfterLimit { get; init; }
    public double Extensions { get; init; }
    public double TimeLimitChangeRate { get; init; }
    public double YellowCards { get; init; }
    public double RedCards { get; init; }
}

/// <summary>Cases locked at overdue important nodes (Yancheng): first and second locks, unlocks, days locked.</summary>
public sealed record LockFigures
{
    public double First { get; init; }
    public double Second { get; init; }
    public double Unlocked { get; init; }
    public double MeanLockedDays { get; init; }
}

public sealed record SupervisionFigures
{
    public double FourType { get; init; }
    public double RiskOrdinary { get; init; }
    public double RiskLarger { get; init; }
    public double RiskMajor { get; init; }
    public double Meetings { get; init; }
    public double MeetingsRefused { get; init; }
    public double SupervisorHours { get; init; }
}

/// <summary>Anhui's balanced closure: the composite index, its five indicators, baselines missed, spread of closures.</summary>
public sealed record BalanceFigures
{
    public double Index { get; init; }
    public double MonthsBelowBaseline { get; init; }
    public double BelowAnnualBaseline { get; init; }
    public double ClosuresGiniTeams { get; init; }
    public double ClosuresGiniJudges { get; init; }
    public double TimeLimitChangeRate { get; init; }
    public double TrialTimeIndex { get; init; }
    public double MediationAndSimpleShare { get; init; }
    public double FileTransferDays { get; init; }
    public double LongPendingShare { get; init; }
}

/// <summary>Linshu's coins and Fengtai's scores per team: highest, lowest and their ratio.</summary>
public sealed record ScoreFigures
{
    public double CoinsMax { get; init; }
    public double CoinsMin { get; init; }
    public double Spread { get; init; }
    public double ScoreMax { get; init; }
    public double ScoreMin { get; init; }
}

/// <summary>How the run went on this machine: the only part allowed to differ between two identical runs.</summary>
public sealed record EngineFigures
{
    public double WallSeconds { get; init; }
    public double CasesPerSecond { get; init; }
    public long GrainCalls { get; init; }
    public int Silos { get; init; } = 1;
    public long SimulatedCases { get; init; }
    public long Events { get; init; }
}
