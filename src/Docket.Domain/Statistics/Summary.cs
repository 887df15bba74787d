namespace Docket.Domain.Statistics;

/// <summary>summary.json, schema 1 (CONTRACTS.md), with Docket's additions after the contract's fields.</summary>
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
    public IReadOnlyList<Summary>? ReplicationsDetail { get; init; }
    public EngineFigures Engine { get; init; } = new();
}

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
    public double Over365 { get; init; }
    public double Over548 { get; init; }
    public double Over1095 { get; init; }
}

public sealed record MonthRow
{
    public int Month { get; init; }
    public double Filed { get; init; }
    public double Closed { get; init; }
    public double ClosureRate { get; init; }
    public double PendingEnd { get; init; }
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
