using Orleans;

namespace Docket.Domain.Statistics;

/// <summary>summary.json's <c>reports</c>: the court's published lists produced in the window (docs/summary.md, "Reports").</summary>
[GenerateSerializer, Immutable, Alias("docket.summary.report-figures")]
public sealed record ReportFigures
{
    [Id(0)]
    public DailyCheckFigures DailyCheck { get; init; } = new();
    [Id(1)]
    public PastLimitFigures PastLimit { get; init; } = new();
    [Id(2)]
    public AssignmentReportFigures Assignments { get; init; } = new();
    [Id(3)]
    public CaseloadReportFigures Caseload { get; init; } = new();
    [Id(4)]
    public RankingReportFigures Rankings { get; init; } = new();
}

/// <summary>The daily checks produced (one a whole day of the window) and each check's counts over them.</summary>
[GenerateSerializer, Immutable, Alias("docket.summary.daily-check-figures")]
public sealed record DailyCheckFigures
{
    [Id(0)]
    public double Produced { get; init; }
    [Id(1)]
    public CheckFigures NotServed { get; init; } = new();
    [Id(2)]
    public CheckFigures NoHearing { get; init; } = new();
    [Id(3)]
    public CheckFigures NearLimit { get; init; } = new();
}

/// <summary>One check over the daily checks: the case types it reads, and the cases listed (mean, max, on the last day); counts absent when no type is checked.</summary>
[GenerateSerializer, Immutable, Alias("docket.summary.check-figures")]
public sealed record CheckFigures
{
    [Id(0)]
    public double Types { get; init; }
    [Id(1)]
    public double? Mean { get; init; }
    [Id(2)]
    public double? Max { get; init; }
    [Id(3)]
    public double? Last { get; init; }
}

/// <summary>The weekly lists of cases past their limit produced (one a whole ISO week of the window) and their lengths.</summary>
[GenerateSerializer, Immutable, Alias("docket.summary.past-limit-figures")]
public sealed record PastLimitFigures
{
    [Id(0)]
    public double Produced { get; init; }
    [Id(1)]
    public string? LastPeriod { get; init; }
    [Id(2)]
    public double Mean { get; init; }
    [Id(3)]
    public double Max { get; init; }
    [Id(4)]
    public double Last { get; init; }
}

/// <summary>The monthly assignment counts per judge (case 161) produced, and what they showed.</summary>
[GenerateSerializer, Immutable, Alias("docket.summary.assignment-report-figures")]
public sealed record AssignmentReportFigures
{
    [Id(0)]
    public double Produced { get; init; }
    [Id(1)]
    public string? LastPeriod { get; init; }
    [Id(2)]
    public double Judges { get; init; }
    [Id(3)]
    public double Assigned { get; init; }
    [Id(4)]
    public double Drawn { get; init; }
    [Id(5)]
    public double MaxAbsDeviation { get; init; }
    [Id(6)]
    public double MaxAbsResidual { get; init; }
    [Id(7)]
    public double Departing { get; init; }

    /// <summary>The last month's counts, a row a judge in team order (over several courts, court by court).</summary>
    [Id(8)]
    public IReadOnlyList<JudgeCountRow> LastJudges { get; init; } = [];
}

/// <summary>A judge's counts in a month: assigned, drawn, the draws' expected count, drawn − expected and the team's residual.</summary>
[GenerateSerializer, Immutable, Alias("docket.summary.judge-count-row")]
public sealed record JudgeCountRow
{
    [Id(0)]
    public string Team { get; init; } = "";
    [Id(1)]
    public string Judge { get; init; } = "";
    [Id(2)]
    public double Assigned { get; init; }
    [Id(3)]
    public double Drawn { get; init; }
    [Id(4)]
    public double Expected { get; init; }
    [Id(5)]
    public double Deviation { get; init; }
    [Id(6)]
    public double TeamResidual { get; init; }
}

/// <summary>The monthly caseloads per division produced, and the last one.</summary>
[GenerateSerializer, Immutable, Alias("docket.summary.caseload-report-figures")]
public sealed record CaseloadReportFigures
{
    [Id(0)]
    public double Produced { get; init; }
    [Id(1)]
    public string? LastPeriod { get; init; }
    [Id(2)]
    public IReadOnlyList<DivisionCaseloadRow> Divisions { get; init; } = [];
}

[GenerateSerializer, Immutable, Alias("docket.summary.division-caseload-row")]
public sealed record DivisionCaseloadRow
{
    [Id(0)]
    public string Division { get; init; } = "";
    [Id(1)]
    public double PendingStart { get; init; }
    [Id(2)]
    public double Filed { get; init; }
    [Id(3)]
    public double Closed { get; init; }
    [Id(4)]
    public double PendingEnd { get; init; }
}

/// <summary>The quarterly and yearly rankings produced.</summary>
[GenerateSerializer, Immutable, Alias("docket.summary.ranking-report-figures")]
public sealed record RankingReportFigures
{
    [Id(0)]
    public RankingFigures Quarterly { get; init; } = new();
    [Id(1)]
    public RankingFigures Yearly { get; init; } = new();
}

/// <summary>Rankings of one cadence: how many, the last one's period, its teams, and the top and bottom teams' workload units.</summary>
[GenerateSerializer, Immutable, Alias("docket.summary.ranking-figures")]
public sealed record RankingFigures
{
    [Id(0)]
    public double Produced { get; init; }
    [Id(1)]
    public string? LastPeriod { get; init; }
    [Id(2)]
    public double Teams { get; init; }
    [Id(3)]
    public double TopUnits { get; init; }
    [Id(4)]
    public double BottomUnits { get; init; }
}
