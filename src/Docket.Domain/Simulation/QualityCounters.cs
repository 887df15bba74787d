using Orleans;

namespace Docket.Domain.Simulation;

/// <summary>A court's quality review inside the statistics window (cases 162, 166, 159).</summary>
[GenerateSerializer, Alias("docket.sim.quality-counters")]
public sealed class QualityCounters
{
    /// <summary>Files whose review finished in the window (the first review of each).</summary>
    [Id(0)]
    public long Reviewed { get; set; }

    /// <summary>Of those, files reviewed because their type or category is reviewed in full.</summary>
    [Id(1)]
    public long ByCategory { get; set; }

    /// <summary>Files reviewed as the judge's yearly file (case 166).</summary>
    [Id(2)]
    public long ByJudge { get; set; }

    /// <summary>Files reviewed from the proportional random sample (case 162).</summary>
    [Id(3)]
    public long BySample { get; set; }

    [Id(4)]
    public long Passed { get; set; }

    [Id(5)]
    public long YellowCards { get; set; }

    [Id(6)]
    public long RedCards { get; set; }

    /// <summary>Red cards that were general problems repeated within the window.</summary>
    [Id(7)]
    public long RedForRepeat { get; set; }

    /// <summary>Review years that ended in the window, the judges who closed a file in them and those reviewed (summed over the years).</summary>
    [Id(8)]
    public long Years { get; set; }

    [Id(9)]
    public long JudgesClosing { get; set; }

    [Id(10)]
    public long JudgesReviewed { get; set; }

    /// <summary>Files held for review (not archived) at the window's end.</summary>
    [Id(11)]
    public long WaitingAtEnd { get; set; }

    /// <summary>Reviewed files archived in the window and their days from closure to archive (summed).</summary>
    [Id(12)]
    public long ArchivedAfterReview { get; set; }

    [Id(13)]
    public double ReviewedArchiveDays { get; set; }

    /// <summary>Reviewers' hours spent on reviews that ended in the window.</summary>
    [Id(14)]
    public double ReviewerHours { get; set; }

    /// <summary>Review sessions held in the window.</summary>
    [Id(15)]
    public long Sessions { get; set; }

    /// <summary>Judges' hours spent fixing carded files, fixes that ended in the window.</summary>
    [Id(16)]
    public double JudgeFixHours { get; set; }
}
