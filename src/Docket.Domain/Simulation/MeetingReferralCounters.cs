using Docket.Domain.Supervision;
using Orleans;

namespace Docket.Domain.Simulation;

/// <summary>
/// Counts of the professional judges' meetings' referrals, attendance and the adjudication committee inside the
/// statistics window (cases 164, 165); kept only for a scenario that writes their keys
/// (<see cref="SupervisionSpec.ReportsReferrals"/>).
/// </summary>
[GenerateSerializer, Alias("docket.sim.meeting-referral-counters")]
public sealed class MeetingReferralCounters
{
    /// <summary>Cases referred, per trigger in <see cref="MeetingTriggers.All"/>'s order.</summary>
    [Id(0)]
    public long[] ByTrigger { get; set; } = new long[MeetingTriggers.All.Count];

    /// <summary>Meetings called that did not sit: not a majority of the judges called attended.</summary>
    [Id(1)]
    public long WithoutQuorum { get; set; }

    /// <summary>Cases a meeting sat on.</summary>
    [Id(2)]
    public long Discussed { get; set; }

    /// <summary>Of those, cases whose panel departed from the meeting's majority view.</summary>
    [Id(3)]
    public long Departed { get; set; }

    [Id(4)]
    public long CommitteeReferrals { get; set; }

    [Id(5)]
    public long CommitteeSessions { get; set; }

    /// <summary>Members' hours in the committee's sessions (members × the session's hours).</summary>
    [Id(6)]
    public double CommitteeMemberHours { get; set; }

    [Id(7)]
    public long CommitteeDecided { get; set; }

    /// <summary>Each judge who can sit in a meeting, by court-wide number: their id (<c>team/judge-k</c>).</summary>
    [Id(8)]
    public string[] Judges { get; set; } = [];

    /// <summary>Meetings each judge was called to (by court-wide number).</summary>
    [Id(9)]
    public long[] Called { get; set; } = [];

    /// <summary>Meetings each judge attended.</summary>
    [Id(10)]
    public long[] Attended { get; set; } = [];

    /// <summary>Counters for the court, or null when its scenario writes none of the referral keys (a type's <c>meeting_referral</c>, <c>meeting.papers_days</c> or <c>.attendance</c>, <c>committee</c>).</summary>
    public static MeetingReferralCounters? For(CourtLayout layout)
    {
        if (!layout.Spec.Supervision.ReportsReferrals && !layout.Scenario.CaseTypes.Any(t => t.MeetingReferral is not null))
        {
            return null;
        }
        var judges = layout.JudgesByDepartment.Sum(d => d.Count) == 0 ? 0 : layout.JudgesByDepartment.SelectMany(d => d).Max() + 1;
        return new MeetingReferralCounters
        {
            Judges = [.. Enumerable.Range(0, judges).Select(j => CourtViews.JudgeId(layout.Teams[layout.TeamOfJudge(j)].Id, layout.JudgeInTeam(j)))],
            Called = new long[judges],
            Attended = new long[judges],
        };
    }
}
