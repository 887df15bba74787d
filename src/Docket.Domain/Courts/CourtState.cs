using Docket.Domain.Assignment;
using Docket.Domain.Courts;
using Docket.Domain.Deadlines;
using Docket.Domain.Ledger;
using Docket.Domain.Randomness;
using Docket.Domain.Staffing;
using Docket.Domain.Supervision;

namespace Docket.Domain.Courts;

/// <summary>
/// A court's live state as its ledger makes it: the pools' boards and policies (the simulator's own domain types),
/// the record of every case not yet finished, the waiting queue, the chain's head and the seed in force. A finished
/// case (closed, last stage done) leaves memory: its record is in the ledger (<see cref="CaseEntries.Fold"/>) and the
/// court recalls it from there when it is asked for (<see cref="Recall"/>), and what the indicators read of it is a
/// <see cref="FinishedCase"/> row the court writes to storage (<see cref="DrainFinished"/>), so memory follows the
/// cases in progress, not the court's history. It
/// changes only by <see cref="Append"/> (a new entry) or <see cref="Replay"/> (a stored one), both through one
/// <see cref="Apply"/>, so the live court and a verifier re-reading the ledger reach the same state. Draws are
/// re-made on replay with the same policy, stream and board, which is what makes them checkable.
/// </summary>
public sealed partial class CourtState
{
    private readonly Court _court;
    private readonly Func<int, string?> _secretOf;
    private readonly CaseRouter _router;
    private readonly JudgeInCharge _judges;
    private readonly string[][] _judgeNames;
    private readonly CaseSlots<CourtCase> _held = new();
    private long _lastNumber;
    private List<FinishedCase> _finished = [];
    private FinishedTotals _finishedTotals = new();
    private readonly Dictionary<long, CourtCase> _recalled = [];
    private readonly Queue<long> _recallOrder = new();
    private readonly int _finishedAtHand;
    private readonly WaitingLine[] _waiting;
    private readonly HashSet<long>[] _open;
    private readonly long[] _teamAssigned;
    private readonly long[] _teamClosed;
    private readonly long[] _judgeAssigned;
    private readonly long[] _judgeClosed;
    private readonly DocketTally[] _teamTally;
    private readonly DocketTally[] _judgeTally;
    private readonly long[] _lastTouch;
    private List<DocketTouch> _touches = [];
    private readonly Dictionary<int, string> _commitments = [];
    private readonly TeamPresence _presence;
    private readonly DueIndex _due = DueIndex.ForCourt();
    // The same next checks by case number: a saved state freezes these chunks (the heap's order changes in place).
    private readonly CaseSlots<DateTimeOffset> _dueAt = new();
    private readonly CaseSlots<CaseDigest> _digests = new();
    private DateTimeOffset _applying;
    private long _applyingSeq;

    /// <param name="secretOf">The secret of a seed epoch, or null when it is not known (a draw cannot be re-made).</param>
    /// <param name="finishedAtHand">How many of the last finished or recalled cases' records stay at hand (<see cref="Case"/>).</param>
    public CourtState(Court court, Func<int, string?> secretOf, int finishedAtHand = DefaultFinishedAtHand)
        : this(court, secretOf, finishedAtHand, null)
    {
    }

    /// <param name="savedRouter">The boards' and policies' saved state (<see cref="ReadSnapshot"/>), or null to start empty.</param>
    private CourtState(Court court, Func<int, string?> secretOf, int finishedAtHand, BinaryReader? savedRouter)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(finishedAtHand);
        _court = court;
        _secretOf = secretOf;
        _finishedAtHand = finishedAtHand;
        var layout = court.Layout;
        var pools = layout.PoolSpecs.Count;
        _router = new CaseRouter(layout, court.Id, savedRouter);
        _judges = new JudgeInCharge(layout.JudgesPerTeam);
        _judgeNames = [.. layout.Teams.Select((t, i) => Enumerable.Range(0, _judges.JudgeCount(i)).Select(k => JudgeInCharge.Name(t.Id, k)).ToArray())];
        _waiting = [.. Enumerable.Range(0, pools).Select(_ => new WaitingLine())];
        _open = [.. layout.Teams.Select(_ => new HashSet<long>())];
        _teamAssigned = new long[layout.Teams.Count];
        _teamClosed = new long[layout.Teams.Count];
        _judgeAssigned = new long[_judges.Count];
        _judgeClosed = new long[_judges.Count];
        _teamTally = [.. layout.Teams.Select(_ => new DocketTally())];
        _judgeTally = [.. Enumerable.Range(0, _judges.Count).Select(_ => new DocketTally())];
        _lastTouch = new long[layout.Teams.Count];
        _presence = new TeamPresence(_router, layout.Teams.Count);
    }

    /// <summary>A team's absences, in the order recorded.</summary>
    public IReadOnlyList<RecordedAbsence> AbsencesOf(int team) => _presence.Of(team);

    /// <summary>The team's absence recorded by ledger entry <paramref name="seq"/>, or null.</summary>
    public RecordedAbsence? AbsenceOf(int team, long seq) => _presence.Find(team, seq);

    /// <summary>
    /// Brings the boards to the moment <paramref name="at"/> before a decision (<see cref="TeamPresence.BringTo"/>).
    /// Called with the entry's own time, live and on replay, so the same decision is re-made.
    /// </summary>
    public void AsOf(DateTimeOffset at) => _presence.BringTo(at);

    public Court Court => _court;

    /// <summary>Sequence number of the last entry (0 before the genesis entry).</summary>
    public long Seq { get; private set; }

    /// <summary>Hash of the last entry.</summary>
    public string Head { get; private set; } = LedgerHash.Genesis;

    public int Epoch { get; private set; }

    /// <summary>Time of the last entry.</summary>
    public DateTimeOffset LastAt { get; private set; }

    /// <summary>
    /// The time the next entry carries: the clock's, or, if the clock went back, the last entry's or the moment a watch
    /// last brought the court to (ledger times never go backwards, and no decision is made before what the court has seen).
    /// </summary>
    public DateTimeOffset TimeOfNext(DateTimeOffset clock)
    {
        var seen = LastAt > _presence.BroughtTo ? LastAt : _presence.BroughtTo;
        return clock > seen ? clock : seen;
    }

    /// <summary>
    /// The moment the boards were last brought to: the last entry's time, or later when the live court was brought
    /// forward since by something it did not record (a watch with nothing to do, a refused command).
    /// </summary>
    public DateTimeOffset BroughtTo => _presence.BroughtTo;

    /// <summary>When the ledger began (its genesis entry), or null before it has one.</summary>
    public DateTimeOffset? StartedAt { get; private set; }

    public string? Commitment { get; private set; }

    /// <summary>The seed of the epoch in force, or null when its secret is not known.</summary>
    public ulong? Seed { get; private set; }

    public long LastNumber => _lastNumber;

    /// <summary>When case 1 was filed, or null before the first filing.</summary>
    public DateTimeOffset? FirstFiledAt { get; private set; }

    /// <summary>How many finished cases' records a court keeps at hand, unless told otherwise.</summary>
    public const int DefaultFinishedAtHand = 1024;

    public long Unlocks { get; private set; }

    /// <summary>Random draws re-made by <see cref="Replay"/> and found equal.</summary>
    public long DrawsChecked { get; private set; }

    public IReadOnlyDictionary<int, string> Commitments => _commitments;

    /// <summary>Deadline warnings issued, since the ledger began.</summary>
    public long WarningsIssued { get; private set; }

    /// <summary>Waiting cases escalated to the top of their queue.</summary>
    public long Escalations { get; private set; }

    /// <summary>Extensions of statutory limits granted.</summary>
    public long Extensions { get; private set; }

    /// <summary>
    /// Case <paramref name="number"/>'s record: held while it is in progress, then while it is among the last
    /// <c>finishedAtHand</c> finished or recalled. Null for a number never filed, or for a finished case whose
    /// record has left memory (<see cref="HasLeft"/>: recall it from the ledger).
    /// </summary>
    public CourtCase? Case(long number) =>
        _held.TryGetValue(number, out var c) || _recalled.TryGetValue(number, out c) ? c : null;

    /// <summary>
    /// The digest of case <paramref name="number"/>'s entries (<see cref="CaseDigest"/>) while it is in progress; null
    /// for a finished case or a number never filed.
    /// </summary>
    public CaseDigest? DigestOf(long number) => _digests.TryGetValue(number, out var d) ? d : null;

    /// <summary>Chains the entry onto the digest of each case in progress it names (a case it finished has none).</summary>
    private void Chain(LedgerEntry e, string hash)
    {
        if (e.Case is { } id)
        {
            // By the case's id, as the journal files the entry (its number agrees: the entry was applied).
            ChainOne(_court.NumberOf(id), hash);
        }
        if (e.Kind == LedgerKinds.ReviewDraw)
        {
            foreach (var named in e.Eligible ?? [])
            {
                ChainOne(_court.NumberOf(named), hash);
            }
        }
    }

    private void ChainOne(long number, string hash)
    {
        if (_held.ContainsKey(number))
        {
            _digests[number] = (_digests.TryGetValue(number, out var d) ? d : CaseDigest.None).Then(hash);
        }
    }

    /// <summary>Whether case <paramref name="number"/> finished and its record is not at hand (read it from the ledger and <see cref="Recall"/> it).</summary>
    public bool HasLeft(long number) => IsFinished(number) && !_recalled.ContainsKey(number);

    /// <summary>Whether case <paramref name="number"/> was filed and has finished (closed, every stage done): its record is no longer held.</summary>
    public bool IsFinished(long number) => number >= 1 && number <= _lastNumber && !_held.ContainsKey(number);

    /// <summary>Takes a finished case's record, read back from the ledger, at hand again.</summary>
    public void Recall(CourtCase c)
    {
        if (c.Court != _court.Id || !IsFinished(c.Number))
        {
            throw new InvalidOperationException($"case {c.Id} is not a finished case of court {_court.Id}");
        }
        KeepAtHand(c.PartyCodeHmac is null ? c : c with { PartyCodeHmac = null });
    }

    /// <summary>
    /// Whether <see cref="DrainFinished"/> collects the rows of the cases that finish (the live court turns it on to
    /// write them to storage with the entry that finished each; a verifier has nowhere to write them).
    /// </summary>
    public bool TracksFinished { get; set; }

    /// <summary>The cases finished by the entries applied since the last call, in the order they finished.</summary>
    public List<FinishedCase> DrainFinished()
    {
        var drained = _finished;
        _finished = [];
        return drained;
    }

    /// <summary>The finished cases summed since the ledger began (what the indicators over the whole ledger take of them).</summary>
    public FinishedTotals FinishedTotals => _finishedTotals;

    /// <summary>
    /// The cases in progress (not finished) as they stand now, by ascending number, readable on any thread while the
    /// court goes on: the records' chunks frozen as a saved state freezes them (a chunk changed afterwards is copied).
    /// </summary>
    internal IEnumerable<(long Number, CourtCase Case)> CasesInProgressNow() => _held.Freeze().Entries();

    /// <summary>
    /// What the teams with a quota have attained towards it since the ledger began, by team kind, each team's in its
    /// quota unit (<see cref="DocketTally.Attained"/>: a case, or its type's weight and the meeting seats): the numerator
    /// of <see cref="QuotaAttainment.ByKind"/>, whose denominator is those teams' quotas.
    /// </summary>
    public Dictionary<TeamKind, double> QuotaUnits()
    {
        var units = new Dictionary<TeamKind, double>();
        var perCase = _court.Layout.Spec.Supervision.Meeting.ParticipationsPerCase;
        for (var t = 0; t < _teamTally.Length; t++)
        {
            if (_court.Layout.Teams[t].Quota <= 0)
            {
                continue;
            }
            var kind = _court.Layout.Teams[t].Kind;
            var attained = _teamTally[t].Attained(_court.Layout.Teams[t].QuotaUnit, perCase);
            if (attained > 0 || units.ContainsKey(kind))
            {
                units[kind] = units.GetValueOrDefault(kind) + attained;
            }
        }
        return units;
    }

    /// <summary>The records of the cases in progress (not finished), by case number.</summary>
    public IEnumerable<CourtCase> HeldCases => _held.Values;

    /// <summary>
    /// The cases no team holds open (waiting, or closed with stages still to come) that may have earned a deadline
    /// warning by <paramref name="at"/> (their next check is due), in the order of their checks: the court's share of
    /// the deadline watch, from its index of those cases alone, never from every case. A team watches the cases it holds
    /// (<see cref="OpenDocket.Watch"/>); the court keeps no check of them.
    /// </summary>
    public List<CourtCase> DueBy(DateTimeOffset at) =>
        [.. _due.DueBy(at).Select(d => _held[d.Number])];

    /// <summary>
    /// The records of the cases that <paramref name="entries"/> (entries that concerned the team) put on team
    /// <paramref name="team"/> — filed to it, pulled by it or designated to it — and that it still holds.
    /// </summary>
    public CourtCase[] ArrivalsAt(int team, IEnumerable<LedgerEntry> entries)
    {
        var teamId = _court.Layout.Teams[team].Id;
        return [.. entries.Where(e => e.Kind is LedgerKinds.Pull or LedgerKinds.Designate or LedgerKinds.Assign && e.Number is not null)
            .Select(e => Case(e.Number!.Value)).OfType<CourtCase>().Where(c => c.Team == teamId).DistinctBy(c => c.Number)];
    }

    /// <summary>
    /// Cases no team holds that the court's deadline watch keeps an eye on (a deadline or limit still ahead, or a
    /// warning due); the cases a team holds are its docket's to watch.
    /// </summary>
    public int Watched => _dueAt.Count;

    /// <summary>Cases in progress: the records the court holds (and a saved state writes).</summary>
    public int InProgress => _held.Count;

    public long AssignedTo(int team) => _teamAssigned[team];

    public long ClosedBy(int team) => _teamClosed[team];

    /// <summary>
    /// Whether <see cref="DrainTouches"/> collects the teams each applied entry concerned (the live court turns it on
    /// to tell its teams; a replay has no one to tell).
    /// </summary>
    public bool TracksTouches { get; set; }

    /// <summary>
    /// The teams each entry applied since the last call concerned, in ledger order: the team a case is filed, pulled
    /// or designated to, the team it leaves, the team holding a case an entry changes, a team's absence. Each with the
    /// previous entry that concerned the team (0: none), so a team told of them can see one was lost.
    /// </summary>
    public List<DocketTouch> DrainTouches()
    {
        var drained = _touches;
        _touches = [];
        return drained;
    }

    /// <summary>The last entry that concerned the team (0: none).</summary>
    public long LastTouch(int team) => _lastTouch[team];

    /// <summary>
    /// The team's docket — or one of its judges', by name — as of the last entry applied (<see cref="OpenDocket"/>).
    /// </summary>
    public DocketSnapshot Docket(int team, string? judge)
    {
        var teamId = _court.Layout.Teams[team].Id;
        var open = _open[team].Order().Select(n => _held[n]).Where(c => judge is null || c.Judge == judge).ToArray();
        var (assigned, closed, tally) = judge is null
            ? (_teamAssigned[team], _teamClosed[team], _teamTally[team])
            : JudgeNumber(team, judge) is var k and >= 0
                ? (_judgeAssigned[_judges.Slot(team, k)], _judgeClosed[_judges.Slot(team, k)], _judgeTally[_judges.Slot(team, k)])
                : throw new ArgumentException($"'{judge}' is not a judge of team {teamId}", nameof(judge));
        return new DocketSnapshot(teamId, judge, Seq, assigned, closed, open, [.. _presence.Of(team)], tally.Copy(), StartedAt);
    }

    public IReadOnlyCollection<long> OpenCases(int team) => _open[team];

    public double PendingWork(int team) => _router.PendingWork(team);

    public int Waiting => _waiting.Sum(w => w.Count);

    /// <summary>Whether any case waits for a team (<see cref="Waiting"/> above zero), without counting them all.</summary>
    public bool AnyWaiting
    {
        get
        {
            foreach (var line in _waiting)
            {
                if (line.Count > 0)
                {
                    return true;
                }
            }
            return false;
        }
    }

    /// <summary>Whether a team has come back from an absence since this was last asked (<see cref="TeamPresence.TakeReturned"/>).</summary>
    public bool TakeReturned() => _presence.TakeReturned();

    /// <summary>
    /// Where a new case of the type goes, by the court's <see cref="CaseRouter"/> (the simulator's own): flagged cases
    /// (and larger or major risk) to the least-loaded leader's team of the court that can take it, when the pool
    /// designates; otherwise the pool's policy draws with the stream (seed of the epoch in force, pool, case number).
    /// Team -1: nobody can take it now. Advances the policy's own state (a deck, a rotation) exactly as the live court
    /// did; what the ledger records beside the decision (eligible teams in draw order, weights) is taken before.
    /// </summary>
    public Decision Decide(int type, bool flagged, RiskLevel risk, long number)
    {
        EnsureCanDecide(type);
        var pool = _court.Layout.TypePool[type];
        var (route, eligible, weights) = _router.RouteRecorded(type, flagged, risk, number, Seed);
        if (route.Designated)
        {
            return new Decision(route.Pool, route.Team, AssignmentPolicyNames.Designated, eligible, null);
        }
        var method = DrawMethods.Of(route.Policy);
        var draw = route.Drawn && method is not null
            ? new LedgerDraw(Commitment!, Epoch, _router.PoolStreamKeys[pool].ToString(System.Globalization.CultureInfo.InvariantCulture), number, method, weights)
            : null;
        return new Decision(route.Pool, route.Team, route.PolicyName, eligible, draw);
    }

    /// <summary>
    /// Throws when a filing of the type cannot be decided now (its pool draws, and the epoch's seed is not known):
    /// asked before a command appends anything, so a filing that cannot be decided leaves nothing half-appended.
    /// </summary>
    public void EnsureCanDecide(int type)
    {
        if (_router.Draws(_court.Layout.TypePool[type]) && (Seed is null || Commitment is null))
        {
            throw new InvalidOperationException($"court {_court.Id}: no seed for epoch {Epoch}");
        }
    }

    /// <summary>
    /// "Random first, designated second" (case 161): the least-loaded leader-led team of the whole court that can take
    /// the type (<see cref="CaseRouter.LeaderTeam"/>), and every such team.
    /// </summary>
    public (int Team, string[] Candidates) LeaderTeam(int type) => (_router.LeaderTeam(type), _router.LeaderCandidates(type));

    /// <summary>The waiting case a team that freed a place takes: the highest-priority, longest-waiting it can take now (<see cref="WaitingLine.NextPull"/>).</summary>
    public long? NextPull(int team)
    {
        var t = _court.Layout.Teams[team];
        return _waiting[t.Pool].NextPull(_router.Boards[t.Pool], t.LocalIndex);
    }

    private int PriorityOf(CourtCase c) => _court.CaseTypes[_court.TypeIndex(c.Type)].Priority;

    /// <summary>
    /// The waiting cases due to escalate by <paramref name="at"/>, in pull order. Within a lane below the top one every
    /// case waits the same days before it escalates and the lane is in filing order, so only each lane's first cases
    /// are looked at: those due, and the first not due.
    /// </summary>
    public List<CourtCase> EscalatingBy(DateTimeOffset at)
    {
        var due = new List<CourtCase>();
        EscalatingBy(at, due);
        return due;
    }

    /// <summary>The waiting cases due to escalate by <paramref name="at"/> added to <paramref name="due"/>, or, without it, the first of them.</summary>
    private CourtCase? EscalatingBy(DateTimeOffset at, List<CourtCase>? due)
    {
        for (var pool = 0; pool < _waiting.Length; pool++)
        {
            for (var lane = WaitingQueue.EscalatedLane - 1; lane >= 0; lane--)
            {
                foreach (var number in _waiting[pool].InLane(lane))
                {
                    var c = _held[number];
                    if (!Escalates(c, at))
                    {
                        break;
                    }
                    if (due is null)
                    {
                        return c;
                    }
                    due.Add(c);
                }
            }
        }
        return null;
    }

    /// <summary>Each pool's waiting cases in the order they are pulled.</summary>
    public IEnumerable<(int Pool, CourtCase Case)> Queue()
    {
        for (var p = 0; p < _waiting.Length; p++)
        {
            foreach (var number in _waiting[p].InPullOrder())
            {
                yield return (p, _held[number]);
            }
        }
    }

    /// <summary>Whether a waiting case escalates at <paramref name="at"/> (<see cref="WaitingQueue.Escalates"/> with its pool's threshold).</summary>
    public bool Escalates(CourtCase c, DateTimeOffset at) => EscalatesAt(c) <= at;

    /// <summary>
    /// When a waiting case not yet escalated escalates (<see cref="WaitingQueue.EscalatesAfter"/> with its pool's
    /// threshold, from its filing); null when it never will or already has.
    /// </summary>
    public DateTimeOffset? EscalatesAt(CourtCase c)
    {
        var type = _court.TypeIndex(c.Type);
        return c.Status == CourtCaseStatus.Waiting && c.EscalatedAt is null
            && WaitingQueue.EscalatesAfter(_court.CaseTypes[type].Priority, _court.Layout.PoolSpecs[_court.Layout.TypePool[type]].EscalateAfterDays) is { } after
            ? c.FiledAt.AddDays(after)
            : null;
    }

    /// <summary>The waiting queue as a reader sees it at <paramref name="now"/>: each pool's cases in pull order, with their places.</summary>
    public QueuedCase[] QueuedCases(DateTimeOffset now)
    {
        var places = new int[_court.PoolNames.Count];
        return [.. Queue().Select(q => new QueuedCase(q.Case.Id, q.Case.Type, _court.PoolNames[q.Pool], ++places[q.Pool],
            q.Case.FiledAt, (now - q.Case.FiledAt).TotalDays, q.Case.EscalatedAt, EscalatesAt(q.Case)))];
    }

    /// <summary>Team <paramref name="team"/>'s absences as recorded, each with whether it covers <paramref name="now"/> (<see cref="AbsenceRule.Covers"/>).</summary>
    public TeamAbsence[] TeamAbsences(int team, DateTimeOffset now) =>
        [.. AbsencesOf(team).Select(a => new TeamAbsence(_court.Layout.Teams[team].Id, a.From, a.To, a.Reason, a.Seq, AbsenceRule.Covers(a.From, a.To, now), a.Withdrawn))];

    /// <summary>Whether the team can take a case of the type now (accepts it, present, under its cap).</summary>
    public bool CanTake(int team, int type) => _router.CanTake(team, type);

    /// <summary>Whether the team is away now (an absence under way).</summary>
    public bool IsAbsent(int team) => _router.IsAbsent(team);

    /// <summary>
    /// The judge put in charge of the team's next case: the judge with the fewest open cases, ties to the lowest
    /// number (<see cref="JudgeInCharge"/>, the simulator's rule). A ledger begun before that rule (its genesis entry
    /// carries no <c>rules</c> version) named the team's judges in turn, and is re-made by that rule.
    /// </summary>
    public string JudgeFor(int team)
    {
        var k = _judges.NextUnder(RulesVersion, team, _teamAssigned[team]);
        // Each judge's name made once: every record of a case in progress keeps its judge's name.
        return _judgeNames[team][k];
    }

    /// <summary>The rules version the ledger began under (its genesis entry's <c>rules</c>; 1 when it has none).</summary>
    public int RulesVersion { get; private set; } = 1;

    /// <summary>Applies a new entry (built by the court with <see cref="Seq"/> + 1 and <see cref="Head"/>) and chains it.</summary>
    public LedgerRecord Append(LedgerEntry entry)
    {
        if (entry.Seq != Seq + 1 || entry.Prev != Head)
        {
            throw new InvalidOperationException($"entry {entry.Seq} does not follow entry {Seq}");
        }
        var json = entry.ToJson();
        AsOf(entry.At);
        _owed = null;
        Apply(entry);
        var hash = LedgerHash.Of(json);
        Chain(entry, hash);
        Seq = entry.Seq;
        Head = hash;
        LastAt = entry.At;
        return new LedgerRecord(_court.Id, entry.Seq, entry.Kind, entry.Case, json, hash);
    }

    /// <summary>
    /// Set by <c>docket replay</c> (<see cref="Replay.LedgerReplay"/>), which re-makes every assignment decision on the
    /// simulator's court and lists each one made otherwise: <see cref="Replay(LedgerRecord)"/> then checks every rule
    /// of an entry but its assignment decision (a filing's team, draw and judge, which case a pull takes and its
    /// judge, a designation's judge, the pulls owed), takes a judge the ledger names outside the entry's team as the
    /// court's own choice (as the replay records it, so both courts stay alike), and passes over a review draw of an
    /// epoch whose secret the ledger does not reveal, as the replay passes over such a filing's draw.
    /// </summary>
    public bool LeavesAssignmentsToReplay { get; init; }

    /// <summary>The pull owed after the last entry replayed (<see cref="OwedPull"/>), or null.</summary>
    private OwedPull? _owed;

    /// <summary>
    /// The case whose closing stage the last entry replayed reported, and whose close entry must come next (the court
    /// writes the two as one decision, <see cref="CaseCommands.Reach"/>); 0 for none. Checked from rules version 5 on.
    /// </summary>
    private long _closeOwed;

    /// <summary>
    /// Re-applies a stored entry, checking it on the way: its hash, its link to the previous entry, and that the
    /// rules re-make it (the same draw, the same pull, a valid report, a real lock, no pull owed left out). Returns
    /// the first problem found, or null; the entry is applied as stored either way when it can be.
    /// </summary>
    public string? Replay(LedgerRecord record) => Replay(ReadRecord.Of(record));

    /// <summary>Re-applies a stored entry already read (<see cref="ReadRecord.Of"/>), as <see cref="Replay(LedgerRecord)"/> does.</summary>
    public string? Replay(ReadRecord read)
    {
        var (record, hashHolds) = (read.Record, read.HashHolds);
        string? problem = hashHolds ? null : "the entry's text does not match its stored hash";
        if (read.Entry is not { } entry)
        {
            return problem ?? $"the entry is not valid JSON: {read.ParseProblem}";
        }
        if (entry.Seq != record.Seq || entry.Court != _court.Id || entry.Kind != record.Kind || entry.Case != record.CaseId)
        {
            problem ??= "the entry's court, sequence, kind or case differs from where it is stored";
        }
        problem ??= EntryRules.Refuse(entry, Seq > 0 ? LastAt : null);
        if (entry.Seq != Seq + 1)
        {
            problem ??= $"sequence {entry.Seq} does not follow {Seq}";
        }
        if (entry.Prev != Head)
        {
            problem ??= "its link to the previous entry (prev) does not match that entry's hash";
        }
        if (_owed is { } owed && !owed.IsMetBy(entry, _court.Layout.Teams[owed.Team].Id))
        {
            problem ??= $"team {_court.Layout.Teams[owed.Team].Id} still owed a pull at {owed.At:O} (waiting case {_court.CaseId(owed.Case)}): "
                + $"the court pulls while it can, one entry after another, and this {entry.Kind} entry comes in its place";
        }
        if (_closeOwed != 0 && !(entry.Kind == LedgerKinds.Close && entry.Number == _closeOwed))
        {
            problem ??= $"case {_court.CaseId(_closeOwed)} reached its closing stage in the entry before, and its close entry does not follow (this {entry.Kind} entry comes in its place)";
        }
        _closeOwed = 0;
        var pullOwed = _owed is not null;
        _owed = null;
        try
        {
            if (LeavesAssignmentsToReplay)
            {
                entry = WithJudgeOfItsTeam(entry);
            }
            problem ??= Check(entry);
            if (RulesVersion >= CourtRules.CatchUpVersion && !pullOwed)
            {
                problem ??= OwedBeforeCommand(entry);
            }
            var pulling = PullingTeam(entry);
            Apply(entry);
            // A report that leaves its case pending past its closing stage owes the close entry next.
            if (entry.Kind == LedgerKinds.Node && RulesVersion >= CourtRules.FourTypeMeetingVersion && Case(entry.Number ?? 0) is { Status: CourtCaseStatus.Pending } reached
                && reached.StagesDone > _court.Layout.ClosingStage[_court.TypeIndex(reached.Type)])
            {
                _closeOwed = reached.Number;
            }
            if (hashHolds)
            {
                // A stored hash that is not the text's may not even be a hash: the court closes on the problem anyway.
                Chain(entry, record.Hash);
            }
            if (pulling >= 0 && !LeavesAssignmentsToReplay)
            {
                _owed = OwedPull.After(entry, pulling, _court.Layout.Teams.Count, NextPull);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or KeyNotFoundException or IndexOutOfRangeException or NullReferenceException)
        {
            problem ??= $"the entry cannot be applied: {e.Message}";
        }
        Seq = entry.Seq;
        Head = record.Hash;
        LastAt = entry.At;
        return problem;
    }

    /// <summary>
    /// What a command's catch-up owed before <paramref name="e"/> and the ledger lacks (<see cref="CourtRules.CatchUpVersion"/>),
    /// at its moment, the court as the entries before it leave it: a waiting case due to escalate, or, after a team's
    /// return, a team that can take a waiting case (<see cref="OwedPull.OnReturn"/>). Null when nothing is owed.
    /// </summary>
    private string? OwedBeforeCommand(LedgerEntry e)
    {
        if (OwedPull.ComesAfterCatchUp(e.Kind))
        {
            // As the court's catch-up does: a return is taken at every command, whatever waits.
            var returned = TakeReturned();
            if (!AnyWaiting)
            {
                return null;
            }
            if (EscalatingBy(e.At, null) is { } due)
            {
                return $"waiting case {due.Id} was due to escalate by {e.At:O}: a command's catch-up escalates the waiting cases due "
                    + $"before its own entries, and this {e.Kind} entry comes first";
            }
            if (returned && !LeavesAssignmentsToReplay && OwedPull.OnReturn(e.At, _court.Layout.Teams.Count, NextPull) is { } owed)
            {
                return $"a team is back from an absence and team {_court.Layout.Teams[owed.Team].Id} could take waiting case {_court.CaseId(owed.Case)} "
                    + $"at {e.At:O}: a command's catch-up pulls first, and this {e.Kind} entry comes in its place";
            }
        }
        return null;
    }

    /// <summary>
    /// The team that may owe a pull once the entry is applied (read before it is): a pull's team, a closed case's
    /// team, the team a designation takes the case from; -1 for any other entry.
    /// </summary>
    private int PullingTeam(LedgerEntry e)
    {
        var c = e.Kind is LedgerKinds.Close or LedgerKinds.Designate ? Case(e.Number ?? 0) : null;
        return e.Kind switch
        {
            LedgerKinds.Pull => _court.TeamIndex(e.Team ?? ""),
            LedgerKinds.Close when c?.Team is { } team => _court.TeamIndex(team),
            LedgerKinds.Designate when c?.Team is { } from && from != e.Team => _court.TeamIndex(from),
            _ => -1,
        };
    }

    /// <summary>An assignment entry whose judge is not one of its team's, with the judge the court puts in charge instead.</summary>
    private LedgerEntry WithJudgeOfItsTeam(LedgerEntry e)
    {
        if (e.Kind is not (LedgerKinds.Assign or LedgerKinds.Pull or LedgerKinds.Designate) || _court.TeamIndex(e.Team ?? "") is not (var team and >= 0))
        {
            return e;
        }
        return JudgeNumber(team, e.Judge ?? "") >= 0 ? e : e with { Judge = JudgeFor(team) };
    }

    /// <summary>What the rules say about an entry before it is applied: null when they re-make it.</summary>
    private string? Check(LedgerEntry e)
    {
        AsOf(e.At);
        switch (e.Kind)
        {
            case LedgerKinds.Genesis:
                if (e.Organization != _court.OrganizationHash)
                {
                    return OtherOrganisation;
                }
                return CheckSecret(e.Epoch ?? 0, e.Commitment);
            case LedgerKinds.Seed:
                if (e.RevealedSecret is { } revealed && !LedgerHash.Opens(revealed, Commitment))
                {
                    return $"the revealed secret does not match epoch {Epoch}'s commitment";
                }
                return CheckSecret(e.Epoch ?? 0, e.Commitment);
            case LedgerKinds.Assign or LedgerKinds.Queue:
                {
                    if (EntryRules.RefuseFiling(e, _lastNumber) is { } refused)
                    {
                        return refused;
                    }
                    if (EntryRules.RefuseTrigger(e, RulesVersion) is { } trigger)
                    {
                        return trigger;
                    }
                    var type = _court.TypeIndex(e.Type ?? "");
                    if (type < 0 || _court.Layout.TypePool[type] < 0)
                    {
                        return $"case type '{e.Type}' is not one this court takes";
                    }
                    if (LeavesAssignmentsToReplay)
                    {
                        return (e.Team is null) != (e.Kind == LedgerKinds.Queue) ? $"an {LedgerKinds.Assign} entry names its team, a {LedgerKinds.Queue} entry none" : null;
                    }
                    if (Seed is null && _court.Layout.PoolSpecs[_court.Layout.TypePool[type]].Policy is not (AssignmentPolicyKind.RoundRobin or AssignmentPolicyKind.LeastLoaded))
                    {
                        return $"the secret of epoch {Epoch} is not known: the draw cannot be re-made";
                    }
                    var decision = Decide(type, e.Flagged ?? false, e.FiledRisk, e.Number ?? 0);
                    var team = decision.Team < 0 ? null : _court.Layout.Teams[decision.Team].Id;
                    if (decision.Draw is not null)
                    {
                        DrawsChecked++;
                    }
                    if (team != e.Team || (team is null) != (e.Kind == LedgerKinds.Queue))
                    {
                        return $"the draw re-made gives {team ?? "no team"}, the entry says {e.Team ?? "no team"}";
                    }
                    if (decision.Policy != e.Policy || !decision.Eligible.SequenceEqual(e.Eligible ?? []) || !SameDraw(decision.Draw, e.Draw))
                    {
                        return "the policy, eligible teams or draw recorded differ from those re-made";
                    }
                    return team is not null && e.Judge != JudgeFor(decision.Team) ? $"the judge should be {JudgeFor(decision.Team)}" : null;
                }
            case LedgerKinds.Pull when LeavesAssignmentsToReplay:
                return null;
            case LedgerKinds.Pull:
                {
                    var team = _court.TeamIndex(e.Team ?? "");
                    if (team < 0 || NextPull(team) != e.Number)
                    {
                        return $"team {e.Team} would not pull case {e.Case} now";
                    }
                    return e.Judge != JudgeFor(team) ? $"the judge should be {JudgeFor(team)}" : null;
                }
            case LedgerKinds.Designate:
                {
                    var c = Case(e.Number ?? 0) ?? throw new InvalidOperationException($"no case {e.Case}");
                    var team = _court.TeamIndex(e.Team ?? "");
                    if (team < 0 || !CanTake(team, _court.TypeIndex(c.Type)) || string.IsNullOrWhiteSpace(e.Reason))
                    {
                        return $"case {e.Case} cannot be designated to {e.Team}";
                    }
                    return !LeavesAssignmentsToReplay && e.Judge != JudgeFor(team) ? $"the judge should be {JudgeFor(team)}" : null;
                }
            case LedgerKinds.Node:
                {
                    var c = Case(e.Number ?? 0) ?? throw new InvalidOperationException($"no case {e.Case}");
                    var (step, outcome, error) = CaseProgress.Resolve(_court, c, e.Node ?? "");
                    if (step is null)
                    {
                        return $"the report is not allowed: {error} ({outcome})";
                    }
                    if (!step.Stages.SequenceEqual(e.Stages ?? []) || !step.Nodes.SequenceEqual(e.Nodes ?? []))
                    {
                        return "the stages or nodes recorded differ from those the report reaches";
                    }
                    if (ArchiveWaits(_court, c, step))
                    {
                        return $"case {e.Case} was archived before its quality review passed";
                    }
                    // The report that closes a case is refused while its meeting holds it (CaseCommands.Reach), close entry or not.
                    if (step.Closes && MeetingReferral.HoldsClosing(c.Meeting) is { } held)
                    {
                        return $"case {e.Case} reached its closing stage while {held}";
                    }
                    return CaseClock.IsLocked(_court, c, e.At) ? $"case {e.Case} was locked when the report was recorded" : null;
                }
            case LedgerKinds.Close:
                {
                    var c = Case(e.Number ?? 0) ?? throw new InvalidOperationException($"no case {e.Case}");
                    var closing = _court.Layout.ClosingStage[_court.TypeIndex(c.Type)];
                    if (c.Status != CourtCaseStatus.Pending || c.StagesDone <= closing)
                    {
                        return $"case {e.Case} has not finished its closing stage";
                    }
                    return MeetingReferral.HoldsClosing(c.Meeting) is { } held ? $"case {e.Case} could not close: {held}" : CheckReviewHold(c, e);
                }
            case LedgerKinds.MeetingReferred or LedgerKinds.MeetingHeld or LedgerKinds.MeetingReleased or LedgerKinds.CommitteeReferred
                or LedgerKinds.CommitteeDecided:
                return RefuseMeetingEntry(e);
            case LedgerKinds.Unlock:
                {
                    var c = Case(e.Number ?? 0) ?? throw new InvalidOperationException($"no case {e.Case}");
                    return CaseClock.IsLocked(_court, c, e.At) ? null : $"case {e.Case} was not locked";
                }
            case LedgerKinds.Warning:
                {
                    var c = Case(e.Number ?? 0) ?? throw new InvalidOperationException($"no case {e.Case}");
                    var w = WarningLevels.Parse(e.Level) is { } level ? new DeadlineWarning(e.Node ?? "", level, e.Due ?? default) : null;
                    return w is not null && CaseClock.Unissued(_court, c, e.At).Contains(w)
                        ? null
                        : $"case {e.Case} had not earned the {e.Level} warning on {e.Node} (due {(e.Due ?? default):O}) at {e.At:O}, or had it already";
                }
            case LedgerKinds.Escalate:
                {
                    var c = Case(e.Number ?? 0) ?? throw new InvalidOperationException($"no case {e.Case}");
                    return Escalates(c, e.At) ? null : $"case {e.Case} was not due to be escalated at {e.At:O}";
                }
            case LedgerKinds.Absence:
                {
                    if (_court.TeamIndex(e.Team ?? "") < 0 || string.IsNullOrWhiteSpace(e.Reason))
                    {
                        return $"an absence of team {e.Team} needs a known team and a reason";
                    }
                    return AbsenceRule.Refuse(e.AbsentFrom ?? default, e.AbsentTo ?? default, e.At) is { } refusal ? $"the absence is not allowed: {refusal.Problem}" : null;
                }
            case LedgerKinds.AbsenceWithdrawn:
                {
                    var team = _court.TeamIndex(e.Team ?? "");
                    if (team < 0 || e.Withdraws is not { } seq || _presence.Find(team, seq) is not { } absence)
                    {
                        return $"a withdrawal of an absence of team {e.Team} needs a known team and one of its absences (entry {e.Withdraws})";
                    }
                    return AbsenceRule.RefuseWithdrawal(absence, e.At) is { } refusal ? $"the withdrawal is not allowed: {refusal}" : null;
                }
            case LedgerKinds.Extension:
                {
                    var c = Case(e.Number ?? 0) ?? throw new InvalidOperationException($"no case {e.Case}");
                    if (string.IsNullOrWhiteSpace(e.Reason))
                    {
                        return $"an extension of case {e.Case} needs a reason";
                    }
                    return CaseCommands.RefuseExtension(_court, c, e.Days ?? 0, e.At) is { } refusal ? $"the extension is not allowed: {refusal.Problem}" : null;
                }
            case LedgerKinds.ConversionRequested:
                {
                    var c = Case(e.Number ?? 0) ?? throw new InvalidOperationException($"no case {e.Case}");
                    if (string.IsNullOrWhiteSpace(e.Reason))
                    {
                        return $"a conversion request of case {e.Case} needs a reason";
                    }
                    return CaseCommands.RefuseConversionRequest(_court, c, e.At) is { } refusal ? $"the conversion request is not allowed: {refusal.Problem}" : null;
                }
            case LedgerKinds.ConversionApproved or LedgerKinds.ConversionRefused:
                {
                    var c = Case(e.Number ?? 0) ?? throw new InvalidOperationException($"no case {e.Case}");
                    if (CaseCommands.RefuseConversionDecision(_court, c, e.By?.Role ?? "") is { } refusal)
                    {
                        return $"the conversion decision is not allowed: {refusal}";
                    }
                    var days = e.Kind == LedgerKinds.ConversionApproved ? TimeLimit.ConversionDays(_court.CaseTypes[_court.TypeIndex(c.Type)]) : (double?)null;
                    return e.Days != days ? $"the conversion of case {e.Case} adds {days?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) ?? "no"} days to its limit, the entry says {e.Days?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) ?? "none"}" : null;
                }
            case LedgerKinds.ReviewDraw:
                return CheckReviewDraw(e);
            case LedgerKinds.MeetingSitting:
                return RefuseSittingEntry(e);
            case LedgerKinds.ReviewFinding:
                return CheckReviewFinding(e);
            case LedgerKinds.PartyCode:
                {
                    var c = Case(e.Number ?? 0) ?? throw new InvalidOperationException($"no case {e.Case}");
                    if (c.Status == CourtCaseStatus.Closed)
                    {
                        return $"case {e.Case} was closed: its party's code is not re-issued";
                    }
                    return PartyCodes.IsHmac(e.PartyCodeHmac) ? null : $"a party_code entry of case {e.Case} needs the code's keyed hash (64 hex digits)";
                }
            default:
                return $"unknown entry kind '{e.Kind}'";
        }
    }

    private static bool SameDraw(LedgerDraw? a, LedgerDraw? b) =>
        a is null ? b is null
        : b is not null && a.Commitment == b.Commitment && a.Epoch == b.Epoch && a.Entity == b.Entity && a.Purpose == b.Purpose
            && a.Method == b.Method && (a.Weights ?? []).SequenceEqual(b.Weights ?? []);

    private const string OtherOrganisation = "the court's organisation (teams, pools, policies) differs from the one this ledger began with";

    /// <summary>
    /// Why this court cannot take up a ledger whose first entry is <paramref name="genesis"/>: the ledger was begun by
    /// another organisation (teams, pools, policies), or under a secret that does not match the one stored for its
    /// epoch — a configuration's mistake, not a broken ledger. Null when it can, and when the entry is not intact (its
    /// text does not match its hash, or it is no genesis entry of this court): finding that is the verification's.
    /// </summary>
    public string? RefusesGenesis(LedgerRecord genesis)
    {
        if (genesis.Seq != 1 || genesis.Kind != LedgerKinds.Genesis || ReadRecord.Of(genesis) is not { HashHolds: true, Entry: { } entry }
            || entry.Kind != LedgerKinds.Genesis || entry.Court != _court.Id)
        {
            return null;
        }
        return entry.Organization != _court.OrganizationHash ? OtherOrganisation : CheckSecret(entry.Epoch ?? 0, entry.Commitment);
    }

    private string? CheckSecret(int epoch, string? commitment)
    {
        var secret = _secretOf(epoch);
        return secret is not null && !LedgerHash.Opens(secret, commitment)
            ? $"the stored secret of epoch {epoch} does not match its commitment"
            : null;
    }

    private void Apply(LedgerEntry e)
    {
        _applying = e.At;
        _applyingSeq = e.Seq;
        switch (e.Kind)
        {
            case LedgerKinds.Genesis:
            case LedgerKinds.Seed:
                if (e.Kind == LedgerKinds.Genesis && Seq != 0)
                {
                    throw new InvalidOperationException("a genesis entry after the first");
                }
                if (e.Kind == LedgerKinds.Genesis)
                {
                    StartedAt = e.At;
                    RulesVersion = CourtRules.Unknown(e.Rules) is { } unknown ? throw new InvalidOperationException($"the genesis entry's {unknown}") : e.Rules ?? 1;
                }
                Epoch = e.Epoch ?? throw new InvalidOperationException("a seed entry without an epoch");
                Commitment = e.Commitment ?? throw new InvalidOperationException("a seed entry without a commitment");
                _commitments[Epoch] = Commitment;
                var secret = _secretOf(Epoch);
                Seed = LedgerHash.Opens(secret, Commitment) ? LedgerHash.Seed(secret!) : null;
                return;
            case LedgerKinds.Assign:
            case LedgerKinds.Queue:
                {
                    var number = e.Number ?? 0;
                    if (number != LastNumber + 1 || e.Case != _court.CaseId(number))
                    {
                        throw new InvalidOperationException($"case {e.Case} is not the court's next case number ({LastNumber + 1})");
                    }
                    var type = _court.TypeIndex(e.Type ?? "");
                    if (type < 0)
                    {
                        throw new InvalidOperationException($"unknown case type '{e.Type}'");
                    }
                    var c = CaseEntries.Filed(_court, e, withPartyCode: false);
                    if (e.Kind == LedgerKinds.Assign)
                    {
                        Take(c, TeamOf(e));
                        Touch(TeamOf(e), e);
                    }
                    else
                    {
                        _waiting[_court.Layout.TypePool[type]].Add(c.Number, PriorityOf(c), escalated: false, type);
                    }
                    _held.Add(number, c);
                    _lastNumber = number;
                    FirstFiledAt ??= c.FiledAt;
                    Watch(c);
                    return;
                }
            case LedgerKinds.Absence:
                _presence.Add(TeamOf(e), new RecordedAbsence(e.AbsentFrom ?? e.At, e.AbsentTo ?? e.At, e.Reason ?? "", e.Seq), e.At);
                Touch(TeamOf(e), e);
                return;
            case LedgerKinds.AbsenceWithdrawn:
                _presence.Withdraw(TeamOf(e), e.Withdraws ?? 0, e.Seq, e.At);
                Touch(TeamOf(e), e);
                return;
            case LedgerKinds.ReviewDraw:
                ApplyReviewDraw(e);
                return;
            case LedgerKinds.MeetingSitting:
                NoteSitting(e);
                return;
            case var kind when CaseEntries.ChangesCase(kind):
                {
                    var c = CaseOf(e);
                    var after = CaseEntries.Apply(c, e, withPartyCode: false);
                    var pool = _court.Layout.TypePool[_court.TypeIndex(c.Type)];
                    if (c.Team is { } holder)
                    {
                        Touch(_court.TeamIndex(holder), e);
                    }
                    switch (kind)
                    {
                        case LedgerKinds.Pull:
                        case LedgerKinds.Designate:
                            if (c.Status == CourtCaseStatus.Waiting)
                            {
                                _waiting[pool].Remove(c.Number, PriorityOf(c), c.EscalatedAt is not null, _court.TypeIndex(c.Type));
                            }
                            else
                            {
                                Release(c);
                            }
                            Take(after, TeamOf(e));
                            Touch(TeamOf(e), e);
                            break;
                        case LedgerKinds.Close:
                            Release(c);
                            _teamClosed[_court.TeamIndex(c.Team!)]++;
                            _judgeClosed[JudgeSlot(c)]++;
                            var unit = _court.Layout.Teams[_court.TeamIndex(c.Team!)].QuotaUnit;
                            _teamTally[_court.TeamIndex(c.Team!)].Close(_court, after, e.At, unit);
                            _judgeTally[JudgeSlot(c)].Close(_court, after, e.At, unit);
                            NoteClosure(after, e);
                            break;
                        case LedgerKinds.Unlock:
                            Unlocks++;
                            break;
                        case LedgerKinds.Warning:
                            WarningsIssued++;
                            break;
                        case LedgerKinds.Escalate:
                            _waiting[pool].Escalate(c.Number, PriorityOf(c), _court.TypeIndex(c.Type));
                            Escalations++;
                            break;
                        case LedgerKinds.Extension:
                            Extensions++;
                            break;
                        case LedgerKinds.ReviewFinding:
                            NoteFinding(c, e);
                            break;
                    }
                    Set(after);
                    return;
                }
            default:
                throw new InvalidOperationException($"unknown entry kind '{e.Kind}'");
        }
    }

    private int TeamOf(LedgerEntry e) =>
        _court.TeamIndex(e.Team ?? "") is var t and >= 0 ? t : throw new InvalidOperationException($"unknown team '{e.Team}'");

    private CourtCase CaseOf(LedgerEntry e) =>
        _held.TryGetValue(e.Number ?? 0, out var c) && c.Id == e.Case
            ? c
            : throw new InvalidOperationException(HasLeft(e.Number ?? 0) || _recalled.ContainsKey(e.Number ?? 0) ? $"case {e.Case} has finished" : $"no case {e.Case}");

    private void Set(CourtCase c)
    {
        var type = _court.TypeIndex(c.Type);
        // A file waiting for its quality review stays at hand even with every stage done (a type archived on closure).
        if (c.Status == CourtCaseStatus.Closed && c.StagesDone >= _court.CaseTypes[type].Stages.Count && !Quality.ReviewStates.HoldsArchive(c.Review))
        {
            Leave(c, type);
            return;
        }
        _held[c.Number] = c;
        Watch(c);
    }

    /// <summary>A finished case: its row made for storage, its record out of memory (kept at hand among the last finished).</summary>
    private void Leave(CourtCase c, int type)
    {
        _held.Remove(c.Number);
        _dueAt.Remove(c.Number);
        _due.Remove(c.Number);
        _digests.Remove(c.Number);
        var finished = FinishedOf(c, type, _applyingSeq);
        _finishedTotals.Add(_court, finished);
        if (TracksFinished)
        {
            _finished.Add(finished);
        }
        KeepAtHand(c);
    }

    /// <summary>The row kept of case <paramref name="c"/>, finished by entry <paramref name="seq"/>.</summary>
    private FinishedCase FinishedOf(CourtCase c, int type, long seq) => new(
        c.Number,
        seq,
        c.FiledAt.UtcTicks,
        c.ClosedAt!.Value.UtcTicks,
        c.Stages.Length > 0 ? c.Stages[^1].At.UtcTicks : c.ClosedAt!.Value.UtcTicks,
        c.FilingSeq,
        c.Team!,
        _court.CaseTypes[type].Id,
        c.Extensions,
        CaseClock.Suspension(_court.CaseTypes[type], c).Days);

    private void KeepAtHand(CourtCase c)
    {
        if (_recalled.TryAdd(c.Number, c))
        {
            _recallOrder.Enqueue(c.Number);
            // A recalled record stays at least until the command that recalled it has run (it is decided without awaiting).
            while (_recallOrder.Count > Math.Max(1, _finishedAtHand))
            {
                _recalled.Remove(_recallOrder.Dequeue());
            }
        }
    }

    /// <summary>
    /// Files a case no team holds under the next moment its deadlines can earn a warning (<see cref="CaseClock.NextCheck"/>);
    /// a case a team holds leaves the court's index, since the team's docket watches it.
    /// </summary>
    private void Watch(CourtCase c)
    {
        var next = c.Status == CourtCaseStatus.Pending ? null : CaseClock.NextCheck(_court, c, _applying);
        _due.File(c.Number, next);
        if (next is { } at)
        {
            _dueAt[c.Number] = at;
        }
        else
        {
            _dueAt.Remove(c.Number);
        }
    }

    /// <summary>The boards' side of a case put on a team (its record already says so).</summary>
    private void Take(CourtCase c, int team)
    {
        _router.Assign(team, _court.TypeIndex(c.Type));
        _open[team].Add(c.Number);
        _teamAssigned[team]++;
        var judge = RequireJudge(team, c.Judge);
        _judges.Open(team, judge);
        _judgeAssigned[_judges.Slot(team, judge)]++;
    }

    private int JudgeSlot(CourtCase c)
    {
        var team = _court.TeamIndex(c.Team!);
        return _judges.Slot(team, RequireJudge(team, c.Judge));
    }

    private void Touch(int team, LedgerEntry e)
    {
        if (_lastTouch[team] == e.Seq)
        {
            return;
        }
        if (TracksTouches)
        {
            _touches.Add(new DocketTouch(e.Seq, team, _lastTouch[team], e.Eligible is null && e.Draw is null ? e : e with { Eligible = null, Draw = null }));
        }
        _lastTouch[team] = e.Seq;
    }

    private void Release(CourtCase c)
    {
        var team = _court.TeamIndex(c.Team!);
        _router.Close(team, _court.TypeIndex(c.Type));
        _open[team].Remove(c.Number);
        _judges.Close(team, RequireJudge(team, c.Judge));
    }

    /// <summary>The number (0-based) of a judge of the team by name, or -1.</summary>
    public int JudgeNumber(int team, string judge) => _judges.NumberOf(team, _court.Layout.Teams[team].Id, judge);

    private int RequireJudge(int team, string? judge) =>
        _judges.NumberOf(team, _court.Layout.Teams[team].Id, judge) is var k and >= 0
            ? k
            : throw new InvalidOperationException($"'{judge}' is not a judge of team {_court.Layout.Teams[team].Id}");
}

/// <summary>An entry <see cref="Seq"/> that concerned a team, and the one before it that did (0: none).</summary>
/// <param name="Entry">The entry, without what only the draw needs (eligible teams, the draw): what a docket applies.</param>
public readonly record struct DocketTouch(long Seq, int Team, long Previous, LedgerEntry Entry);
