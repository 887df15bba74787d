using Docket.Domain.Assignment;
using Docket.Domain.Cases;
using Docket.Domain.Deadlines;
using Docket.Domain.Randomness;
using Docket.Domain.Staffing;
using Docket.Domain.Supervision;

namespace Docket.Domain.Simulation;

/// <summary>
/// One court's year (or years) as a discrete-event loop: Poisson intake, pre-litigation mediation, diversion to
/// assignment pools, assignment by the pool's policy (or designation of flagged cases), the court's waiting queue
/// with escalation, and each stage of each case done by a team's staff or a shared pool on the working calendar.
/// Random draws come from streams keyed by (seed, court, stream or case), so a run is reproducible and a case gets
/// the same draws in two scenarios that differ only in staffing or policy (common random numbers); a pool's draw for
/// case number N is the live service's (<see cref="AssignmentDraw"/>), routing is <see cref="CaseRouter"/>'s and the
/// judge in charge of a case is <see cref="JudgeInCharge"/>'s.
/// Struct events in an array heap, cases in a struct array: nothing is allocated per case on the hot path.
/// </summary>
public sealed partial class CourtSimulation
{
    public const int PriorityLevels = WaitingQueue.Lanes;
    private const int EscalatedLane = WaitingQueue.EscalatedLane;

    private readonly CourtLayout _layout;
    private readonly CaseType[] _types;
    private readonly CourtTeam[] _teams;
    private readonly Deadlines.NodeCatalog[] _nodeCatalogs;
    private readonly Reports.CheckNodes[] _checkNodes;
    private readonly int[][] _poolTeams;
    private readonly int[] _drawTeams;
    private readonly double[] _drawShares;
    private readonly OpenDraws[] _drawSets;
    private long _drawDay = long.MinValue;
    private string _drawMonth = "";
    private readonly Func<DateTimeOffset, string> _monthOf;
    private readonly Calendar.WorkCalendar _calendar;
    private readonly ulong _seed;
    private readonly ulong _courtKey;
    private readonly EventQueue _events = new();
    private readonly IntakeProcess[] _intake;
    private readonly Station[] _stations;
    private readonly CaseRouter _router;
    private readonly JudgeInCharge _judges;
    private readonly RandomStream _caseRandom = new(0);
    private readonly IntQueue[][] _waiting;
    private readonly int[] _waitingByType;
    private readonly (double From, double To)[][] _absences;
    private readonly int[] _awayCount;
    private readonly int[][] _teamAccepts;
    private readonly double _windowStart;
    private readonly double _windowEnd;
    private readonly Calendar.CalendarMonths _months;
    private readonly SupervisionSpec _supervision;
    private readonly EscalationLadder _ladder;
    private readonly int[] _meetingCursor;
    private readonly long[] _meetingSeats;
    private readonly IReadOnlyList<ExternalFiling>? _filings;
    private CaseRecord[] _cases;
    private int _slots;
    private readonly FreeSlots _freeCases = new();
    private readonly Statistics.DoneCaseFolder _folder;
    private CourtJob[] _jobs = new CourtJob[64];
    private int _jobCount;
    private readonly FreeSlots _freeJobs = new();

    public CourtSimulation(CourtLayout layout, ulong seed)
        : this(layout, seed, null)
    {
    }

    /// <summary>
    /// A court whose intake is given: with <paramref name="filings"/> the cases are those filings (their days, types,
    /// flags and risk, in order, numbered 1, 2, 3…) instead of the scenario's Poisson intake and backlog; everything
    /// else — routing, draws, queues, effort, absences, deadlines — is the scenario's. Without, the scenario's court.
    /// A <paramref name="deadlineObserver"/> is told of the cases' deadlines and limits as they go
    /// (<see cref="ICaseDeadlineObserver"/>), from the backlog's filings (made here) on.
    /// </summary>
    public CourtSimulation(CourtLayout layout, ulong seed, IReadOnlyList<ExternalFiling>? filings, ICaseDeadlineObserver? deadlineObserver = null)
    {
        DeadlineObserver = deadlineObserver;
        _filings = filings;
        _layout = layout;
        ReusesClosedSlots = filings is null && layout.Scenario.ClosedCases == Scenarios.ClosedCases.Stream;
        var expectedCases = ExpectedCases(layout, filings);
        _cases = new CaseRecord[ReusesClosedSlots ? Math.Min(expectedCases, StreamingStartSlots) : expectedCases];
        PageFaults.MapAhead(_cases);
        _folder = new Statistics.DoneCaseFolder(new Statistics.CaseFold(layout), offLoop: expectedCases >= Statistics.DoneCaseFolder.OffLoopCases);
        // Arrays rather than the layout's read-only lists: the loop indexes them several times per case.
        _types = [.. layout.Scenario.CaseTypes];
        _teams = [.. layout.Teams];
        _nodeCatalogs = [.. layout.NodeCatalogs];
        _checkNodes = [.. _types.Select(Reports.CheckNodes.Of)];
        _calendar = layout.Scenario.Calendar;
        _seed = seed;
        _courtKey = StreamKey.Of(StreamName(layout));
        _windowStart = layout.Scenario.WarmupDays;
        _windowEnd = layout.Scenario.Days;
        _months = _calendar.Months(_windowStart, _windowEnd);
        Deadlines = DeadlineCounters.ForWindow(_months.Count);
        // Stations keep their staff's queues and hours: each run works its own, so that one layout serves many runs.
        _stations = [.. layout.Stations.Select(s => s.Staffed())];
        _supervision = layout.Spec.Supervision;
        _ladder = new EscalationLadder(_supervision.WarnBeforeHours, _supervision.ReferralAfterDays);
        _meetingCursor = new int[layout.JudgesByDepartment.Count];
        _meetingSeats = new long[layout.Teams.Count];
        Referrals = MeetingReferralCounters.For(layout);
        Tally = new SimulationTally(_types.Length);
        Draws = new Audit.ExpectedCounts([.. _teams.Select(t => t.Id)]);
        _monthOf = Reports.ReportPeriod.KeyIn(_calendar, Reports.ReportCadence.Month);
        _poolTeams = [.. Enumerable.Range(0, layout.PoolSpecs.Count).Select(p => Enumerable.Range(0, _teams.Length).Where(i => _teams[i].Pool == p).OrderBy(i => _teams[i].LocalIndex).ToArray())];
        _drawTeams = new int[Math.Max(1, _teams.Length)];
        _drawShares = new double[Math.Max(1, _teams.Length)];
        _drawSets = new OpenDraws[layout.PoolSpecs.Count * _types.Length];
        // Filings drawn with the live court's seeds are drawn in its streams, keyed by its id as it keys them.
        var drawStreamName = filings is not null && filings.Any(f => f.DrawSeed is not null) ? layout.CourtId : StreamName(layout);
        _router = new CaseRouter(layout, drawStreamName, null, layout.Scenario.Scoring.Moves is not null);
        // What each team's board accepts: its own types and, with Linshu's moves, those it may move to.
        _teamAccepts = [.. Enumerable.Range(0, layout.Teams.Count).Select(t => _router.TypesOf(t).ToArray())];
        Coins = new CoinRounds(layout, _router.TakesSpecialty);
        if (Coins.FirstRoundEnd < _windowEnd)
        {
            _events.Push(Coins.FirstRoundEnd, SimEventKind.CoinRound, 0);
        }
        _judges = new JudgeInCharge(layout.JudgesPerTeam);
        if (layout.Spec.QualityReview is { } quality)
        {
            _quality = new QualityDesk(quality, _types, layout);
            Quality = new QualityCounters();
            if (_quality.SessionAt(1) < _windowEnd)
            {
                _events.Push(_quality.SessionAt(1), SimEventKind.QualitySession, 1);
            }
        }

        _waiting = new IntQueue[_types.Length][];
        _waitingByType = new int[_types.Length];
        for (var t = 0; t < _types.Length; t++)
        {
            _waiting[t] = new IntQueue[PriorityLevels];
        }

        var typeIndex = _types.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i);
        _intake = [.. layout.Spec.Intake.Select((s, i) => new IntakeProcess(
            s, [.. s.Mix.Select(m => typeIndex[m.Type])], seed, _courtKey, i, 1.0, _calendar))];

        var teamIndex = layout.Teams.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var absences = layout.Teams.Select(_ => new List<(double, double)>()).ToArray();
        _awayCount = new int[layout.Teams.Count];
        foreach (var absence in layout.Spec.Absences)
        {
            // A court's absences name its teams as its scenario does; in a scenario of several courts the layout's ids carry the court.
            if (teamIndex.TryGetValue(absence.Team, out var team) || teamIndex.TryGetValue($"{layout.CourtId}/{absence.Team}", out team))
            {
                absences[team].Add((absence.FromDay, absence.ToDay));
            }
        }
        // Overlapping absences are one absence; starts are queued before ends so back-to-back ones never let a
        // case slip in between, and an absence from day 0 is in force before the backlog is assigned.
        _absences = [.. absences.Select(AbsenceRule.Merge)];
        for (var team = 0; team < _absences.Length; team++)
        {
            foreach (var (from, _) in _absences[team])
            {
                if (from <= 0)
                {
                    SetAway(team, true);
                }
                else
                {
                    _events.Push(from, SimEventKind.AbsenceStart, team);
                }
            }
        }
        for (var team = 0; team < _absences.Length; team++)
        {
            foreach (var (_, to) in _absences[team])
            {
                _events.Push(to, SimEventKind.AbsenceEnd, team);
            }
        }

        ScheduleCommittee();
        if (filings is not null)
        {
            if (filings.Any(f => f.Flagged) || _types.Any(t => t.MeetingReferral is not null))
            {
                _events.Push(_supervision.Meeting.EveryDays, SimEventKind.MeetingTick, 0);
            }
            if (filings.Count > 0 && filings[0].Day < _windowEnd)
            {
                _events.Push(filings[0].Day, SimEventKind.ExternalArrival, 0);
            }
            return;
        }
        if (_types.Any(t => t.FlaggedShare > 0 || t.MeetingReferral is not null))
        {
            _events.Push(_supervision.Meeting.EveryDays, SimEventKind.MeetingTick, 0);
        }
        SeedBacklog(typeIndex);
        foreach (var process in _intake)
        {
            var first = process.NextArrival(0.0);
            if (first < _windowEnd)
            {
                _events.Push(first, SimEventKind.Arrival, process.Index);
            }
        }
    }

    public CourtLayout Layout => _layout;

    /// <summary>
    /// Whether a done case's slot (archived, or settled in mediation, and its figures folded into the statistics) takes
    /// a later case, so the court's memory follows its open cases rather than every case it has had: the scenario's
    /// <c>closed_cases: stream</c>. A done case's view is then gone (<see cref="CourtViews.Case"/> answers null).
    /// </summary>
    public bool ReusesClosedSlots { get; }

    private const int StreamingStartSlots = 4096;

    /// <summary>The most case records an array holds below the large-object heap's 85,000 bytes (its header counted).</summary>
    private static readonly int s_smallArrayCases = (85_000 - 64) / System.Runtime.CompilerServices.Unsafe.SizeOf<CaseRecord>();

    /// <summary>
    /// Room for the cases a run is expected to hold — the given filings, or the backlog plus the intake's mean over
    /// the run and five standard deviations — so that the case array is allocated once rather than doubled about
    /// twenty times on the large-object heap (each doubling a copy and a full garbage collection). Past the estimate
    /// it still grows. A court whose likely cases fit under the large-object heap's 85,000 bytes gets no more room
    /// than that (the usual margin would have put its array there): on that heap, runs of a small court in one
    /// process (the benchmarks, <c>docket optimize</c>'s candidates) cost a full collection every few runs.
    /// </summary>
    internal static int ExpectedCases(CourtLayout layout, IReadOnlyList<ExternalFiling>? filings)
    {
        const int Least = 1024;
        if (filings is not null)
        {
            return Math.Max(Least, filings.Count);
        }
        var mean = (double)layout.Spec.Backlog.Sum(b => (long)b.Count)
            + (layout.Spec.Intake.Sum(s => s.PerYear) * layout.Scenario.Days / SimulationYear.Days);
        var likely = mean + (5 * Math.Sqrt(mean));
        var expected = likely + Least;
        if (likely < s_smallArrayCases)
        {
            expected = Math.Min(expected, s_smallArrayCases);
        }
        return expected < Array.MaxLength / 2 ? (int)expected : Array.MaxLength / 2;
    }

    /// <summary>
    /// The name the court's random streams are keyed by: its id, except in the single-court form, whose court is
    /// named after the scenario — there a fixed name, so that two scenarios of one court share their random numbers
    /// (common random numbers for <c>docket compare</c>) whatever they are called.
    /// </summary>
    public static string StreamName(CourtLayout layout) =>
        layout.Scenario.Courts is [{ Count: 1 } only] && only.Id == layout.Scenario.Name ? "court" : layout.CourtId;

    /// <summary>The simulated time reached.</summary>
    public double Now { get; private set; }

    public int CaseCount { get; private set; }

    public long EventsProcessed { get; private set; }

    public long Escalations { get; private set; }

    public long Designations { get; private set; }

    /// <summary>
    /// The court's case records: every case in the order it came (a record's index is its <see cref="CaseRecord.Ordinal"/>),
    /// unless the court <see cref="ReusesClosedSlots"/>, when a slot may hold a later case and a done case's slot is
    /// <see cref="CaseFlags.Folded"/> until taken.
    /// </summary>
    public ReadOnlySpan<CaseRecord> Cases => _cases.AsSpan(0, _slots);

    /// <summary>Cases filed so far: the court's last case number (cases are numbered 1, 2, 3… in filing order).</summary>
    public int FiledCount { get; private set; }

    /// <summary>Who of each team's judges is in charge of which cases.</summary>
    internal JudgeInCharge Judges => _judges;

    /// <summary>Running totals since day 0 for live metrics.</summary>
    public SimulationTally Tally { get; }

    /// <summary>Deadline, lock and meeting events inside the statistics window.</summary>
    public DeadlineCounters Deadlines { get; }

    /// <summary>Professional-meeting seats per team inside the window (10 count as one case).</summary>
    public ReadOnlySpan<long> MeetingSeats => _meetingSeats;

    /// <summary>The day the statistics window starts (after the warm-up).</summary>
    public double WindowStart => _windowStart;

    /// <summary>
    /// What the teams of <paramref name="kind"/> with a quota have attained towards it inside the window so far, each in
    /// its quota's unit: closures (<see cref="QuotaAttainment.Credit"/>) and, in workload units, meeting seats
    /// (<see cref="QuotaAttainment.MeetingUnits"/>) — summary.json's count for its teams, summed over the kind.
    /// </summary>
    public double QuotaAttained(TeamKind kind)
    {
        var attained = Tally.QuotaCreditByKind[(int)kind];
        var perCase = _layout.Spec.Supervision.Meeting.ParticipationsPerCase;
        for (var t = 0; t < _teams.Length; t++)
        {
            if (_teams[t].Kind == kind && _teams[t].Quota > 0 && _teams[t].QuotaUnit == QuotaUnit.WorkloadUnits)
            {
                attained += QuotaAttainment.MeetingUnits(_meetingSeats[t], perCase);
            }
        }
        return attained;
    }

    public ref readonly CaseRecord Case(int caseNo) => ref _cases[caseNo];

    /// <summary>The court's figures so far (cases done) plus its cases not yet done, as they stand: the statistics' input.</summary>
    internal Statistics.CaseFold FoldWithOpenCases()
    {
        var fold = _folder.Fold.With();
        foreach (var slot in OpenSlots())
        {
            fold.Add(in _cases[slot]);
        }
        return fold;
    }

    /// <summary>The slots of the cases not yet done, in the order the cases came (so sums over them do not depend on slots).</summary>
    internal int[] OpenSlots()
    {
        var open = new List<int>();
        for (var i = 0; i < _slots; i++)
        {
            if ((_cases[i].Flags & CaseFlags.Folded) == 0)
            {
                open.Add(i);
            }
        }
        if (ReusesClosedSlots)
        {
            open.Sort((a, b) => _cases[a].Ordinal.CompareTo(_cases[b].Ordinal));
        }
        return [.. open];
    }

    /// <summary>The figures of the cases done so far (<see cref="CaseFlags.Folded"/>), which the views add to what they read from the open ones.</summary>
    internal Statistics.CaseFold Folded => _folder.Fold;

    /// <summary>
    /// A case is done when it is archived (or settled in mediation) and no waiting queue still names it: its figures go
    /// into the court's fold, and with <see cref="ReusesClosedSlots"/> its slot goes to the next case. Events and jobs
    /// that could still name it carry its slot's generation and find it moved on.
    /// </summary>
    private void FoldIfDone(int caseNo)
    {
        ref var c = ref _cases[caseNo];
        var done = c.Status == CaseStatus.Mediated || (c.Status == CaseStatus.Closed && !double.IsNaN(c.Archived));
        if (!done || c.QueueEntries != 0 || (c.Flags & CaseFlags.Folded) != 0)
        {
            return;
        }
        _folder.Add(in c);
        if ((c.Flags & CaseFlags.Appeal) != 0)
        {
            Appeals?.Done(caseNo, in c);
        }
        c.Flags |= CaseFlags.Folded;
        if (ReusesClosedSlots)
        {
            c.Generation++;
            _freeCases.Give(caseNo);
        }
    }

    /// <summary>One waiting-queue entry naming the case is gone.</summary>
    private void Unqueued(int caseNo)
    {
        if (--_cases[caseNo].QueueEntries == 0)
        {
            FoldIfDone(caseNo);
        }
    }

    /// <summary>Pushes an event about a case that it may outlive: it carries the case's slot generation (<see cref="IsCurrent"/>).</summary>
    private void PushForCase(double time, SimEventKind kind, int caseNo, int detail = 0, double deadline = 0) =>
        _events.Push(time, kind, caseNo, _cases[caseNo].Generation, detail, deadline);

    /// <summary>Whether an event pushed by <see cref="PushForCase"/> still names the case it was about.</summary>
    private bool IsCurrent(in SimEvent e) => _cases[e.Subject].Generation == e.Station;

    /// <summary>Linshu's coins over the window: per team, and round by round (case 163).</summary>
    public CoinRounds Coins { get; }

    /// <summary>The court's appeals to the court above and from the courts below; null when it has none. Set before running.</summary>
    public Appeals.AppealDesk? Appeals { get; set; }

    /// <summary>Told of every node reached, ladder step, unlock and step of a limit, and of what the limits are made of (null: nobody is).</summary>
    public ICaseDeadlineObserver? DeadlineObserver { get; }

    internal IReadOnlyList<Station> Stations => _stations;

    /// <summary>Runs every event before <paramref name="until"/> (capped at the scenario's length).</summary>
    public void AdvanceTo(double until)
    {
        until = Math.Min(until, _windowEnd);
        while (_events.Count > 0 && _events.PeekTime < until)
        {
            var e = _events.Pop();
            Now = e.Time;
            EventsProcessed++;
            switch (e.Kind)
            {
                case SimEventKind.Arrival:
                    Arrive(e.Subject, e.Time);
                    break;
                case SimEventKind.MediationEnd:
                    EndMediation(e.Subject, e.Time);
                    break;
                case SimEventKind.TaskDone:
                    FinishTask(e.Subject, e.Station, e.Server, e.Time);
                    break;
                case SimEventKind.Escalate:
                    if (IsCurrent(in e))
                    {
                        Escalate(e.Subject);
                    }
                    break;
                case SimEventKind.AbsenceStart:
                    SetAway(e.Subject, true);
                    break;
                case SimEventKind.AbsenceEnd:
                    if (SetAway(e.Subject, false))
                    {
                        PullWaiting(e.Subject, e.Time);
                    }
                    break;
                case SimEventKind.NodeEscalation:
                    if (IsCurrent(in e))
                    {
                        EscalateNode(e.Subject, e.Server >> 8, e.Server & 0xFF, e.Deadline, e.Time);
                    }
                    break;
                case SimEventKind.LimitWarning:
                    if (IsCurrent(in e))
                    {
                        WarnLimit(e.Subject, e.Time);
                    }
                    break;
                case SimEventKind.LimitDue:
                    if (IsCurrent(in e))
                    {
                        LimitDue(e.Subject, e.Time);
                    }
                    break;
                case SimEventKind.MeetingTick:
                    HoldMeeting(e.Time);
                    break;
                case SimEventKind.ExternalArrival:
                    ArriveGiven(e.Subject, e.Time);
                    break;
                case SimEventKind.CoinRound:
                    RebalanceCoins(e.Time);
                    break;
                case SimEventKind.HigherCourtExtension:
                    if (IsCurrent(in e))
                    {
                        Extend(e.Subject, e.Time, e.Deadline);
                    }
                    break;
                case SimEventKind.QualitySession:
                    HoldReviewSession(e.Subject, e.Time);
                    break;
                case SimEventKind.QualityFixed:
                    FixDaysPassed(e.Subject, e.Time);
                    break;
                case SimEventKind.CommitteeTick:
                    SitCommittee(e.Time);
                    break;
                case SimEventKind.CommitteeDone:
                    CommitteeDecided(e.Subject, e.Time);
                    break;
            }
        }
        Now = Math.Max(Now, until);
    }

    /// <summary>Runs the court to the scenario's end; its done cases are then all folded (none left with the worker).</summary>
    public void RunToEnd()
    {
        AdvanceTo(_windowEnd);
        _ = _folder.Fold;
    }

    /// <summary>Counts overlapping absences; returns whether the team is back.</summary>
    private bool SetAway(int team, bool away)
    {
        _awayCount[team] += away ? 1 : -1;
        _router.SetAbsent(team, _awayCount[team] > 0);
        return _awayCount[team] == 0;
    }

    private void SeedBacklog(Dictionary<string, int> typeIndex)
    {
        var random = new RandomStream(_seed, _courtKey, StreamKey.Backlog);
        var backlog = new List<(double Filed, int Type)>();
        foreach (var entry in _layout.Spec.Backlog)
        {
            for (var i = 0; i < entry.Count; i++)
            {
                // Filed before day 0, even at age 0 (−0.0 would count as filed inside a window that starts at 0).
                backlog.Add((Math.Min(-entry.AgeDays.Sample(random), -1e-9), typeIndex[entry.Type]));
            }
        }
        // Oldest first, so the queues start in filing order.
        foreach (var (filed, type) in backlog.OrderBy(b => b.Filed).ThenBy(b => b.Type))
        {
            var caseNo = NewCase(type, filed, StreamKey.Mix(_courtKey, StreamKey.Backlog, (ulong)CaseCount));
            ref var c = ref _cases[caseNo];
            c.Flags |= CaseFlags.Backlog;
            File(caseNo, filed, routeAt: 0.0);
        }
    }

    private int NewCase(int type, double received, ulong key)
    {
        // A slot never used has generation 0: reading it would be a cache miss on memory the loop has not touched yet.
        var generation = 0;
        if (_freeCases.TryTake(out var caseNo))
        {
            generation = _cases[caseNo].Generation;
        }
        else
        {
            if (_slots == _cases.Length)
            {
                Array.Resize(ref _cases, _cases.Length * 2);
            }
            caseNo = _slots++;
        }
        _cases[caseNo] = new CaseRecord
        {
            Ordinal = CaseCount++,
            Generation = generation,
            Received = received,
            Filed = double.NaN,
            Assigned = double.NaN,
            Closed = double.NaN,
            Key = key,
            Team = -1,
            Type = (short)type,
            Limit = double.NaN,
            Archived = double.NaN,
            Served = double.NaN,
            Heard = double.NaN,
        };
        return caseNo;
    }

    private void Arrive(int stream, double now)
    {
        var process = _intake[stream];
        var type = process.DrawType();
        var key = StreamKey.Mix(_courtKey, (ulong)stream + 1, (ulong)process.Produced++);
        var caseNo = NewCase(type, now, key);
        var next = process.NextArrival(now);
        if (next < _windowEnd)
        {
            _events.Push(next, SimEventKind.Arrival, stream);
        }

        if (process.Stream.Mediation is { } mediation)
        {
            _caseRandom.Reseed(_seed, key, StreamKey.Mediation);
            if (_caseRandom.NextDouble() < mediation.Share)
            {
                ref var c = ref _cases[caseNo];
                c.Status = CaseStatus.InMediation;
                c.Flags |= CaseFlags.Mediation;
                var duration = Math.Max(0.0, mediation.DurationDays.Sample(_caseRandom));
                // Settled or not is decided now from the case's own stream; it shows when mediation ends.
                c.Stage = _caseRandom.NextDouble() < mediation.SuccessRate ? (byte)1 : (byte)0;
                _events.Push(now + duration, SimEventKind.MediationEnd, caseNo);
                return;
            }
        }
        File(caseNo, now, now);
    }

    /// <summary>Given filing <paramref name="index"/> arrives: filed at once with its own type, flags and risk.</summary>
    private void ArriveGiven(int index, double now)
    {
        var filing = _filings![index];
        var caseNo = NewCase(filing.Type, now, StreamKey.Mix(_courtKey, (ulong)_intake.Length + 1, (ulong)index));
        if (index + 1 < _filings.Count && _filings[index + 1].Day < _windowEnd)
        {
            _events.Push(Math.Max(now, _filings[index + 1].Day), SimEventKind.ExternalArrival, index + 1);
        }
        File(caseNo, now, now, filing);
    }

    /// <summary>An appeal from a court below, arriving now: filed at once as a case of its appeal type.</summary>
    internal int FileAppeal(int type, double arrival, ulong key)
    {
        var caseNo = NewCase(type, arrival, key);
        _cases[caseNo].Flags |= CaseFlags.Appeal;
        File(caseNo, arrival, arrival);
        return caseNo;
    }

    private void EndMediation(int caseNo, double now)
    {
        ref var c = ref _cases[caseNo];
        if (c.Stage == 1)
        {
            c.Status = CaseStatus.Mediated;
            c.Closed = now;
            c.Stage = 0;
            FoldIfDone(caseNo);
            return;
        }
        File(caseNo, now, now);
    }

    private void File(int caseNo, double filed, double routeAt, ExternalFiling? given = null)
    {
        ref var c = ref _cases[caseNo];
        c.Filed = filed;
        c.Number = ++FiledCount;
        c.Status = CaseStatus.Waiting;
        c.Stage = 0;
        Tally.FiledByType[c.Type]++;
        Tally.PendingByKind[SimulationTally.Unassigned]++;
        var type = _types[c.Type];
        if (given is not null)
        {
            // Flags and risk as filed; the risk's supervision hours still drawn from the case's own stream.
            if (given.Flagged)
            {
                c.Flags |= CaseFlags.Flagged;
            }
            c.Risk = given.Risk;
            if (c.Risk != RiskLevel.None)
            {
                _caseRandom.Reseed(_seed, c.Key, StreamKey.Flags);
                var hours = c.Risk switch
                {
                    RiskLevel.Ordinary => _supervision.OrdinaryRiskHours,
                    RiskLevel.Larger => _supervision.LargerRiskHours,
                    _ => _supervision.MajorRiskHours,
                };
                Supervise(CourtJobKind.SuperviseRisk, caseNo, RiskLevels.Supervisor(c.Risk), hours.Sample(_caseRandom), routeAt);
            }
        }
        else if (type.FlaggedShare > 0 || type.Risk != RiskShares.None)
        {
            _caseRandom.Reseed(_seed, c.Key, StreamKey.Flags);
            if (_caseRandom.NextDouble() < type.FlaggedShare)
            {
                c.Flags |= CaseFlags.Flagged;
            }
            c.Risk = RiskLevels.Draw(type.Risk, _caseRandom.NextDouble());
            if (c.Risk != RiskLevel.None)
            {
                var hours = c.Risk switch
                {
                    RiskLevel.Ordinary => _supervision.OrdinaryRiskHours,
                    RiskLevel.Larger => _supervision.LargerRiskHours,
                    _ => _supervision.MajorRiskHours,
                };
                Supervise(CourtJobKind.SuperviseRisk, caseNo, RiskLevels.Supervisor(c.Risk), hours.Sample(_caseRandom), routeAt);
            }
        }
        if (type.MeetingReferral is { } referral)
        {
            DrawMeetingReferral(ref c, referral);
        }
        if (type.TimeLimitDays is { } limit)
        {
            c.Limit = filed + limit;
            ScheduleLimitWarning(caseNo, routeAt);
        }
        DeadlineObserver?.Filed(c.Number, c.Type, filed);
        NodeReached(caseNo, NodeCatalog.FilingNode, routeAt);
        Route(caseNo, routeAt, given?.DrawSeed ?? _seed);
    }

    private void Route(int caseNo, double now, ulong drawSeed)
    {
        ref var c = ref _cases[caseNo];
        // Validation rejects intake no team accepts; a case with nowhere to go (pool -1) waits for ever, visibly.
        var route = _router.Route(c.Type, (c.Flags & CaseFlags.Flagged) != 0, c.Risk, c.Number, drawSeed);
        if (!route.Assigned)
        {
            Enqueue(caseNo, now);
            return;
        }
        if (route.Designated)
        {
            c.Flags |= CaseFlags.Designated;
            Designations++;
        }
        if (route.Drawn)
        {
            c.Flags |= CaseFlags.Drawn;
            if (now >= _windowStart && now < _windowEnd)
            {
                CountDraw(route.Pool, c.Type, route.Team, now);
            }
        }
        AssignTo(caseNo, route.Team, now);
    }

    /// <summary>
    /// A draw in the window, for the published monthly counts: each eligible team's probability under the pool's
    /// policy (<see cref="Audit.DrawShares"/>, the randomness audit's rule) added to its expected count of the month.
    /// Taken before the case is assigned, as the live ledger records it.
    /// </summary>
    private void CountDraw(int pool, int type, int team, double now)
    {
        var spec = _layout.PoolSpecs[pool];
        var month = MonthOf(now);
        var slot = (pool * _types.Length) + type;
        ref var open = ref _drawSets[slot];
        var version = _router.AvailabilityVersion(pool, type);
        var reusable = spec.Policy != AssignmentPolicyKind.Deck;
        if (!reusable || open.Set is null || open.Version != version || !ReferenceEquals(open.Month, month))
        {
            var local = _poolTeams[pool];
            var n = _router.DrawCandidates(pool, type, _drawTeams, _drawShares);
            var total = 0.0;
            for (var i = 0; i < n; i++)
            {
                var global = local[_drawTeams[i]];
                _drawTeams[i] = global;
                if (!reusable)
                {
                    _drawShares[i] = Audit.DrawShares.Cards(_layout, global, spec);
                }
                total += _drawShares[i];
            }
            for (var i = 0; i < n; i++)
            {
                _drawShares[i] /= total;
            }
            if (!reusable)
            {
                Draws.Add(month, _drawTeams.AsSpan(0, n), _drawShares.AsSpan(0, n), Array.IndexOf(_drawTeams, team, 0, n));
                return;
            }
            var places = open.PlaceOfLocal ?? new int[local.Length];
            Array.Fill(places, -1);
            for (var i = 0; i < n; i++)
            {
                places[_teams[_drawTeams[i]].LocalIndex] = i;
            }
            open = new OpenDraws(Draws.Open(month, _drawTeams.AsSpan(0, n), _drawShares.AsSpan(0, n)), places, version, month);
        }
        open.Set!.Drawn(open.PlaceOfLocal![_teams[team].LocalIndex]);
    }

    /// <summary>
    /// The draws of a pool and type counted together while its available teams and the month stay the same: a draw
    /// among a thousand teams costs the counts O(1), not a pass over the teams (which made the reports' counts most of
    /// a large random pool's time).
    /// </summary>
    private record struct OpenDraws(Audit.ExpectedCounts.DrawSet? Set, int[]? PlaceOfLocal, long Version, string Month);

    /// <summary>The published month of simulated time <paramref name="now"/>, worked out once per day.</summary>
    private string MonthOf(double now)
    {
        var day = (long)Math.Round(now * TimeSpan.TicksPerDay) / TimeSpan.TicksPerDay;
        if (day != _drawDay)
        {
            _drawDay = day;
            // The same string while the month lasts: an open set of draws is kept by the month's reference (CountDraw).
            var month = _monthOf(_calendar.InstantOf(now));
            _drawMonth = month == _drawMonth ? _drawMonth : month;
        }
        return _drawMonth;
    }

    /// <summary>The window's random draws' expected counts per team and month of the court's calendar (the published per-judge counts, case 161).</summary>
    public Audit.ExpectedCounts Draws { get; }

    private void Enqueue(int caseNo, double now)
    {
        ref var c = ref _cases[caseNo];
        var lane = WaitingQueue.LaneOf(_types[c.Type].Priority);
        (_waiting[c.Type][lane] ??= new IntQueue()).Enqueue(caseNo);
        c.QueueEntries++;
        _waitingByType[c.Type]++;
        var pool = _layout.TypePool[c.Type];
        if (pool >= 0 && WaitingQueue.EscalatesAfter(_types[c.Type].Priority, _layout.PoolSpecs[pool].EscalateAfterDays) is { } after)
        {
            // Counted from its filing, as the live court counts (CourtState.EscalatesAt): a backlog case filed long
            // before day 0 and queued then escalates at once.
            PushForCase(Math.Max(now, c.Filed + after), SimEventKind.Escalate, caseNo);
        }
    }

    private void Escalate(int caseNo)
    {
        ref var c = ref _cases[caseNo];
        if (c.Status != CaseStatus.Waiting || (c.Flags & CaseFlags.Escalated) != 0)
        {
            return;
        }
        c.Flags |= CaseFlags.Escalated;
        Escalations++;
        // The old queue entry goes stale and is skipped; the case now waits in the top lane.
        (_waiting[c.Type][WaitingQueue.LaneOf(_types[c.Type].Priority, escalated: true)] ??= new IntQueue()).Enqueue(caseNo);
        c.QueueEntries++;
    }

    private void AssignTo(int caseNo, int team, double now)
    {
        ref var c = ref _cases[caseNo];
        var courtTeam = _teams[team];
        _router.Assign(team, c.Type);
        Tally.AssignedByKindAndType[((int)courtTeam.Kind * _types.Length) + c.Type]++;
        Tally.PendingByKind[SimulationTally.Unassigned]--;
        Tally.PendingByKind[(int)courtTeam.Kind]++;
        c.Team = team;
        c.Judge = (byte)_judges.Assign(team);
        c.Assigned = now;
        c.Status = CaseStatus.InProgress;
        c.Stage = 0;
        DeadlineObserver?.Assigned(c.Number, now);
        if ((c.Flags & CaseFlags.Locked) != 0)
        {
            // Locked while it waited for a team: it starts nothing until unlocked.
            c.Flags |= CaseFlags.Parked;
            return;
        }
        EnterStage(caseNo, now);
    }

    private void EnterStage(int caseNo, double now)
    {
        ref var c = ref _cases[caseNo];
        if (_types[c.Type].Stages[c.Stage].SuspendsLimit && !double.IsNaN(c.Limit) && c.Status != CaseStatus.Closed)
        {
            // The statutory limit stands still from here to the stage's end (TimeLimit.Suspension).
            c.Flags |= CaseFlags.LimitSuspended;
            c.SuspendedSince = now;
        }
        var stationNo = _layout.StationFor(c.Team, c.Type, c.Stage, c.Judge);
        if (stationNo == CourtLayout.WaitStation)
        {
            _caseRandom.Reseed(_seed, c.Key, StreamKey.Mix(StreamKey.Effort, c.Stage, 0));
            var days = Math.Max(0.0, _types[c.Type].Stages[c.Stage].Effort.Sample(_caseRandom));
            _events.Push(now + days, SimEventKind.TaskDone, caseNo, CourtLayout.WaitStation);
            return;
        }
        var station = _stations[stationNo];
        if (station.HasFreeServer)
        {
            StartTask(caseNo, stationNo, station.TakeServer(), now);
        }
        else
        {
            station.Enqueue(caseNo, WaitingQueue.LaneOf(_types[c.Type].Priority));
        }
    }

    private void StartTask(int entry, int stationNo, int server, double now)
    {
        if (entry < 0)
        {
            StartJob(~entry, stationNo, server, now);
            return;
        }
        var caseNo = entry;
        ref var c = ref _cases[caseNo];
        var stage = _types[c.Type].Stages[c.Stage];
        _caseRandom.Reseed(_seed, c.Key, StreamKey.Mix(StreamKey.Effort, c.Stage, 0));
        var hours = Math.Max(0.0, stage.Effort.Sample(_caseRandom));
        var station = _stations[stationNo];
        var end = EndOfWork(station, now, hours);
        Account(station, server, now, end, hours);
        _events.Push(end, SimEventKind.TaskDone, caseNo, stationNo, server);
    }

    private void Account(Station station, int server, double now, double end, double hours)
    {
        if (end > _windowStart && now < _windowEnd)
        {
            var from = Math.Max(now, _windowStart);
            var to = Math.Min(end, _windowEnd);
            // A task counts whole, up to the hours its station's staff were there in the window while it ran.
            var there = station.HearsCases && station.OwnerTeam >= 0
                ? PresentHours(station.OwnerTeam, from, to)
                : _calendar.WorkingHoursBefore(to) - _calendar.WorkingHoursBefore(from);
            station.BusyHours[server] += Math.Min(hours, there);
            if (now >= _windowStart)
            {
                station.Tasks[server]++;
            }
        }
    }

    /// <summary>
    /// The working hours of <paramref name="team"/>'s judges from day <paramref name="from"/> to day
    /// <paramref name="to"/>, less those of its absences (while away its judges do no work): what a judge's
    /// utilisation divides its busy hours by.
    /// </summary>
    public double PresentHours(int team, double from, double to)
    {
        if (to <= from)
        {
            return 0.0;
        }
        var hours = _calendar.WorkingHoursBefore(to) - _calendar.WorkingHoursBefore(from);
        foreach (var (away, back) in _absences[team])
        {
            var (start, end) = (Math.Max(away, from), Math.Min(back, to));
            if (end > start)
            {
                hours -= _calendar.WorkingHoursBefore(end) - _calendar.WorkingHoursBefore(start);
            }
        }
        return hours;
    }

    /// <summary>
    /// When <paramref name="hours"/> of work begun at <paramref name="start"/> at <paramref name="station"/> end: on
    /// the working calendar, and for a team's judge outside the team's absences (while away the judge works no hours;
    /// a task under way when the absence begins resumes at the return with the hours it still needs).
    /// </summary>
    private double EndOfWork(Station station, double start, double hours)
    {
        if (!station.HearsCases || station.OwnerTeam < 0)
        {
            return _calendar.AddWorkingHours(start, hours);
        }
        var at = start;
        foreach (var (from, to) in _absences[station.OwnerTeam])
        {
            if (to <= at)
            {
                continue;
            }
            if (from > at)
            {
                var before = _calendar.WorkingHoursBefore(from) - _calendar.WorkingHoursBefore(at);
                if (hours <= before)
                {
                    break;
                }
                hours -= before;
            }
            at = to;
        }
        return _calendar.AddWorkingHours(at, hours);
    }

    private void FinishTask(int entry, int stationNo, int server, double now)
    {
        if (stationNo != CourtLayout.WaitStation)
        {
            var station = _stations[stationNo];
            if (station.TryDequeue(out var next))
            {
                StartTask(next, stationNo, server, now);
            }
            else
            {
                station.ReleaseServer(server);
            }
        }
        if (entry < 0)
        {
            FinishJob(~entry, now);
            return;
        }

        ref var flags = ref _cases[entry].Flags;
        if ((flags & CaseFlags.Locked) != 0)
        {
            // The work is done, but a locked case's progress is not recorded (the live court refuses a node reached
            // while locked): the stage ends when the case is unlocked.
            flags |= CaseFlags.Parked | CaseFlags.StageAwaitsUnlock;
            return;
        }
        EndStage(entry, now);
    }

    /// <summary>The case's stage ends: the nodes it reaches are reached, a limit it stood still moves on, and the case goes on.</summary>
    private void EndStage(int entry, double now)
    {
        ref var c = ref _cases[entry];
        var catalog = _nodeCatalogs[c.Type];
        if (!catalog.IsEmpty)
        {
            foreach (var node in catalog.ReachedAtStage(c.Stage))
            {
                NodeReached(entry, node, now);
            }
        }
        DeadlineObserver?.StageEnded(c.Number, c.Stage, now);
        if ((c.Flags & CaseFlags.LimitSuspended) != 0)
        {
            ResumeLimit(entry, now);
        }
        c.Stage++;
        Proceed(entry, now);
    }

    /// <summary>
    /// Moves a case on after a stage: not while it is locked; not past its closing stage until a flagged case's
    /// meeting is held; then closes it and goes on to the stages after closure (publishing, archiving).
    /// </summary>
    private void Proceed(int caseNo, double now)
    {
        ref var c = ref _cases[caseNo];
        if ((c.Flags & CaseFlags.Locked) != 0)
        {
            c.Flags |= CaseFlags.Parked;
            return;
        }
        if (c.Status != CaseStatus.Closed && c.Stage > _layout.ClosingStage[c.Type])
        {
            if ((c.Flags & HeldForMeeting) != 0 && (c.Flags & CaseFlags.MeetingHeld) == 0)
            {
                if ((c.Flags & CaseFlags.AwaitingMeeting) == 0)
                {
                    AwaitMeeting(caseNo, now);
                }
                return;
            }
            Close(caseNo, now);
        }
        if (_quality is not null && AwaitsReview(caseNo))
        {
            return;
        }
        if (c.Stage < _types[c.Type].Stages.Count)
        {
            EnterStage(caseNo, now);
        }
        else
        {
            c.Archived = now;
            if (_quality is not null)
            {
                ArchivedAfterReview(caseNo, now);
            }
            FoldIfDone(caseNo);
        }
    }

    private void Close(int caseNo, double now)
    {
        ref var c = ref _cases[caseNo];
        c.Closed = now;
        c.Status = CaseStatus.Closed;
        var team = _teams[c.Team];
        _router.Close(c.Team, c.Type);
        _judges.Close(c.Team, c.Judge);
        Coins.Closed(c.Team, c.Judge, c.Type, now);
        Tally.ClosedByKindAndType[((int)team.Kind * _types.Length) + c.Type]++;
        Tally.QuotaCreditByKind[(int)team.Kind] += now >= _windowStart && team.Quota > 0 ? QuotaAttainment.Credit(team.QuotaUnit, _layout.TypeWeight[c.Type]) : 0;
        Tally.PendingByKind[(int)team.Kind]--;
        DeadlineObserver?.Closed(c.Number, now);
        NodeReached(caseNo, NodeCatalog.ClosureNode, now);
        Appeals?.Closed(in c, now);
        if (_quality is not null)
        {
            DrawForReview(caseNo, now);
        }
        PullWaiting(c.Team, now);
    }

    private void NodeReached(int caseNo, int node, double now)
    {
        ref var c = ref _cases[caseNo];
        var catalog = _nodeCatalogs[c.Type];
        if (catalog.IsEmpty)
        {
            return;
        }
        DeadlineObserver?.NodeReached(c.Number, c.Type, node, now);
        if (node >= 0)
        {
            c.NodesReached = NodeCatalog.Reach(c.NodesReached, node);
            var check = _checkNodes[c.Type];
            if (node == check.Service)
            {
                c.Served = now;
            }
            if (node == check.Hearing)
            {
                c.Heard = now;
            }
        }
        foreach (var due in catalog.DueAfter(node))
        {
            if (catalog.Nodes[due].DueAt(_calendar, now) is { } deadline && !NodeCatalog.IsReached(c.NodesReached, due) &&
                _ladder.Read(null, deadline, catalog.Nodes[due].Locks, now) is var reading &&
                (reading.Level is null ? reading.Next : now) is { } at)
            {
                // Read again when it next climbs (now, if it has already); each reading schedules the next only if still needed.
                PushForCase(at, SimEventKind.NodeEscalation, caseNo, (due << 8) | NoLevel, deadline);
            }
        }
    }

    /// <summary>The event's mark of a deadline that has climbed no level yet.</summary>
    private const int NoLevel = 0xFF;

    /// <summary>
    /// A node deadline read at a moment its last reading named, by the ladder's one evaluator
    /// (<see cref="EscalationLadder.Read(EscalationLevel?, double, bool, double)"/>), which the live court's watch reads
    /// too: each level climbed since (one, unless the deadline started past several) is counted and what it brings the
    /// case applied (<see cref="EscalationLadder.Brings"/>), and the deadline is read again when it next climbs. The
    /// counters are the simulator's own.
    /// </summary>
    private void EscalateNode(int caseNo, int node, int climbedMark, double deadline, double now)
    {
        ref var c = ref _cases[caseNo];
        if (NodeCatalog.IsReached(c.NodesReached, node))
        {
            return;
        }
        var climbed = climbedMark == NoLevel ? (EscalationLevel?)null : (EscalationLevel)climbedMark;
        var locksAtNode = _nodeCatalogs[c.Type].Nodes[node].Locks;
        var reading = _ladder.Read(climbed, deadline, locksAtNode, now);
        var inWindow = now >= _windowStart;
        // Level by level (several when the deadline started past them), each with what it brings, in the ladder's order.
        for (var level = EscalationLadder.Above(climbed); level <= reading.Level; level++)
        {
            CountStep(level, inWindow, now);
            var brings = EscalationLadder.Brings(level, locksAtNode);
            if ((brings & LadderEffects.Overdue) != 0)
            {
                Deadlines.Overdue += inWindow ? 1 : 0;
                c.Flags |= CaseFlags.Overdue;
            }
            var locks = (brings & LadderEffects.Lock) != 0 && (c.Flags & CaseFlags.Locked) == 0;
            if ((brings & LadderEffects.Lock) != 0)
            {
                Lock(caseNo, now);
            }
            DeadlineObserver?.Stepped(c.Number, node, level, deadline, locks, now);
            if ((brings & LadderEffects.Referral) != 0)
            {
                c.Flags |= CaseFlags.Referred;
            }
        }
        if (reading.Next is { } at)
        {
            PushForCase(at, SimEventKind.NodeEscalation, caseNo, (node << 8) | (reading.Level is { } top ? (int)top : NoLevel), deadline);
        }
    }

    private void CountStep(EscalationLevel level, bool inWindow, double now)
    {
        Tally.WarningsByLevel[(int)level]++;
        switch (level)
        {
            case EscalationLevel.Judge:
                Deadlines.Warned += inWindow ? 1 : 0;
                break;
            case EscalationLevel.DivisionHead:
                Deadlines.EscalatedDivisionHead += inWindow ? 1 : 0;
                CountInMonth(Deadlines.EscalationsByMonth, now);
                break;
            case EscalationLevel.President:
                Deadlines.EscalatedPresident += inWindow ? 1 : 0;
                CountInMonth(Deadlines.EscalationsByMonth, now);
                break;
            case EscalationLevel.Discipline:
                Deadlines.ReferredDiscipline += inWindow ? 1 : 0;
                CountInMonth(Deadlines.EscalationsByMonth, now);
                break;
        }
    }

    /// <summary>An overdue important node locks the whole case; a division head (or the president) must unlock it.</summary>
    private void Lock(int caseNo, double now)
    {
        ref var c = ref _cases[caseNo];
        if ((c.Flags & CaseFlags.Locked) != 0)
        {
            return;
        }
        c.Flags |= CaseFlags.Locked;
        c.LockedAt = now;
        c.Locks++;
        Tally.Locks++;
        CountInMonth(Deadlines.LocksByMonth, now);
        if (now >= _windowStart)
        {
            if (c.Locks == 1)
            {
                Deadlines.LocksFirst++;
            }
            else if (c.Locks == 2)
            {
                Deadlines.LocksSecond++;
            }
        }
        _caseRandom.Reseed(_seed, c.Key, StreamKey.Mix(StreamKey.Flags, 100 + (ulong)c.Locks, 0));
        var unlocker = UnlockRule.Unlocker(_layout.SupervisorStations.Keys) ?? RoleCatalog.President;
        Supervise(CourtJobKind.Unlock, caseNo, unlocker, _supervision.UnlockHours.Sample(_caseRandom), now);
    }

    /// <summary>One more event in the window month of <paramref name="now"/>; nothing before the window.</summary>
    private void CountInMonth(long[] byMonth, double now)
    {
        if (now >= _windowStart)
        {
            byMonth[_months.IndexOf(now)]++;
        }
    }

    /// <summary>
    /// A stage that suspended the statutory limit ends: the limit moves on by the days the stage took, and is a new
    /// due, warned and overdue on its own as the live watch warns of it (a warning already acted on is not drawn on
    /// again); the events scheduled for the old limit find it moved.
    /// </summary>
    private void ResumeLimit(int caseNo, double now)
    {
        ref var c = ref _cases[caseNo];
        c.Flags &= ~CaseFlags.LimitSuspended;
        var days = now - c.SuspendedSince;
        c.Limit += days;
        c.SuspendedDays += days;
        MoveLimit(caseNo, now, drawAgain: false);
    }

    /// <summary>
    /// The limit has moved (a stage's end, an extension, a conversion): its warning and its due are the new limit's,
    /// scheduled afresh. <paramref name="drawAgain"/>: the new limit's warning is acted on again (extended or converted).
    /// </summary>
    private void MoveLimit(int caseNo, double now, bool drawAgain)
    {
        ref var c = ref _cases[caseNo];
        c.Flags &= ~(CaseFlags.LimitWarned | CaseFlags.LimitOverdue | (drawAgain ? CaseFlags.LimitDrawn : CaseFlags.None));
        if ((c.Flags & CaseFlags.LimitSuspended) == 0)
        {
            // While a stage suspends the limit, its end schedules the new limit's warning (ResumeLimit).
            ScheduleLimitWarning(caseNo, now);
        }
    }

    private void ScheduleLimitWarning(int caseNo, double now)
    {
        ref var c = ref _cases[caseNo];
        // Read again when the warning comes (now, if it has already): the limit's one evaluator, as the live watch reads it.
        var reading = TimeLimit.Read(c.Limit, _supervision.LimitWarnDays, now);
        PushForCase(reading.Warned ? now : reading.Next!.Value, SimEventKind.LimitWarning, caseNo);
    }

    /// <summary>
    /// The limit's warning, once per limit: its due is scheduled with it. The first warning of a limit as filed,
    /// extended or converted is acted on — the judge may ask to convert the case, and a share of cases are extended.
    /// </summary>
    private void WarnLimit(int caseNo, double now)
    {
        ref var c = ref _cases[caseNo];
        // Closed, warned already, suspended (the limit is moving), or the limit has moved since this was scheduled.
        var reading = TimeLimit.Read(c.Limit, _supervision.LimitWarnDays, now);
        if (c.Status == CaseStatus.Closed || (c.Flags & (CaseFlags.LimitWarned | CaseFlags.LimitSuspended)) != 0 || !reading.Warned)
        {
            return;
        }
        c.Flags |= CaseFlags.LimitWarned;
        DeadlineObserver?.LimitStepped(c.Number, WarningLevel.LimitWarning, c.Limit, now);
        var inWindow = now >= _windowStart;
        Deadlines.Warned += inWindow ? 1 : 0;
        Tally.WarningsByLevel[(int)EscalationLevel.Judge]++;
        // The limit falls due whatever is asked meanwhile: an approval that comes after it comes late.
        PushForCase(reading.Overdue ? now : reading.Next!.Value, SimEventKind.LimitDue, caseNo);
        if ((c.Flags & CaseFlags.LimitDrawn) != 0)
        {
            return;
        }
        c.Flags |= CaseFlags.LimitDrawn;
        if (_types[c.Type].Conversion is { } conversion && (c.Flags & CaseFlags.ConversionRequested) == 0)
        {
            // At its first limit warning the judge may ask to convert the case; it waits for the approver's decision.
            c.Flags |= CaseFlags.ConversionRequested;
            _caseRandom.Reseed(_seed, c.Key, StreamKey.Mix(StreamKey.Flags, 400, 0));
            if (_caseRandom.NextDouble() < conversion.Share)
            {
                Deadlines.ConversionsRequested += inWindow ? 1 : 0;
                Supervise(CourtJobKind.DecideConversion, caseNo, conversion.Approver, _supervision.ConversionApprovalHours.Sample(_caseRandom), now);
                return;
            }
        }
        ExtendOrRun(caseNo, now);
    }

    /// <summary>
    /// After the limit warning (and any conversion decided): the share of cases extended get their extension from the
    /// president within the type's cap, from the higher court after its wait beyond it (the clock running meanwhile),
    /// or none; the others run on to their limit.
    /// </summary>
    private void ExtendOrRun(int caseNo, double now)
    {
        ref var c = ref _cases[caseNo];
        var inWindow = now >= _windowStart;
        if (_types[c.Type].Extension is { } extension)
        {
            _caseRandom.Reseed(_seed, c.Key, StreamKey.Mix(StreamKey.Flags, 200 + (ulong)c.Extensions, 0));
            if (_caseRandom.NextDouble() < extension.Share)
            {
                switch (extension.Route(c.Extensions))
                {
                    case ExtensionApprover.President:
                        Supervise(CourtJobKind.ApproveExtension, caseNo, RoleCatalog.President, _supervision.ExtensionApprovalHours.Sample(_caseRandom), now);
                        break;
                    case ExtensionApprover.HigherCourt:
                        Deadlines.ExtensionsToHigherCourt += inWindow ? 1 : 0;
                        PushForCase(now + extension.HigherCourtDays!.Value, SimEventKind.HigherCourtExtension, caseNo, 0, now);
                        break;
                    default:
                        Deadlines.ExtensionsRefusedAtCap += inWindow ? 1 : 0;
                        break;
                }
            }
        }
    }

    /// <summary>
    /// An extension granted: by the president (<paramref name="referred"/> NaN) or by the higher court on a referral
    /// made at <paramref name="referred"/>. The new limit gets its own warning.
    /// </summary>
    private void Extend(int caseNo, double now, double referred = double.NaN)
    {
        ref var c = ref _cases[caseNo];
        if (c.Status == CaseStatus.Closed)
        {
            return;
        }
        c.Limit += _types[c.Type].Extension!.Days;
        c.Extensions++;
        DeadlineObserver?.LimitMoved(c.Number, _types[c.Type].Extension!.Days, now);
        if (now >= _windowStart)
        {
            Deadlines.Extensions++;
            if (double.IsNaN(referred))
            {
                Deadlines.ExtensionsWithinCap++;
            }
            else
            {
                Deadlines.ExtensionsByHigherCourt++;
                Deadlines.HigherCourtWaitDays += now - referred;
            }
        }
        MoveLimit(caseNo, now, drawAgain: true);
    }

    /// <summary>
    /// The approver decides a conversion request (drawn from the case's own stream): approved, the limit becomes the
    /// ordinary one counted from filing (<see cref="TimeLimit.ConversionDays"/>) and gets its own warning; refused, the
    /// case keeps its limit and goes on as any warned case.
    /// </summary>
    private void DecideConversion(int caseNo, double asked, double now)
    {
        ref var c = ref _cases[caseNo];
        if (c.Status == CaseStatus.Closed)
        {
            return;
        }
        var type = _types[c.Type];
        var conversion = type.Conversion!;
        _caseRandom.Reseed(_seed, c.Key, StreamKey.Mix(StreamKey.Flags, 400, 1));
        var approved = _caseRandom.NextDouble() < conversion.ApprovalShare;
        if (now >= _windowStart)
        {
            Deadlines.ConversionsApproved += approved ? 1 : 0;
            Deadlines.ConversionsRefused += approved ? 0 : 1;
            Deadlines.ConversionWaitDays += now - asked;
        }
        if (!approved)
        {
            ExtendOrRun(caseNo, now);
            return;
        }
        c.Flags |= CaseFlags.Converted;
        c.Limit += TimeLimit.ConversionDays(type);
        DeadlineObserver?.LimitMoved(c.Number, TimeLimit.ConversionDays(type), now);
        MoveLimit(caseNo, now, drawAgain: true);
    }

    private void LimitDue(int caseNo, double now)
    {
        ref var c = ref _cases[caseNo];
        if (c.Status == CaseStatus.Closed || !TimeLimit.Read(c.Limit, _supervision.LimitWarnDays, now).Overdue ||
            (c.Flags & (CaseFlags.LimitOverdue | CaseFlags.LimitSuspended)) != 0)
        {
            return;
        }
        c.Flags |= CaseFlags.LimitOverdue;
        DeadlineObserver?.LimitStepped(c.Number, WarningLevel.LimitOverdue, c.Limit, now);
        Deadlines.Overdue += now >= _windowStart ? 1 : 0;
    }

    private void Supervise(CourtJobKind kind, int caseNo, string role, double hours, double now)
    {
        if (!_layout.SupervisorStations.TryGetValue(role, out var stationNo))
        {
            // A court without that supervisor (validation requires one where it matters): the step takes no time.
            var immediate = NewJob(kind, caseNo, -1, -1, 0);
            _jobs[immediate].Asked = now;
            FinishJob(immediate, now);
            return;
        }
        var job = NewJob(kind, caseNo, -1, -1, hours);
        _jobs[job].Asked = now;
        RunOrQueue(job, stationNo, now);
    }

    /// <summary>Starts a court job at the station now when a server is free, else queues it ahead of the cases (the escalated lane).</summary>
    private void RunOrQueue(int job, int stationNo, double now)
    {
        var station = _stations[stationNo];
        if (station.HasFreeServer)
        {
            StartJob(job, stationNo, station.TakeServer(), now);
        }
        else
        {
            station.Enqueue(~job, EscalatedLane);
        }
    }

    private int NewJob(CourtJobKind kind, int caseNo, int meeting, int team, double hours)
    {
        if (!_freeJobs.TryTake(out var job))
        {
            if (_jobCount == _jobs.Length)
            {
                Array.Resize(ref _jobs, _jobs.Length * 2);
            }
            job = _jobCount++;
        }
        _jobs[job] = new CourtJob
        {
            Kind = kind,
            Case = caseNo,
            Meeting = meeting,
            Team = team,
            Hours = hours,
            Generation = caseNo >= 0 ? _cases[caseNo].Generation : 0,
        };
        return job;
    }

    private void StartJob(int job, int stationNo, int server, double now)
    {
        var hours = _jobs[job].Hours;
        var station = _stations[stationNo];
        var end = EndOfWork(station, now, hours);
        Account(station, server, now, end, hours);
        _events.Push(end, SimEventKind.TaskDone, ~job, stationNo, server);
    }

    private void FinishJob(int job, double now)
    {
        var j = _jobs[job];
        // The job's slot goes to the next job; one about a case the court has since folded away has nothing left to do.
        _freeJobs.Give(job);
        if (j.Case >= 0 && _cases[j.Case].Generation != j.Generation)
        {
            return;
        }
        switch (j.Kind)
        {
            case CourtJobKind.Unlock:
                {
                    ref var c = ref _cases[j.Case];
                    c.Flags &= ~CaseFlags.Locked;
                    c.LockedDays += now - c.LockedAt;
                    DeadlineObserver?.Unlocked(c.Number, now);
                    Tally.Unlocks++;
                    if (now >= _windowStart)
                    {
                        Deadlines.Unlocked++;
                        Deadlines.LockedDays += now - c.LockedAt;
                    }
                    if ((c.Flags & CaseFlags.StageAwaitsUnlock) != 0)
                    {
                        c.Flags &= ~(CaseFlags.Parked | CaseFlags.StageAwaitsUnlock);
                        EndStage(j.Case, now);
                    }
                    else if ((c.Flags & CaseFlags.Parked) != 0)
                    {
                        c.Flags &= ~CaseFlags.Parked;
                        Proceed(j.Case, now);
                    }
                    break;
                }
            case CourtJobKind.ApproveExtension:
                Extend(j.Case, now);
                break;
            case CourtJobKind.DecideConversion:
                DecideConversion(j.Case, j.Asked, now);
                break;
            case CourtJobKind.ReviewFile:
                ReviewDone(j.Case, j.Hours, now);
                break;
            case CourtJobKind.FixFile:
                FixDone(j.Case, j.Hours, now);
                break;
            case CourtJobKind.MeetingSeat:
                MeetingSeatDone(j.Meeting, now);
                break;
            case CourtJobKind.SuperviseRisk:
                break;
        }
    }

    /// <summary>
    /// The end of a round of Linshu's coins: the specialties re-priced, the round's moves made (a team leaving a
    /// specialty keeps its pending cases of it; joining one, it pulls what waits there), the next round scheduled.
    /// </summary>
    private void RebalanceCoins(double now)
    {
        var moves = Coins.EndRound(now, _router.TakesSpecialty, _router.AcceptsCategory, _router.Pending);
        foreach (var move in moves)
        {
            _router.SetSpecialty(move.Team, move.From, false);
            _router.SetSpecialty(move.Team, move.To, true);
        }
        Coins.StartRound(_router.TakesSpecialty);
        foreach (var move in moves)
        {
            PullWaiting(move.Team, now);
        }
        var next = now + _layout.Scenario.Scoring.RebalanceEveryDays;
        if (next < _windowEnd)
        {
            _events.Push(next, SimEventKind.CoinRound, 0);
        }
    }

    /// <summary>
    /// Close-one-get-one: while the team can take a waiting case, it takes the one <see cref="WaitingQueue.TryPull"/>
    /// picks from the heads of its types' lanes — the highest lane, and within it the lowest case number (the
    /// longest-waiting).
    /// </summary>
    private void PullWaiting(int team, double now)
    {
        var lanes = new PullingTeam(this, team);
        while (WaitingQueue.TryPull(ref lanes, _teamAccepts[team], out var type, out var lane))
        {
            var best = _waiting[type][lane].Dequeue();
            _cases[best].QueueEntries--;
            _waitingByType[type]--;
            AssignTo(best, team, now);
        }
    }

    /// <summary>The simulator's lanes as the pull rule sees them for one team: its pool's types it can take now, and each lane's live head.</summary>
    private readonly struct PullingTeam(CourtSimulation simulation, int team) : IWaitingLanes
    {
        private readonly int _pool = simulation._teams[team].Pool;

        public bool Offers(int type) =>
            simulation._waitingByType[type] != 0 && simulation._layout.TypePool[type] == _pool && simulation._router.CanTake(team, type);

        public long HeadOf(int type, int lane) => simulation.Head(type, lane) is var head and >= 0 ? simulation._cases[head].Number : -1;
    }

    /// <summary>The live head of a waiting lane, dropping entries left behind by escalation.</summary>
    private int Head(int type, int lane)
    {
        var queue = _waiting[type][lane];
        if (queue is null)
        {
            return -1;
        }
        while (queue.Count > 0)
        {
            var caseNo = queue.Peek();
            ref readonly var c = ref _cases[caseNo];
            var current = WaitingQueue.LaneOf(_types[c.Type].Priority, (c.Flags & CaseFlags.Escalated) != 0);
            if (c.Status == CaseStatus.Waiting && current == lane)
            {
                return caseNo;
            }
            queue.Dequeue();
            Unqueued(caseNo);
        }
        return -1;
    }
}
