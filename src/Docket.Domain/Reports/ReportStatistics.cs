using Orleans;

namespace Docket.Domain.Reports;

/// <summary>
/// One simulated court's published lists over the window (<see cref="SimulatedReports"/>), as plain data so that
/// courts can be merged in summary.json's <c>reports</c>: the daily check's counts at each day's end, the weekly list's
/// at each week's end, and what the monthly, quarterly and yearly reports held.
/// </summary>
[GenerateSerializer, Alias("docket.sim.report-statistics")]
public sealed class ReportStatistics
{
    /// <summary>Cases on each daily check at the end of each whole day of the window: not served, no hearing, near the limit.</summary>
    [Id(0)]
    public long[] NotServed { get; set; } = [];
    [Id(1)]
    public long[] NoHearing { get; set; } = [];
    [Id(2)]
    public long[] NearLimit { get; set; } = [];

    /// <summary>Case types with a service node, a hearing node, a statutory limit (the types each check reads).</summary>
    [Id(3)]
    public int ServiceTypes { get; set; }
    [Id(4)]
    public int HearingTypes { get; set; }
    [Id(5)]
    public int LimitTypes { get; set; }

    /// <summary>Cases past their limit at the end of each whole ISO week of the window, and the last week's key.</summary>
    [Id(6)]
    public long[] PastLimit { get; set; } = [];
    [Id(7)]
    public string? LastWeek { get; set; }

    /// <summary>The whole months of the window (each a monthly report), and the last one's key.</summary>
    [Id(8)]
    public int Months { get; set; }
    [Id(9)]
    public string? LastMonth { get; set; }

    /// <summary>Judges of the court (rows of each monthly count).</summary>
    [Id(10)]
    public int Judges { get; set; }

    /// <summary>Over the monthly reports: cases assigned, drawn, and the draws' expected total (equal to drawn, the probabilities summing to 1 each).</summary>
    [Id(11)]
    public long Assigned { get; set; }
    [Id(12)]
    public long Drawn { get; set; }

    /// <summary>Over the monthly reports: the largest |drawn − expected| of a judge, and the largest |team residual|.</summary>
    [Id(13)]
    public double MaxAbsDeviation { get; set; }
    [Id(14)]
    public double MaxAbsResidual { get; set; }

    /// <summary>Team-months whose |residual| is 3 or more.</summary>
    [Id(15)]
    public long Departing { get; set; }

    /// <summary>The last monthly assignment counts: every judge's row, in team order.</summary>
    [Id(19)]
    public JudgeCount[] LastJudgeCounts { get; set; } = [];

    /// <summary>The last monthly caseload per division.</summary>
    [Id(16)]
    public DivisionCaseload[] LastCaseload { get; set; } = [];

    /// <summary>Whole quarters and years of the window, the last of each, and its ranking's teams and top and bottom workload units.</summary>
    [Id(17)]
    public RankingStatistics Quarterly { get; set; } = new();
    [Id(18)]
    public RankingStatistics Yearly { get; set; } = new();
}

/// <summary>The rankings of one cadence over the window.</summary>
[GenerateSerializer, Alias("docket.sim.ranking-statistics")]
public sealed class RankingStatistics
{
    [Id(0)]
    public int Produced { get; set; }
    [Id(1)]
    public string? LastPeriod { get; set; }
    [Id(2)]
    public int Teams { get; set; }
    [Id(3)]
    public double TopUnits { get; set; }
    [Id(4)]
    public double BottomUnits { get; set; }
}
