namespace Docket.Domain.Access;

/// <summary>What a user of the live service may be allowed to do (<see cref="AccessRules"/> says who).</summary>
public enum Permission
{
    /// <summary>File a case at the court (it is assigned at once, or queued).</summary>
    File,

    /// <summary>See a case or a team's caseload.</summary>
    Read,

    /// <summary>Report that a case reached a process node or finished a stage.</summary>
    Report,

    /// <summary>Unlock a case locked by an overdue important node.</summary>
    Unlock,

    /// <summary>Re-assign a case to a team, with a reason.</summary>
    Designate,

    /// <summary>Record a team's absence.</summary>
    MarkAbsent,

    /// <summary>Extend a case's statutory time limit.</summary>
    Extend,

    /// <summary>Ask to convert a simple-procedure case to ordinary procedure.</summary>
    RequestConversion,

    /// <summary>Approve or refuse a conversion to ordinary procedure (the scenario names which role approves).</summary>
    DecideConversion,

    /// <summary>Draw the quality-review sample of closed files and record a review's finding and card (cases 162, 166, 159).</summary>
    ReviewQuality,

    /// <summary>Refer a case to a professional judges' meeting (cases 164, 165).</summary>
    ReferToMeeting,

    /// <summary>Refer a case to a professional judges' meeting because one disagrees with its panel (a leader's disagreement).</summary>
    ReferForDisagreement,

    /// <summary>Record a meeting held, release a case after its minutes are checked, send it to the adjudication committee.</summary>
    ConveneMeeting,

    /// <summary>Record the adjudication committee's decision on a case.</summary>
    DecideInCommittee,

    /// <summary>Issue a case's party a new code (the earlier one stops working).</summary>
    IssuePartyCode,

    /// <summary>See a division's deadline warnings and its teams' absences.</summary>
    Oversee,

    /// <summary>
    /// See the court's indicators, its waiting queue (a pool's queue is the court's, not a division's) and its
    /// meetings' attendance.
    /// </summary>
    SeeKpis,

    /// <summary>Read the daily check (case 154): the open cases not served, not heard or near their limit, within reach.</summary>
    SeeDailyCheck,

    /// <summary>Read the weekly list of open cases past their statutory limit, within reach.</summary>
    SeePastLimit,

    /// <summary>Read the court's published monthly counts: assignments per judge (case 161) and caseload per division.</summary>
    SeePublishedCounts,

    /// <summary>Read the quarterly and yearly rankings of the court's teams.</summary>
    SeeRankings,

    /// <summary>Read the court's quality review of a year: each judge's files closed, held, drawn and reviewed (case 166's check).</summary>
    SeeQualityReview,

    /// <summary>Read and verify the court's ledger.</summary>
    Audit,

    /// <summary>Rotate the court's seed; run its deadline watch on demand.</summary>
    Administer,

    /// <summary>Open the cluster's dashboard, which shows every court's grains, silos and calls at once.</summary>
    SeeCluster,
}
