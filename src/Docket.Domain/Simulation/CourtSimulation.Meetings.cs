using Docket.Domain.Cases;
using Docket.Domain.Randomness;
using Docket.Domain.Supervision;

namespace Docket.Domain.Simulation;

/// <summary>
/// Professional judges' meetings and the adjudication committee (cases 164, 165): a case held for a meeting (four-type,
/// or a trigger drawn at filing) waits at its closing stage for the first meeting at least the papers' week after it
/// was referred; the meeting sits when every judge present has sat, its cases then released, except a four-type case
/// whose panel departs from the majority, which waits for the committee's next session.
/// </summary>
public sealed partial class CourtSimulation
{
    private const CaseFlags HeldForMeeting = CaseFlags.Flagged | CaseFlags.MeetingReferral;

    private readonly List<(int Case, double Since)> _awaitingMeeting = [];
    private readonly List<(int Remaining, int[] Cases, int[] Seats)> _meetings = [];
    private readonly List<int> _awaitingCommittee = [];
    private readonly List<int[]> _committeeSessions = [];
    private int _meetingsCalled;

    /// <summary>The meetings' referrals, attendance and the committee in the window; null when the scenario writes none of their keys.</summary>
    public MeetingReferralCounters? Referrals { get; }

    private bool Counts(double now) => now >= _windowStart;

    private void DrawMeetingReferral(ref CaseRecord c, MeetingReferralShares referral)
    {
        _caseRandom.Reseed(_seed, c.Key, StreamKey.Mix(StreamKey.Flags, 303, 0));
        var trigger = referral.Draw(_caseRandom.NextDouble());
        if (trigger > 0)
        {
            c.Flags |= CaseFlags.MeetingReferral;
            c.MeetingTrigger = (byte)trigger;
        }
        if (_caseRandom.NextDouble() < referral.Departs)
        {
            c.Flags |= CaseFlags.DepartsFromMajority;
        }
    }

    /// <summary>The case, at its closing stage, is referred: its papers go out now.</summary>
    private void AwaitMeeting(int caseNo, double now)
    {
        ref var c = ref _cases[caseNo];
        c.Flags |= CaseFlags.AwaitingMeeting;
        _awaitingMeeting.Add((caseNo, now));
        if (Referrals is { } r && Counts(now))
        {
            r.ByTrigger[(c.Flags & CaseFlags.Flagged) != 0 ? 0 : c.MeetingTrigger]++;
        }
    }

    /// <summary>
    /// A professional judges' meeting for the cases whose papers have been out <see cref="MeetingSpec.PapersDays"/>:
    /// a seat for each judge chosen, departments in turn, no more than half from one department; each judge called
    /// attends with the chance <see cref="MeetingSpec.Attendance"/>, and without a majority of them present the
    /// meeting does not sit (its cases wait for the next). Held when every judge present has sat.
    /// </summary>
    private void HoldMeeting(double now)
    {
        var meeting = _supervision.Meeting;
        _events.Push(now + meeting.EveryDays, SimEventKind.MeetingTick, 0);
        var ready = 0;
        while (ready < _awaitingMeeting.Count && _awaitingMeeting[ready].Since + meeting.PapersDays <= now)
        {
            ready++;
        }
        if (ready == 0)
        {
            return;
        }
        var seats = ProfessionalMeeting.Choose(_layout.JudgesByDepartment, _meetingCursor, meeting.Judges);
        if (seats is null)
        {
            Deadlines.MeetingsRefused += Counts(now) ? 1 : 0;
            return;
        }
        var present = meeting.Attendance < 1 || Referrals is not null ? Attend(seats, meeting.Attendance, now) : seats;
        if (!MeetingReferral.HasQuorum(present.Count, seats.Count))
        {
            Referrals?.WithoutQuorum += Counts(now) ? 1 : 0;
            return;
        }
        var index = _meetings.Count;
        var cases = new int[ready];
        for (var i = 0; i < ready; i++)
        {
            cases[i] = _awaitingMeeting[i].Case;
        }
        _awaitingMeeting.RemoveRange(0, ready);
        _meetings.Add((present.Count, cases, [.. present.Select(seat => _layout.TeamOfJudge(seat.Team))]));
        var random = new RandomStream(_seed, _courtKey, StreamKey.Mix(StreamKey.Flags, 300, (ulong)index));
        foreach (var (_, judge) in present)
        {
            // Each seat is a judge's own: the judge sits in person, ahead of the cases in their charge.
            var team = _layout.TeamOfJudge(judge);
            RunOrQueue(NewJob(CourtJobKind.MeetingSeat, -1, index, team, meeting.Hours.Sample(random)), _layout.JudgeStation[team] + _layout.JudgeInTeam(judge), now);
        }
    }

    /// <summary>The judges called who attend (each with the chance <paramref name="attendance"/>), counted per judge.</summary>
    private List<(int Department, int Team)> Attend(IReadOnlyList<(int Department, int Team)> called, double attendance, double now)
    {
        var random = attendance < 1 ? new RandomStream(_seed, _courtKey, StreamKey.Mix(StreamKey.Flags, 301, (ulong)_meetingsCalled++)) : null;
        var present = new List<(int, int)>(called.Count);
        foreach (var seat in called)
        {
            var attends = random is null || random.NextDouble() < attendance;
            if (attends)
            {
                present.Add(seat);
            }
            if (Referrals is { } r && Counts(now))
            {
                r.Called[seat.Team]++;
                r.Attended[seat.Team] += attends ? 1 : 0;
            }
        }
        return present;
    }

    private void MeetingSeatDone(int meeting, double now)
    {
        var (remaining, cases, seats) = _meetings[meeting];
        _meetings[meeting] = (remaining - 1, cases, seats);
        if (remaining != 1)
        {
            return;
        }
        if (Counts(now))
        {
            // A meeting held in the window credits every judge who sat in it.
            Deadlines.Meetings++;
            foreach (var team in seats)
            {
                _meetingSeats[team]++;
            }
        }
        foreach (var caseNo in cases)
        {
            ref var c = ref _cases[caseNo];
            c.Flags = (c.Flags & ~CaseFlags.AwaitingMeeting) | CaseFlags.MeetingHeld;
            var departs = (c.Flags & CaseFlags.DepartsFromMajority) != 0;
            if (Referrals is { } r && Counts(now))
            {
                r.Discussed++;
                r.Departed += departs ? 1 : 0;
            }
            if (departs && (c.Flags & CaseFlags.Flagged) != 0)
            {
                _awaitingCommittee.Add(caseNo);
                Referrals?.CommitteeReferrals += Counts(now) ? 1 : 0;
                continue;
            }
            Proceed(caseNo, now);
        }
    }

    /// <summary>The committee sits on its cadence when a case of the court can depart from a meeting's majority.</summary>
    private void ScheduleCommittee()
    {
        if (_types.Any(t => t.FlaggedShare > 0 && t.MeetingReferral is { Departs: > 0 }))
        {
            _events.Push(_supervision.Committee.EveryDays, SimEventKind.CommitteeTick, 0);
        }
    }

    /// <summary>A session of the adjudication committee for the cases before it: every member sits its hours (their own time); the cases are decided at its end.</summary>
    private void SitCommittee(double now)
    {
        var committee = _supervision.Committee;
        _events.Push(now + committee.EveryDays, SimEventKind.CommitteeTick, 0);
        if (_awaitingCommittee.Count == 0)
        {
            return;
        }
        var index = _committeeSessions.Count;
        var hours = committee.Hours.Sample(new RandomStream(_seed, _courtKey, StreamKey.Mix(StreamKey.Flags, 302, (ulong)index)));
        _committeeSessions.Add([.. _awaitingCommittee]);
        _awaitingCommittee.Clear();
        if (Referrals is { } r && Counts(now))
        {
            r.CommitteeSessions++;
            r.CommitteeMemberHours += committee.Members * hours;
        }
        _events.Push(_calendar.AddWorkingHours(now, hours), SimEventKind.CommitteeDone, index);
    }

    private void CommitteeDecided(int session, double now)
    {
        foreach (var caseNo in _committeeSessions[session])
        {
            Referrals?.CommitteeDecided += Counts(now) ? 1 : 0;
            Proceed(caseNo, now);
        }
    }
}
