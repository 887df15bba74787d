using Docket.Domain.Access;
using Docket.Domain.Ledger;
using Docket.Domain.Supervision;

namespace Docket.Domain.Courts;

/// <summary>
/// A court's professional judges' meetings and adjudication committee (cases 164, 165), as its ledger records them:
/// each case's steps, and the meeting's sittings with each member's attendance.
/// </summary>
public sealed partial class CourtState
{
    private readonly Dictionary<string, (long Called, long Attended)> _attendance = new(StringComparer.Ordinal);

    /// <summary>Days the papers go out before a meeting sits (the scenario's <c>meeting.papers_days</c>).</summary>
    public double PapersDays => _court.Layout.Spec.Supervision.Meeting.PapersDays;

    /// <summary>Sittings of the professional judges' meeting recorded, and those without a majority of their members present.</summary>
    public (long Sittings, long WithoutQuorum) Sittings { get; private set; }

    /// <summary>
    /// Why a sitting's <paramref name="members"/> (the judges called) and <paramref name="present"/> cannot be
    /// recorded: the field and the problem; null when they can (each a judge of the court, named once, those present
    /// among those called).
    /// </summary>
    public (string Field, string Problem)? RefuseSitting(IReadOnlyList<string> members, IReadOnlyList<string> present)
    {
        if (members.Count == 0)
        {
            return ("members", "a sitting names the judges called to it ({team}/judge-{k})");
        }
        var called = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < members.Count; i++)
        {
            if (members[i] is null)
            {
                return ($"members[{i}]", "a member is named as {team}/judge-{k}, not null");
            }
            if (!IsJudge(members[i]))
            {
                return ($"members[{i}]", $"{Quoted.Value(members[i])} is not a judge of court {_court.Id} ({{team}}/judge-{{k}})");
            }
            if (!called.Add(members[i]))
            {
                return ($"members[{i}]", $"{members[i]} is named twice");
            }
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < present.Count; i++)
        {
            if (present[i] is null)
            {
                return ($"present[{i}]", "a judge present is named as {team}/judge-{k}, not null");
            }
            if (!called.Contains(present[i]))
            {
                return ($"present[{i}]", $"{Quoted.Value(present[i])} is not among the members called");
            }
            if (!seen.Add(present[i]))
            {
                return ($"present[{i}]", $"{present[i]} is named twice");
            }
        }
        return null;
    }

    /// <summary>
    /// Each member called to a sitting since the ledger began, in court order (teams, then judges): sittings called
    /// to, attended, the rate, and whether under half (case 165); with the sittings and those without a majority.
    /// </summary>
    public MeetingAttendance Attendance()
    {
        var rows = new List<MemberAttendance>();
        for (var t = 0; t < _court.Layout.Teams.Count; t++)
        {
            for (var k = 0; k < _court.Layout.JudgesPerTeam[t]; k++)
            {
                var judge = Assignment.JudgeInCharge.Name(_court.Layout.Teams[t].Id, k);
                if (_attendance.TryGetValue(judge, out var a))
                {
                    var rate = (double)a.Attended / a.Called;
                    rows.Add(new MemberAttendance(judge, a.Called, a.Attended, rate, rate < 0.5));
                }
            }
        }
        return new MeetingAttendance(_court.Id, Sittings.Sittings, Sittings.WithoutQuorum, rows);
    }

    private bool IsJudge(string name) => TeamOfJudge(name) is not null;

    /// <summary>The team and the judge's number in it of a judge of the court named <c>{team}/judge-k</c>; null for any other name.</summary>
    private (int Team, int Judge)? TeamOfJudge(string name) =>
        Assignment.JudgeInCharge.TeamIdOf(name) is { } teamId && _court.TeamIndex(teamId) is var team and >= 0 && JudgeNumber(team, name) is var judge and >= 0
            ? (team, judge)
            : null;

    /// <summary>Why the meeting or committee entry could not be made on its case then (<see cref="MeetingReferral"/>); null when it could.</summary>
    private string? RefuseMeetingEntry(LedgerEntry e)
    {
        var c = Case(e.Number ?? 0) ?? throw new InvalidOperationException($"no case {e.Case}");
        var refusal = e.Kind switch
        {
            LedgerKinds.MeetingReferred => string.IsNullOrWhiteSpace(e.Reason)
                ? "a referral needs a reason"
                : MeetingReferral.RefuseReferral(c.Meeting, c.Status != CourtCaseStatus.Closed, e.Trigger, e.By?.Role ?? "")?.Problem,
            LedgerKinds.MeetingHeld => e.Adopted is null ? "a meeting held records whether the panel adopted its majority view" : MeetingReferral.RefuseHeld(c.Meeting, e.At, PapersDays),
            LedgerKinds.MeetingReleased => MeetingReferral.RefuseRelease(c.Meeting, c.Flagged),
            LedgerKinds.CommitteeReferred => MeetingReferral.RefuseCommittee(c.Meeting),
            _ => string.IsNullOrWhiteSpace(e.Reason) ? "the committee's decision needs a reason" : MeetingReferral.RefuseCommitteeDecision(c.Meeting),
        };
        return refusal is null ? null : $"the {e.Kind} entry of case {e.Case} is not allowed: {refusal}";
    }

    /// <summary>Why the sitting could not be recorded: its members, or a case heard not waiting for its meeting then.</summary>
    private string? RefuseSittingEntry(LedgerEntry e)
    {
        if (RefuseSitting(e.Members ?? [], e.Present ?? []) is { } invalid)
        {
            return $"the meeting_sitting entry is not allowed: {invalid.Field}: {invalid.Problem}";
        }
        foreach (var id in e.Heard ?? [])
        {
            if (_court.ParseNumber(id) is not { } number || Case(number) is not { } c)
            {
                return $"the meeting_sitting entry heard case {id}, which the court does not hold";
            }
            if (MeetingReferral.RefuseHeld(c.Meeting, e.At, PapersDays) is { } refusal)
            {
                return $"the meeting_sitting entry heard case {id}, which it could not: {refusal}";
            }
        }
        return (e.Heard ?? []).Length == 0 ? "the meeting_sitting entry heard no case" : null;
    }

    private void NoteSitting(LedgerEntry e)
    {
        var present = new HashSet<string>(e.Present ?? [], StringComparer.Ordinal);
        foreach (var member in e.Members ?? [])
        {
            var (called, attended) = _attendance.GetValueOrDefault(member);
            _attendance[member] = (called + 1, attended + (present.Contains(member) ? 1 : 0));
        }
        var quorum = MeetingReferral.HasQuorum(present.Count, (e.Members ?? []).Length);
        Sittings = (Sittings.Sittings + 1, Sittings.WithoutQuorum + (quorum ? 0 : 1));
        foreach (var seat in MeetingReferral.SeatsOf(e.Present ?? [], (e.Members ?? []).Length))
        {
            // The seat counts towards its judge's and team's quota; the team's docket (and through it the judge's) is told.
            if (TeamOfJudge(seat) is var (team, judge))
            {
                _teamTally[team].Sat();
                _judgeTally[_judges.Slot(team, judge)].Sat();
                Touch(team, e);
            }
        }
    }

    private void WriteMeetings(BinaryWriter w)
    {
        w.Write(Sittings.Sittings);
        w.Write(Sittings.WithoutQuorum);
        w.Write(_attendance.Count);
        foreach (var (judge, (called, attended)) in _attendance.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            w.Write(judge);
            w.Write(called);
            w.Write(attended);
        }
    }

    private void ReadMeetings(BinaryReader r)
    {
        Sittings = (r.ReadInt64(), r.ReadInt64());
        for (var n = r.ReadInt32(); n > 0; n--)
        {
            _attendance[r.ReadString()] = (r.ReadInt64(), r.ReadInt64());
        }
    }
}

/// <summary>A live court's meeting attendance (case 165): its sittings, those without a majority, and each member called.</summary>
[Orleans.GenerateSerializer, Orleans.Immutable, Orleans.Alias("docket.live.meeting-attendance")]
public sealed record MeetingAttendance(
    [property: Orleans.Id(0)] string Court,
    [property: Orleans.Id(1)] long Sittings,
    [property: Orleans.Id(2)] long WithoutQuorum,
    [property: Orleans.Id(3)] IReadOnlyList<MemberAttendance> Members);

/// <summary>A member's attendance: sittings called to and attended, the rate, and whether under half (case 165).</summary>
[Orleans.GenerateSerializer, Orleans.Immutable, Orleans.Alias("docket.live.member-attendance")]
public sealed record MemberAttendance(
    [property: Orleans.Id(0)] string Judge,
    [property: Orleans.Id(1)] long Called,
    [property: Orleans.Id(2)] long Attended,
    [property: Orleans.Id(3)] double Rate,
    [property: Orleans.Id(4)] bool UnderHalf);
