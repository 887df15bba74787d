using Docket.Domain.Supervision;
using Orleans;

namespace Docket.Domain.Statistics;

/// <summary>
/// The professional judges' meetings over the window (cases 164, 165): cases referred per trigger, meetings held and
/// those that lacked a quorum, how often panels adopted the majority view, the adjudication committee's referrals,
/// sessions and members' hours, and each judge's attendance (under half marked: case 165).
/// </summary>
[GenerateSerializer, Immutable, Alias("docket.summary.meeting-referral-figures")]
public sealed record MeetingReferralFigures
{
    /// <summary>Cases referred, per trigger (<see cref="MeetingTriggers.All"/>).</summary>
    [Id(0)]
    public IReadOnlyDictionary<string, double> Referrals { get; init; } = new Dictionary<string, double>();
    [Id(1)]
    public double Meetings { get; init; }
    [Id(2)]
    public double MeetingsWithoutQuorum { get; init; }
    [Id(3)]
    public double CasesDiscussed { get; init; }
    [Id(4)]
    public double Departures { get; init; }

    /// <summary>Share of the cases discussed whose panel adopted the meeting's majority view (1 when none was discussed).</summary>
    [Id(5)]
    public double AdoptionRate { get; init; }
    [Id(6)]
    public CommitteeFigures Committee { get; init; } = new();

    /// <summary>Each judge called to a meeting in the window, in court-wide order.</summary>
    [Id(7)]
    public IReadOnlyList<AttendanceRow> Attendance { get; init; } = [];

    /// <summary>Judges who attended under half of the meetings they were called to.</summary>
    [Id(8)]
    public double MembersUnderHalf { get; init; }

    /// <summary>The courts' counts summed; null when no court kept them (the scenario writes none of the referral keys).</summary>
    public static MeetingReferralFigures? Of(IReadOnlyList<CourtStatistics> courts)
    {
        var kept = courts.Select(c => c.MeetingReferrals).OfType<Simulation.MeetingReferralCounters>().ToList();
        if (kept.Count == 0)
        {
            return null;
        }
        var discussed = kept.Sum(k => k.Discussed);
        var departed = kept.Sum(k => k.Departed);
        var attendance = kept.SelectMany(k => k.Judges.Select((judge, j) => (judge, Called: k.Called[j], Attended: k.Attended[j])))
            .Where(a => a.Called > 0)
            .Select(a => new AttendanceRow
            {
                Judge = a.judge,
                Called = a.Called,
                Attended = a.Attended,
                Rate = (double)a.Attended / a.Called,
                UnderHalf = a.Attended * 2 < a.Called,
            })
            .ToList();
        return new MeetingReferralFigures
        {
            Referrals = MeetingTriggers.All.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => (double)kept.Sum(k => k.ByTrigger[x.i])),
            Meetings = courts.Where(c => c.MeetingReferrals is not null).Sum(c => c.Deadlines.Meetings),
            MeetingsWithoutQuorum = kept.Sum(k => k.WithoutQuorum),
            CasesDiscussed = discussed,
            Departures = departed,
            AdoptionRate = discussed > 0 ? 1.0 - ((double)departed / discussed) : 1.0,
            Committee = new CommitteeFigures
            {
                Referrals = kept.Sum(k => k.CommitteeReferrals),
                Sessions = kept.Sum(k => k.CommitteeSessions),
                MemberHours = kept.Sum(k => k.CommitteeMemberHours),
                Decided = kept.Sum(k => k.CommitteeDecided),
            },
            Attendance = attendance,
            MembersUnderHalf = attendance.Count(a => a.UnderHalf),
        };
    }
}

/// <summary>The adjudication committee over the window: cases sent to it, its sessions, its members' hours, cases it decided.</summary>
[GenerateSerializer, Immutable, Alias("docket.summary.committee-figures")]
public sealed record CommitteeFigures
{
    [Id(0)]
    public double Referrals { get; init; }
    [Id(1)]
    public double Sessions { get; init; }
    [Id(2)]
    public double MemberHours { get; init; }
    [Id(3)]
    public double Decided { get; init; }
}

/// <summary>A judge's attendance at the meetings they were called to; <see cref="UnderHalf"/> marks under 50% (case 165).</summary>
[GenerateSerializer, Immutable, Alias("docket.summary.attendance-row")]
public sealed record AttendanceRow
{
    [Id(0)]
    public string Judge { get; init; } = "";
    [Id(1)]
    public double Called { get; init; }
    [Id(2)]
    public double Attended { get; init; }
    [Id(3)]
    public double Rate { get; init; }
    [Id(4)]
    public bool UnderHalf { get; init; }
}
