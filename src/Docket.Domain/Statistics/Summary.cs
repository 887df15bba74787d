using System.Text.Json.Serialization;
using Orleans;

namespace Docket.Domain.Statistics;

/// <summary>summary.json, schema 1 (docs/summary.md), with Docket's additions after the contract's fields.</summary>
[GenerateSerializer, Immutable, Alias("docket.summary")]
public sealed record Summary
{
    [Id(0)]
    public int Schema { get; init; } = 1;
    [Id(1)]
    public string Scenario { get; init; } = "";
    [Id(2)]
    public ulong Seed { get; init; }
    [Id(3)]
    public int Days { get; init; }
    [Id(4)]
    public int WarmupDays { get; init; }
    [Id(5)]
    public int Replications { get; init; }
    [Id(6)]
    public CaseCounts Cases { get; init; } = new();
    [Id(7)]
    public double ClosureRate { get; init; }
    [Id(8)]
    public double ClearanceRatio { get; init; }
    [Id(9)]
    public DispositionTimes TimeToDispositionDays { get; init; } = new();
    [Id(10)]
    public double PendingTimeAverage { get; init; }
    [Id(11)]
    public PendingAges PendingAgeDays { get; init; } = new();
    [Id(12)]
    public LongPending LongPending { get; init; } = new();
    [Id(13)]
    public IReadOnlyList<MonthRow> Monthly { get; init; } = [];
    [Id(14)]
    public IReadOnlyList<TypeRow> ByType { get; init; } = [];
    [Id(15)]
    public IReadOnlyList<TeamRow> Teams { get; init; } = [];
    [Id(16)]
    public AssignmentCounts Assignment { get; init; } = new();
    [Id(17)]
    public IReadOnlyList<CourtRow> Courts { get; init; } = [];
    [Id(18)]
    public DeadlineFigures Deadlines { get; init; } = new();
    [Id(19)]
    public LockFigures Locks { get; init; } = new();
    [Id(20)]
    public SupervisionFigures Supervision { get; init; } = new();
    [Id(21)]
    public BalanceFigures Balance { get; init; } = new();
    [Id(22)]
    public ScoreFigures Scores { get; init; } = new();

    /// <summary>Cases closed in the window by days from filing to closing, in <see cref="DayBins"/>.</summary>
    [Id(23)]
    public IReadOnlyList<HistogramBin> TimeToDispositionHistogram { get; init; } = [];

    /// <summary>Cases pending at the window's end by age in days, in <see cref="DayBins"/>.</summary>
    [Id(24)]
    public IReadOnlyList<HistogramBin> PendingAgeHistogram { get; init; } = [];

    [Id(25)]
    public IReadOnlyList<Summary>? ReplicationsDetail { get; init; }
    [Id(26)]
    public EngineFigures Engine { get; init; } = new();

    /// <summary>A what-if replay's comparison with the ledger it took its intake from (<c>docket replay</c> on another layout); absent otherwise.</summary>
    [Id(27)]
    public ReplayFigures? Replay { get; init; }

    /// <summary>What the run's figures cannot support (union over replications): a code and a sentence each.</summary>
    [Id(28)]
    public IReadOnlyList<RunWarning> Warnings { get; init; } = [];

    /// <summary>The steady-state test of the window (<see cref="Statistics.SteadyState"/>).</summary>
    [Id(29)]
    public SteadyStateFigures SteadyState { get; init; } = new();

    /// <summary>Each shared pool's staff and how busy they were in the window.</summary>
    [Id(30)]
    public IReadOnlyList<PoolRow> Pools { get; init; } = [];

    /// <summary>Appeals between court levels over the window; absent when no court of the scenario appeals.</summary>
    [Id(31)]
    public AppealFigures? Appeals { get; init; }

    /// <summary>Conversions to ordinary procedure and capped extensions over the window; absent when no case type has a conversion or an extension cap.</summary>
    [Id(32)]
    public LimitApprovalFigures? LimitApprovals { get; init; }

    /// <summary>The court's published lists produced on their cadence in the window (cases 154, 157, 160, 161).</summary>
    [Id(33)]
    public ReportFigures Reports { get; init; } = new();

    /// <summary>Professional judges' meetings' referrals by trigger, adoption, attendance and the adjudication committee (cases 164, 165); absent when the scenario writes none of their keys.</summary>
    [Id(40)]
    public MeetingReferralFigures? MeetingReferrals { get; init; }

    /// <summary>Quality review of closed files over the window (cases 162, 166, 159); absent when no court has a quality review.</summary>
    [Id(34)]
    public QualityReviewFigures? QualityReview { get; init; }
}

/// <summary>
/// Quality review in the window (cases 162, 166, 159): files reviewed and why, their findings' cards, the check that
/// each judge who closed a file in a review year had one reviewed, the files still waiting for review at the end,
/// and how long reviewed files took from closure to archive.
/// </summary>
[GenerateSerializer, Immutable, Alias("docket.summary.quality-review-figures")]
public sealed record QualityReviewFigures
{
    /// <summary>Review sessions held.</summary>
    [Id(0)]
    public double Sessions { get; init; }

    /// <summary>Files whose review finished.</summary>
    [Id(1)]
    public double CasesReviewed { get; init; }

    /// <summary>Of those: of a category reviewed in full, from the proportional random sample, as their judge's file of the year.</summary>
    [Id(2)]
    public double ByCategory { get; init; }
    [Id(3)]
    public double BySample { get; init; }
    [Id(4)]
    public double ByJudge { get; init; }

    /// <summary>Reviews that found no problem.</summary>
    [Id(5)]
    public double Passed { get; init; }
    [Id(6)]
    public double YellowCards { get; init; }
    [Id(7)]
    public double RedCards { get; init; }

    /// <summary>Red cards for a judge's second general problem within the window.</summary>
    [Id(8)]
    public double RedForRepeat { get; init; }

    /// <summary>
    /// Case 166's check over the review years that ended in the window: judges who closed a file in a year (summed
    /// over the years), those with a file reviewed, and those missed (0: the check passes).
    /// </summary>
    [Id(9)]
    public double JudgeYears { get; init; }
    [Id(10)]
    public double JudgeYearsReviewed { get; init; }
    [Id(11)]
    public double JudgeYearsMissed { get; init; }

    /// <summary>Closed files held for review, not yet archived, at the window's end.</summary>
    [Id(12)]
    public double WaitingForReview { get; init; }

    /// <summary>Mean days from closure to archive of the reviewed files archived in the window (0 when none).</summary>
    [Id(13)]
    public double MeanDaysClosureToArchive { get; init; }

    /// <summary>Reviewers' hours spent.</summary>
    [Id(14)]
    public double ReviewerHours { get; init; }

    /// <summary>Judges' hours spent fixing carded files: the cards' cost in judge capacity.</summary>
    [Id(15)]
    public double JudgeFixHours { get; init; }
}

/// <summary>
/// Who approved changes to statutory limits in the window (cases 157, 159, 160): conversions of simple procedure to
/// ordinary, requested and decided by their approver, and extensions granted by the president within the type's cap
/// or sent beyond it to the higher court.
/// </summary>
[GenerateSerializer, Immutable, Alias("docket.summary.limit-approval-figures")]
public sealed record LimitApprovalFigures
{
    [Id(0)]
    public double ConversionsRequested { get; init; }
    [Id(1)]
    public double ConversionsApproved { get; init; }
    [Id(2)]
    public double ConversionsRefused { get; init; }

    /// <summary>Mean days from a conversion's request to its decision (the approver's queue and time); 0 when none was decided.</summary>
    [Id(3)]
    public double ConversionMeanWaitDays { get; init; }
    [Id(4)]
    public double ExtensionsWithinCap { get; init; }
    [Id(5)]
    public double ExtensionsToHigherCourt { get; init; }
    [Id(6)]
    public double ExtensionsByHigherCourt { get; init; }

    /// <summary>Mean days from referral to the higher court's extension; 0 when none was granted.</summary>
    [Id(7)]
    public double HigherCourtMeanWaitDays { get; init; }
    [Id(8)]
    public double ExtensionsRefusedAtCap { get; init; }
}

/// <summary>
/// Appeals to the courts above over the window: sent (closures appealed), received (filed above as appeal cases), in
/// transit when the window opens and closes (in_transit_start + out = in + in_transit_end), and the files of decided
/// appeals back below.
/// </summary>
[GenerateSerializer, Immutable, Alias("docket.summary.appeal-figures")]
public sealed record AppealFigures
{
    [Id(0)]
    public double Out { get; init; }
    [Id(1)]
    public double In { get; init; }
    [Id(2)]
    public double InTransitStart { get; init; }
    [Id(3)]
    public double InTransitEnd { get; init; }
    [Id(4)]
    public double Returned { get; init; }
    [Id(5)]
    public double ReturningEnd { get; init; }

    /// <summary>Appeals sent by the case type appealed (the types some court appeals).</summary>
    [Id(6)]
    public IReadOnlyDictionary<string, double> OutByType { get; init; } = new Dictionary<string, double>();

    /// <summary>Appeals received by the appeal type they are filed as.</summary>
    [Id(7)]
    public IReadOnlyDictionary<string, double> InByType { get; init; } = new Dictionary<string, double>();
}

/// <summary>A shared pool (pooled clerks, a task centre) over the window.</summary>
[GenerateSerializer, Immutable, Alias("docket.summary.pool-row")]
public sealed record PoolRow
{
    /// <summary>The pool's id, prefixed <c>court/</c> when there are several courts.</summary>
    [Id(0)]
    public string Id { get; init; } = "";
    [Id(1)]
    public IReadOnlyDictionary<string, int> Members { get; init; } = new Dictionary<string, int>();

    /// <summary>Staff who each do one task at a time.</summary>
    [Id(2)]
    public double Servers { get; init; }

    /// <summary>Tasks started in the window.</summary>
    [Id(3)]
    public double Tasks { get; init; }

    /// <summary>Working hours spent on tasks in the window, all staff together.</summary>
    [Id(4)]
    public double BusyHours { get; init; }

    /// <summary>BusyHours ÷ (servers × the window's working hours).</summary>
    [Id(5)]
    public double Utilization { get; init; }

    /// <summary>Tasks waiting for the pool when the window closes.</summary>
    [Id(6)]
    public double WaitingEnd { get; init; }
}

/// <summary>A what-if replay: the ledger's filings simulated, and how many of them went to another team id than in the ledger.</summary>
[GenerateSerializer, Immutable, Alias("docket.summary.replay")]
public sealed record ReplayFigures([property: Id(0)] long Cases, [property: Id(1)] long Moved);

[GenerateSerializer, Immutable, Alias("docket.summary.case-counts")]
public sealed record CaseCounts
{
    [Id(0)]
    public double Received { get; init; }
    [Id(1)]
    public double Mediated { get; init; }
    [Id(2)]
    public double InMediationEnd { get; init; }
    [Id(3)]
    public double Filed { get; init; }
    [Id(4)]
    public double PendingStart { get; init; }
    [Id(5)]
    public double Closed { get; init; }
    [Id(6)]
    public double PendingEnd { get; init; }
}

[GenerateSerializer, Immutable, Alias("docket.summary.disposition-times")]
public sealed record DispositionTimes
{
    [Id(0)]
    public double Mean { get; init; }
    [Id(1)]
    public double P50 { get; init; }
    [Id(2)]
    public double P90 { get; init; }
    [Id(3)]
    public double P99 { get; init; }
    [Id(4)]
    public double Max { get; init; }
}

[GenerateSerializer, Immutable, Alias("docket.summary.pending-ages")]
public sealed record PendingAges
{
    [Id(0)]
    public double Mean { get; init; }
    [Id(1)]
    public double P50 { get; init; }
    [Id(2)]
    public double P90 { get; init; }
    [Id(3)]
    public double Max { get; init; }
}

[GenerateSerializer, Immutable, Alias("docket.summary.long-pending")]
public sealed record LongPending
{
    [JsonPropertyName("over_365")]
    [Id(0)]
    public double Over365 { get; init; }
    [JsonPropertyName("over_548")]
    [Id(1)]
    public double Over548 { get; init; }
    [JsonPropertyName("over_1095")]
    [Id(2)]
    public double Over1095 { get; init; }

    /// <summary>Pending at the end for over 2 years (730 days).</summary>
    [JsonPropertyName("over_730")]
    [Id(3)]
    public double Over730 { get; init; }
}

[GenerateSerializer, Immutable, Alias("docket.summary.month-row")]
public sealed record MonthRow
{
    /// <summary>The month's number in the window, from 1: calendar month <see cref="Start"/>.</summary>
    [Id(0)]
    public int Month { get; init; }
    [Id(1)]
    public double Filed { get; init; }
    [Id(2)]
    public double Closed { get; init; }
    [Id(3)]
    public double ClosureRate { get; init; }
    [Id(4)]
    public double PendingEnd { get; init; }

    /// <summary>The balance spec's monthly closure-rate baseline for this month of the year (0 when none is set).</summary>
    [Id(5)]
    public double ClosureRateBaseline { get; init; }

    /// <summary>Pending at the month's end by the kind of the team holding the case; "unassigned" for cases no team holds yet.</summary>
    [Id(6)]
    public IReadOnlyDictionary<string, double> PendingEndByKind { get; init; } = new Dictionary<string, double>();

    /// <summary>Cases locked in the month (every lock).</summary>
    [Id(7)]
    public double Locks { get; init; }

    /// <summary>Escalations in the month: to the division head, to the president, referrals to the discipline office.</summary>
    [Id(8)]
    public double Escalations { get; init; }

    /// <summary>Closed in the month ÷ cases accepted in its window year (<see cref="Balance.ClosureBaselines"/>): what the monthly baseline is compared with.</summary>
    [Id(9)]
    public double ClosureShare { get; init; }

    /// <summary>The calendar month's first date inside the window (yyyy-MM-dd): the 1st, except for a first part-month.</summary>
    [Id(10)]
    public string Start { get; init; } = "";

    /// <summary>Days of the month inside the window: the month's length, fewer for a part-month at either end.</summary>
    [Id(11)]
    public double Days { get; init; }
}

/// <summary>One bin of a day histogram: [from_days, to_days), the last bin without to_days.</summary>
[GenerateSerializer, Immutable, Alias("docket.summary.histogram-bin")]
public sealed record HistogramBin
{
    [Id(0)]
    public double FromDays { get; init; }
    [Id(1)]
    public double? ToDays { get; init; }
    [Id(2)]
    public double Cases { get; init; }
}

[GenerateSerializer, Immutable, Alias("docket.summary.type-row")]
public sealed record TypeRow
{
    [Id(0)]
    public string Type { get; init; } = "";
    [Id(1)]
    public double Filed { get; init; }
    [Id(2)]
    public double Closed { get; init; }
    [Id(3)]
    public double MeanTtdDays { get; init; }
}

[GenerateSerializer, Immutable, Alias("docket.summary.team-row")]
public sealed record TeamRow
{
    [Id(0)]
    public string Id { get; init; } = "";
    [Id(1)]
    public string Kind { get; init; } = "";
    [Id(2)]
    public IReadOnlyDictionary<string, int> Members { get; init; } = new Dictionary<string, int>();
    [Id(3)]
    public double Coefficient { get; init; }
    [Id(4)]
    public double Quota { get; init; }
    [Id(5)]
    public double Assigned { get; init; }
    [Id(6)]
    public double Closed { get; init; }
    [Id(7)]
    public double PendingEnd { get; init; }
    [Id(8)]
    public double WorkloadUnits { get; init; }
    [Id(9)]
    public double QuotaAttainment { get; init; }
    [Id(10)]
    public double Utilization { get; init; }
    [Id(11)]
    public double Coins { get; init; }
    [Id(12)]
    public double Score { get; init; }
    [Id(13)]
    public double BalanceIndex { get; init; }
    [Id(14)]
    public double MeetingParticipations { get; init; }

    /// <summary>What <see cref="Quota"/> and <see cref="QuotaAttainment"/> count: <c>cases</c> or <c>workload_units</c>.</summary>
    [Id(15)]
    public string QuotaUnit { get; init; } = "workload_units";
}

/// <summary>How cases reached their teams: flagged and designated, escalated in the court's queue, still waiting.</summary>
[GenerateSerializer, Immutable, Alias("docket.summary.assignment-counts")]
public sealed record AssignmentCounts
{
    [Id(0)]
    public double Flagged { get; init; }
    [Id(1)]
    public double Designated { get; init; }
    [Id(2)]
    public double Escalated { get; init; }
    [Id(3)]
    public double WaitingEnd { get; init; }
}

[GenerateSerializer, Immutable, Alias("docket.summary.court-row")]
public sealed record CourtRow
{
    [Id(0)]
    public string Id { get; init; } = "";
    [Id(1)]
    public double Filed { get; init; }
    [Id(2)]
    public double Closed { get; init; }
    [Id(3)]
    public double PendingEnd { get; init; }
    [Id(4)]
    public double ClosureRate { get; init; }
    [Id(5)]
    public double MeanTtdDays { get; init; }
    [Id(6)]
    public double BalanceIndex { get; init; }

    /// <summary>Appeals the court sent to the court above in the window; absent when the court appeals nothing.</summary>
    [Id(7)]
    public double? AppealsOut { get; init; }

    /// <summary>Appeals that reached the court from the courts below in the window; absent when none is sent to it.</summary>
    [Id(8)]
    public double? AppealsIn { get; init; }
}

/// <summary>Deadline warnings and escalations (Guangzhou's ladder), statutory limits and their extensions.</summary>
[GenerateSerializer, Immutable, Alias("docket.summary.deadline-figures")]
public sealed record DeadlineFigures
{
    [Id(0)]
    public double Warned { get; init; }
    [Id(1)]
    public double EscalatedDivisionHead { get; init; }
    [Id(2)]
    public double EscalatedPresident { get; init; }
    [Id(3)]
    public double ReferredDiscipline { get; init; }

    /// <summary>Steps up the ladder past the judge's warning: to the division head, the president and the discipline office.</summary>
    [JsonIgnore]
    public double Escalations => EscalatedDivisionHead + EscalatedPresident + ReferredDiscipline;
    [Id(4)]
    public double Overdue { get; init; }
    [Id(5)]
    public double ClosedAfterLimit { get; init; }
    [Id(6)]
    public double Extensions { get; init; }
    [Id(7)]
    public double TimeLimitChangeRate { get; init; }

    /// <summary>Yellow cards from quality review (case 159; <see cref="QualityReviewFigures"/>); 0 when no court has one (a late closure is <see cref="ClosedAfterLimit"/>, not a card).</summary>
    [Id(8)]
    public double YellowCards { get; init; }

    /// <summary>Red cards from quality review (case 159; <see cref="QualityReviewFigures"/>); 0 when no court has one (a referral is <see cref="ReferredDiscipline"/>, not a card).</summary>
    [Id(9)]
    public double RedCards { get; init; }
}

/// <summary>Cases locked at overdue important nodes (Yancheng): first and second locks, unlocks, days locked.</summary>
[GenerateSerializer, Immutable, Alias("docket.summary.lock-figures")]
public sealed record LockFigures
{
    [Id(0)]
    public double First { get; init; }
    [Id(1)]
    public double Second { get; init; }
    [Id(2)]
    public double Unlocked { get; init; }
    [Id(3)]
    public double MeanLockedDays { get; init; }
}

[GenerateSerializer, Immutable, Alias("docket.summary.supervision-figures")]
public sealed record SupervisionFigures
{
    [Id(0)]
    public double FourType { get; init; }
    [Id(1)]
    public double RiskOrdinary { get; init; }
    [Id(2)]
    public double RiskLarger { get; init; }
    [Id(3)]
    public double RiskMajor { get; init; }
    [Id(4)]
    public double Meetings { get; init; }
    [Id(5)]
    public double MeetingsRefused { get; init; }
    [Id(6)]
    public double SupervisorHours { get; init; }
}

/// <summary>Anhui's balanced closure: the composite index, its five indicators, baselines missed, spread of closures.</summary>
[GenerateSerializer, Immutable, Alias("docket.summary.balance-figures")]
public sealed record BalanceFigures
{
    [Id(0)]
    public double Index { get; init; }
    [Id(1)]
    public double MonthsBelowBaseline { get; init; }
    [Id(2)]
    public double BelowAnnualBaseline { get; init; }
    [Id(3)]
    public double ClosuresGiniTeams { get; init; }
    [Id(4)]
    public double ClosuresGiniJudges { get; init; }
    [Id(5)]
    public double TimeLimitChangeRate { get; init; }
    [Id(6)]
    public double TrialTimeIndex { get; init; }
    [Id(7)]
    public double MediationAndSimpleShare { get; init; }
    /// <summary>Mean days an appealed case's file takes between court levels; null when the run has no appeals (<see cref="FileTransferNote"/>).</summary>
    [Id(8)]
    public double? FileTransferDays { get; init; }
    [Id(9)]
    public double LongPendingShare { get; init; }

    /// <summary>Cases pending at the window's end for over 3 years: Anhui's third baseline is zero of them.</summary>
    [JsonPropertyName("pending_over_3_years")]
    [Id(10)]
    public double PendingOver3Years { get; init; }

    /// <summary>Why <see cref="FileTransferDays"/> is absent; null when it is there.</summary>
    [Id(11)]
    public string? FileTransferNote { get; init; }

    /// <summary>Mean days from closure to the end of archiving: not an Anhui indicator.</summary>
    [Id(12)]
    public double ClosureToArchiveDays { get; init; }

    /// <summary>The long-pending threshold in days (<c>balance.long_pending_days</c>, 548 by default).</summary>
    [Id(13)]
    public double LongPendingDays { get; init; }

    /// <summary>Cases pending at the end for longer than <see cref="LongPendingDays"/>.</summary>
    [Id(14)]
    public double LongPending { get; init; }
}

/// <summary>Linshu's coins and Fengtai's scores per team: highest, lowest and their ratio.</summary>
[GenerateSerializer, Immutable, Alias("docket.summary.score-figures")]
public sealed record ScoreFigures
{
    [Id(0)]
    public double CoinsMax { get; init; }
    [Id(1)]
    public double CoinsMin { get; init; }
    [Id(2)]
    public double Spread { get; init; }
    [Id(3)]
    public double ScoreMax { get; init; }
    [Id(4)]
    public double ScoreMin { get; init; }

    /// <summary>Linshu's rounds (case 163), court by court: each round's coins, judges' monthly coins and moves.</summary>
    [Id(5)]
    public IReadOnlyList<CoinRoundRow> Rounds { get; init; } = [];

    /// <summary>Moves over the window (a team giving up one specialty for another), summed over the rounds.</summary>
    [Id(6)]
    public double Moves { get; init; }

    /// <summary>Person-moves over the window: the members of the teams that moved (judges, assistants, clerks).</summary>
    [Id(7)]
    public double PersonMoves { get; init; }
}

/// <summary>
/// One round of Linshu's coins: its days, each case type's coins in force, the judge-equivalents on each specialty, the
/// spread of the judges' monthly coins, and the moves made at its start (none in round 0).
/// </summary>
[GenerateSerializer, Immutable, Alias("docket.summary.coin-round-row")]
public sealed record CoinRoundRow
{
    [Id(0)]
    public string Court { get; init; } = "";
    [Id(1)]
    public int Round { get; init; }
    [Id(2)]
    public double FromDay { get; init; }
    [Id(3)]
    public double ToDay { get; init; }

    /// <summary>Coins a closed case of each type earned in the round.</summary>
    [Id(4)]
    public IReadOnlyDictionary<string, double> Coins { get; init; } = new Dictionary<string, double>();

    /// <summary>Judge-equivalents on each specialty (a team's judges split evenly over its specialties).</summary>
    [Id(5)]
    public IReadOnlyDictionary<string, double> Judges { get; init; } = new Dictionary<string, double>();

    /// <summary>Each specialty's coins per judge-equivalent and month in the round.</summary>
    [Id(6)]
    public IReadOnlyDictionary<string, double> MonthlyCoinsBySpecialty { get; init; } = new Dictionary<string, double>();

    [Id(7)]
    public double MonthlyCoinsMin { get; init; }
    [Id(8)]
    public double MonthlyCoinsP10 { get; init; }
    [Id(9)]
    public double MonthlyCoinsP90 { get; init; }
    [Id(10)]
    public double MonthlyCoinsMax { get; init; }

    /// <summary>P90 ÷ P10 of the judges' monthly coins (nearest rank); null when P10 is 0.</summary>
    [Id(11)]
    public double? Spread { get; init; }

    [Id(12)]
    public double Moves { get; init; }
    [Id(13)]
    public double PersonMoves { get; init; }
}

/// <summary>How the run went on this machine: the only part allowed to differ between two identical runs.</summary>
[GenerateSerializer, Immutable, Alias("docket.summary.engine-figures")]
public sealed record EngineFigures
{
    [Id(0)]
    public double WallSeconds { get; init; }
    [Id(1)]
    public double CasesPerSecond { get; init; }
    [Id(2)]
    public long GrainCalls { get; init; }
    [Id(3)]
    public int Silos { get; init; } = 1;
    [Id(4)]
    public long SimulatedCases { get; init; }
    [Id(5)]
    public long Events { get; init; }
}
