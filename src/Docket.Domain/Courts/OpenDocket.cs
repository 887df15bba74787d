using Docket.Domain.Ledger;
using Docket.Domain.Simulation;
using Docket.Domain.Staffing;
using Orleans;

namespace Docket.Domain.Courts;

/// <summary>
/// A team's open docket — or one judge's, the cases of the team that judge is in charge of — derived from the
/// court's ledger: the cases it holds as the entries make them (<see cref="CaseEntries"/>), what it has received and
/// closed, and a team's absences. It is told the entries that concern it in ledger order; a case that arrives by a
/// pull or a designation comes with its record, since its earlier entries were never this docket's. It reflects
/// the court's ledger up to <see cref="Through"/>: an entry at or before that position is already in it.
/// </summary>
public sealed class OpenDocket
{
    private readonly Court _court;
    private readonly int _team;
    private readonly string _teamId;
    private readonly Dictionary<long, CourtCase> _open = [];
    private readonly List<RecordedAbsence> _absences = [];
    private readonly DocketTally _tally = new();
    private DueIndex? _due;

    /// <param name="judge">The judge's name (<see cref="Assignment.JudgeInCharge.Name"/>) for a judge's docket; null for the team's.</param>
    public OpenDocket(Court court, int team, string? judge = null)
    {
        _court = court;
        _team = team;
        _teamId = court.Layout.Teams[team].Id;
        Judge = judge;
    }

    /// <summary>A docket as a snapshot gave it (<see cref="Snapshot"/>).</summary>
    public OpenDocket(Court court, DocketSnapshot snapshot)
        : this(court, court.TeamIndex(snapshot.Team) is var t and >= 0 ? t : throw new ArgumentException($"court {court.Id} has no team '{snapshot.Team}'"), snapshot.Judge)
    {
        Through = snapshot.Through;
        Assigned = snapshot.Assigned;
        Closed = snapshot.Closed;
        _tally = snapshot.Tally?.Copy() ?? new DocketTally();
        StartedAt = snapshot.StartedAt;
        foreach (var c in snapshot.Open)
        {
            _open[c.Number] = c;
        }
        _absences.AddRange(snapshot.Absences);
    }

    public string Team => _teamId;

    public string? Judge { get; }

    /// <summary>The court's ledger position the docket reflects.</summary>
    public long Through { get; private set; }

    /// <summary>Cases received (filed, pulled or designated to it).</summary>
    public long Assigned { get; private set; }

    /// <summary>Cases closed while held.</summary>
    public long Closed { get; private set; }

    /// <summary>
    /// The closures counted in the team's quota unit (<see cref="QuotaAttainment.Credit"/>: a case, or its type's
    /// weight), for a judge's docket too (against the judge's share of the quota, <see cref="DocketFigures"/>).
    /// </summary>
    public double ClosedCredit => _tally.Credit;

    /// <summary>Seats in professional judges' meetings that sat (<see cref="DocketTally.MeetingSeats"/>).</summary>
    public long MeetingSeats => _tally.MeetingSeats;

    /// <summary>When the court's ledger began (its genesis entry), once the docket knows it.</summary>
    public DateTimeOffset? StartedAt { get; private set; }

    /// <summary>The open cases, by number (sorted when asked: a docket keeps them by number without order).</summary>
    public IReadOnlyList<CourtCase> Open => [.. _open.Values.OrderBy(c => c.Number)];

    public IReadOnlyList<RecordedAbsence> Absences => _absences;

    /// <summary>The open cases' weights summed (a case type's <c>weight</c>).</summary>
    public double PendingWork => WorkOf(Open);

    public CourtCase? Case(long number) => _open.GetValueOrDefault(number);

    /// <summary>
    /// Applies an entry of the court's ledger (one after <see cref="Through"/>; earlier ones are already in).
    /// <paramref name="arrived"/> finds the record of a case arriving by a pull or designation, as of that entry or
    /// later; when it has none, the docket cannot take the entry and a <see cref="InvalidOperationException"/> says so.
    /// For a filing it may give the case's record as of the filing's entry, which the docket then keeps as it is.
    /// </summary>
    public void Apply(LedgerEntry e, Func<long, CourtCase?> arrived)
    {
        if (e.Seq <= Through)
        {
            return;
        }
        var number = e.Number ?? 0;
        switch (e.Kind)
        {
            case LedgerKinds.Assign:
                // The court's record, when it came with the entry and is as of it, is the same record: kept, not rebuilt.
                var filed = arrived(number) is { } given && given.Version == e.Seq ? given : CaseEntries.Filed(_court, e, withPartyCode: false);
                if (Holds(filed))
                {
                    Put(filed, e.At);
                    Assigned++;
                }
                break;
            case LedgerKinds.Absence:
                if (e.Team == _teamId)
                {
                    _absences.Add(new RecordedAbsence(e.AbsentFrom ?? e.At, e.AbsentTo ?? e.At, e.Reason ?? "", e.Seq));
                }
                break;
            case LedgerKinds.AbsenceWithdrawn:
                if (e.Team == _teamId && _absences.FindIndex(a => a.Seq == e.Withdraws) is var i and >= 0)
                {
                    _absences[i] = _absences[i].WithdrawnAt(e.At, e.Seq);
                }
                break;
            case LedgerKinds.Pull:
            case LedgerKinds.Designate:
                {
                    var after = Drop(number) is { } held ? CaseEntries.Apply(held, e, withPartyCode: false) : null;
                    if (after is null && e.Team == _teamId && (Judge is null || e.Judge == Judge))
                    {
                        after = arrived(number) ?? throw new InvalidOperationException($"case {e.Case} arrived at {_teamId} without its record");
                    }
                    if (after is not null && Holds(after))
                    {
                        Put(after, e.At);
                        Assigned++;
                    }
                    break;
                }
            case LedgerKinds.Genesis:
                StartedAt = e.At;
                break;
            case LedgerKinds.MeetingSitting:
                foreach (var seat in Supervision.MeetingReferral.SeatsOf(e.Present ?? [], (e.Members ?? []).Length))
                {
                    if (Judge is null ? Assignment.JudgeInCharge.TeamIdOf(seat) == _teamId : seat == Judge)
                    {
                        _tally.Sat();
                    }
                }
                break;
            case LedgerKinds.Close:
                if (Drop(number) is { } closed)
                {
                    Closed++;
                    _tally.Close(_court, CaseEntries.Apply(closed, e, withPartyCode: false), e.At, _court.Layout.Teams[_team].QuotaUnit);
                }
                break;
            case var kind when CaseEntries.ChangesCase(kind):
                if (_open.TryGetValue(number, out var c) && e.Seq > c.Version)
                {
                    Put(CaseEntries.Apply(c, e, withPartyCode: false), e.At);
                }
                break;
        }
        Through = e.Seq;
    }

    /// <summary>Marks the docket as reflecting the ledger up to <paramref name="seq"/> (entries that did not concern it).</summary>
    public void AdvanceTo(long seq) => Through = Math.Max(Through, seq);

    /// <summary>
    /// Starts the docket's deadline watch at <paramref name="now"/>: from here on it knows each open case's next check
    /// (<see cref="CaseClock.NextCheck"/>, taken again whenever an entry changes the case), so <see cref="DueBy"/>
    /// looks only at the cases whose check has come. A team's docket watches; a judge's has no need to.
    /// </summary>
    public void Watch(DateTimeOffset now)
    {
        _due = DueIndex.ForDocket();
        foreach (var c in _open.Values)
        {
            Index(c, now);
        }
    }

    /// <summary>
    /// The open cases that have earned a warning by <paramref name="now"/> not yet issued, by number: those whose next
    /// check has come are checked again (<see cref="CaseClock.NextCheck"/>), the others filed under their next check.
    /// A case stays due until the entries of its warnings reach the docket. Only for a watching docket (<see cref="Watch"/>).
    /// </summary>
    public List<long> DueBy(DateTimeOffset now)
    {
        if (_due is null)
        {
            throw new InvalidOperationException($"the docket of {Judge ?? _teamId} does not watch deadlines");
        }
        var due = new List<long>();
        foreach (var (_, number) in _due.DueBy(now))
        {
            Index(_open[number], now);
            if (_due.TryGetNext(number, out var next) && next <= now)
            {
                due.Add(number);
            }
        }
        return due;
    }

    /// <summary>
    /// The earliest next check among the open cases (a case still due after <see cref="DueBy"/> keeps its check until
    /// the entries of its warnings reach the docket); null when none can come due until a case changes. Only for a
    /// watching docket (<see cref="Watch"/>).
    /// </summary>
    public DateTimeOffset? NextCheck =>
        (_due ?? throw new InvalidOperationException($"the docket of {Judge ?? _teamId} does not watch deadlines")).Earliest;

    /// <summary>Whether open case <paramref name="number"/> has earned a warning by <paramref name="now"/> not yet issued.</summary>
    public bool IsDue(long number, DateTimeOffset now) =>
        _open.TryGetValue(number, out var c) && CaseClock.NextCheck(_court, c, now) <= now;

    /// <summary>
    /// The team's (or judge's) load now: counts, weighted open work, the open cases oldest first, the team's quota
    /// attainment (null for a judge's: it is in the figures, against the judge's share) and the figures.
    /// </summary>
    public TeamCaseload Caseload(DateTimeOffset now)
    {
        var open = Open;
        var entries = open.Select(c => new CaseloadEntry(c.Id, c.Type, c.Judge, c.FiledAt, (now - c.FiledAt).TotalDays,
            CaseClock.IsLocked(_court, c, now), CaseProgress.NextStage(_court, c))).ToArray();
        var figures = FiguresOf(open, now);
        double? attainment = Judge is null && StartedAt is not null ? figures.QuotaAttainment : null;
        return new TeamCaseload(_teamId, _court.Id, _court.DivisionOf(_team), Assigned, entries.Length, Closed, WorkOf(open), entries, attainment, figures, Judge);
    }

    /// <summary>The docket's figures now (<see cref="DocketFigures"/>): its closed cases' tally with the cases it holds.</summary>
    public DocketFigures Figures(DateTimeOffset now) => FiguresOf(Open, now);

    private DocketFigures FiguresOf(IReadOnlyList<CourtCase> open, DateTimeOffset now) => DocketFigures.Of(_court, _team, Judge, _tally, open, StartedAt, now);

    private double WorkOf(IReadOnlyList<CourtCase> open) => open.Sum(c => _court.CaseTypes[_court.TypeIndex(c.Type)].Weight);

    public DocketSnapshot Snapshot() => new(_teamId, Judge, Through, Assigned, Closed, [.. Open], [.. _absences], _tally.Copy(), StartedAt);

    private void Put(CourtCase c, DateTimeOffset at)
    {
        _open[c.Number] = c;
        if (_due is not null)
        {
            Index(c, at);
        }
    }

    private CourtCase? Drop(long number)
    {
        _due?.Remove(number);
        return _open.Remove(number, out var held) ? held : null;
    }

    /// <summary>Files the case under its next check as of <paramref name="at"/>, or under none when nothing can come due.</summary>
    private void Index(CourtCase c, DateTimeOffset at)
    {
        _due!.File(c.Number, CaseClock.NextCheck(_court, c, at));
    }

    private bool Holds(CourtCase c) => c.Status == CourtCaseStatus.Pending && c.Team == _teamId && (Judge is null || c.Judge == Judge);
}

/// <summary>A team's or judge's docket at a ledger position, to start a docket from (<see cref="OpenDocket"/>).</summary>
[GenerateSerializer, Immutable, Alias("docket.live.docket-snapshot")]
public sealed record DocketSnapshot(
    [property: Id(0)] string Team,
    [property: Id(1)] string? Judge,
    [property: Id(2)] long Through,
    [property: Id(3)] long Assigned,
    [property: Id(4)] long Closed,
    [property: Id(5)] CourtCase[] Open,
    [property: Id(6)] RecordedAbsence[] Absences,
    [property: Id(9)] DocketTally? Tally = null,
    [property: Id(8)] DateTimeOffset? StartedAt = null);
