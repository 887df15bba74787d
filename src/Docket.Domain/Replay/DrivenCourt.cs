using Docket.Domain.Assignment;
using Docket.Domain.Balance;
using Docket.Domain.Courts;
using Docket.Domain.Staffing;
using Docket.Domain.Supervision;

namespace Docket.Domain.Replay;

/// <summary>
/// The simulator's court driven by external events instead of Poisson intake and effort: filings (time, number,
/// type, flags, risk), assignments, closures, designations, escalations and absences, as a ledger tells them. It
/// decides with the pieces <c>CourtSimulation</c> decides with — the court's <see cref="CaseRouter"/> (its
/// <see cref="TeamBoard"/>s, policies and designation, drawing by <see cref="AssignmentDraw"/>), the
/// <see cref="WaitingQueue"/>'s pull order and <see cref="JudgeInCharge"/> — on the same <c>CourtLayout</c>, and
/// records what it is told was decided. Teams are court team indices (<c>CourtLayout.Teams</c>).
/// </summary>
public sealed class DrivenCourt
{
    private readonly Court _court;
    private readonly CaseRouter _router;
    private readonly JudgeInCharge _judges;
    private readonly WaitingLine[] _waiting;
    private readonly Dictionary<long, DrivenCase> _cases = [];
    private readonly TeamPresence _presence;
    private readonly long[] _assigned;

    /// <param name="court">The court, its pools' draws keyed by its id as the live service keys them.</param>
    public DrivenCourt(Court court)
    {
        _court = court;
        _router = new CaseRouter(court.Layout, court.Id);
        _judges = new JudgeInCharge(court.Layout.JudgesPerTeam);
        _waiting = [.. Enumerable.Range(0, court.Layout.PoolSpecs.Count).Select(_ => new WaitingLine())];
        _presence = new TeamPresence(_router, court.Layout.Teams.Count);
        _assigned = new long[court.Layout.Teams.Count];
    }

    /// <summary>Cases the team has been given so far (filed, pulled or designated to it).</summary>
    public long AssignedTo(int team) => _assigned[team];

    public Court Court => _court;

    public CaseRouter Router => _router;

    public JudgeInCharge Judges => _judges;

    /// <summary>A filed case: its type, team and judge (-1 while waiting), whether it waits, is open or closed, whether escalated.</summary>
    public DrivenCase? Case(long number) => _cases.TryGetValue(number, out var c) ? c : null;

    /// <summary>Records a team's absence at <paramref name="at"/>, the moment of the entry (<see cref="TeamPresence.Add"/>).</summary>
    public void AddAbsence(int team, RecordedAbsence absence, DateTimeOffset at) => _presence.Add(team, absence, at);

    /// <summary>Withdraws the team's absence of entry <paramref name="seq"/> at <paramref name="at"/> (<see cref="TeamPresence.Withdraw"/>).</summary>
    public void WithdrawAbsence(int team, long seq, long withdrawal, DateTimeOffset at) => _presence.Withdraw(team, seq, withdrawal, at);

    /// <summary>Brings the boards to <paramref name="at"/> (<see cref="TeamPresence.BringTo"/>).</summary>
    public void AsOf(DateTimeOffset at) => _presence.BringTo(at);

    /// <summary>Whether a team has come back since this was last asked (<see cref="TeamPresence.TakeReturned"/>).</summary>
    public bool TakeReturned() => _presence.TakeReturned();

    /// <summary>
    /// Whether deciding a new case needs the epoch's seed: its pool's policy draws and the case is not designated to a
    /// leader's team (which needs no draw).
    /// </summary>
    public bool NeedsSeed(int type, bool flagged, RiskLevel risk)
    {
        var pool = _court.Layout.TypePool[type];
        return pool >= 0 && _router.Draws(pool)
            && !(DesignatedAssignment.Applies(flagged, risk, _court.Layout.PoolSpecs[pool].Designated) && _router.LeaderTeam(type) >= 0);
    }

    /// <summary>
    /// Decides new case <paramref name="number"/>: the route (<see cref="CaseRouter.Route"/>, advancing the pool's
    /// policy), the judge who would be put in charge (<see cref="JudgeInCharge.Next"/>), and what a ledger records
    /// beside it (the eligible teams in draw order and a weighted draw's weights, as they were before the decision).
    /// Changes no board: record the outcome with <see cref="Assign"/> or <see cref="Wait"/>.
    /// </summary>
    public DrivenDecision Decide(int type, bool flagged, RiskLevel risk, long number, ulong? seed)
    {
        var (route, eligible, weights) = _router.RouteRecorded(type, flagged, risk, number, seed);
        return new DrivenDecision(route, route.Assigned ? _judges.Next(route.Team) : -1, eligible, weights);
    }

    /// <summary>Files case <paramref name="number"/> and assigns it to the team, the judge (0-based) in charge.</summary>
    public void File(long number, int type, DateTimeOffset at, int team, int judge)
    {
        _cases.Add(number, new DrivenCase(number, type, at, -1, -1, CourtCaseStatus.Waiting, false));
        Assign(number, team, judge);
    }

    /// <summary>Files case <paramref name="number"/> to wait in its pool's queue.</summary>
    public void Wait(long number, int type, DateTimeOffset at)
    {
        var c = new DrivenCase(number, type, at, -1, -1, CourtCaseStatus.Waiting, false);
        _cases.Add(number, c);
        _waiting[PoolOf(c)].Add(number, PriorityOf(c), escalated: false, c.Type);
    }

    /// <summary>The waiting case the team takes when it frees a place or comes back: the highest lane, the longest-waiting it can take now.</summary>
    public long? NextPull(int team)
    {
        var t = _court.Layout.Teams[team];
        return _waiting[t.Pool].NextPull(_router.Boards[t.Pool], t.LocalIndex);
    }

    /// <summary>Assigns a waiting case (a pull) or a new one to the team, the judge in charge <paramref name="judge"/>.</summary>
    public void Assign(long number, int team, int judge)
    {
        var c = _cases[number];
        if (c.Status == CourtCaseStatus.Waiting)
        {
            _waiting[PoolOf(c)].Remove(number, PriorityOf(c), c.Escalated, c.Type);
        }
        else if (c.Status == CourtCaseStatus.Pending && c.Team >= 0)
        {
            Release(c);
        }
        else if (c.Status == CourtCaseStatus.Closed)
        {
            throw new InvalidOperationException($"case {number} is closed");
        }
        _router.Assign(team, c.Type);
        _judges.Open(team, judge);
        _assigned[team]++;
        _cases[number] = c with { Team = team, Judge = judge, Status = CourtCaseStatus.Pending };
    }

    /// <summary>
    /// Closes an open case at <paramref name="at"/>: its team's place and its judge's charge are freed. Returns the team.
    /// <paramref name="suspendedDays"/>: the days its statutory limit stood still, which the trial-time index leaves out.
    /// </summary>
    public int Close(long number, DateTimeOffset at, double suspendedDays = 0)
    {
        var c = _cases[number];
        if (c.Status != CourtCaseStatus.Pending || c.Team < 0)
        {
            throw new InvalidOperationException($"case {number} is not open");
        }
        Release(c);
        _cases[number] = c with { Status = CourtCaseStatus.Closed, ClosedAt = at, SuspendedDays = suspendedDays };
        return c.Team;
    }

    /// <summary>The case's statutory limit was extended (the time-limit change rate counts it against the case's filing).</summary>
    public void Extend(long number) => _cases[number] = _cases[number] with { Extensions = _cases[number].Extensions + 1 };

    /// <summary>Takes an open case from its team (a designation's first half): its place and judge are freed, the case waits for <see cref="Assign"/> outside the queue.</summary>
    public void Unassign(long number)
    {
        var c = _cases[number];
        if (c.Status != CourtCaseStatus.Pending || c.Team < 0)
        {
            throw new InvalidOperationException($"case {number} is not open");
        }
        Release(c);
        _cases[number] = c with { Team = -1, Judge = -1, Status = CourtCaseStatus.Pending };
    }

    /// <summary>Moves a waiting case to the top lane (<see cref="WaitingQueue.EscalatedLane"/>).</summary>
    public void Escalate(long number)
    {
        var c = _cases[number];
        if (c.Status != CourtCaseStatus.Waiting)
        {
            throw new InvalidOperationException($"case {number} is not waiting");
        }
        var pool = PoolOf(c);
        _waiting[pool].Escalate(number, PriorityOf(c), c.Type);
        _cases[number] = c with { Escalated = true };
    }

    /// <summary>
    /// The caseload figures over [<paramref name="since"/>, <paramref name="now"/>] (from the first filing when null),
    /// counted as the live court counts its KPIs (<see cref="CaseloadTally"/>): a case is pending until its closure.
    /// </summary>
    public Caseload Caseload(DateTimeOffset? since, DateTimeOffset now)
    {
        var tally = new CaseloadTally(since ?? FirstFiledAt(now), now);
        foreach (var c in InFilingOrder())
        {
            tally.Count(c.FiledAt, c.ClosedAt, c.Status == CourtCaseStatus.Waiting);
        }
        return tally.Finish();
    }

    /// <summary>
    /// The balance indicators over [<paramref name="since"/>, <paramref name="now"/>] (from the first filing when null),
    /// each case's share of the window counted by the simulator's rule for summary.json
    /// (<see cref="Statistics.CaseFold.AddToBalance"/>, on the case's times in days from the window's start) into the
    /// one calculator (<see cref="BalanceInputs"/>), with the spread of the teams' open work now. The days a case's
    /// limit stood still are those it was told at the closure (<see cref="Close"/>), not the simulator's own count.
    /// </summary>
    public BalanceKpi Balance(DateTimeOffset? since, DateTimeOffset now)
    {
        var from = since ?? FirstFiledAt(now);
        double Days(DateTimeOffset at) => (at - from).TotalDays;
        var inputs = new BalanceInputs();
        foreach (var c in InFilingOrder())
        {
            var record = new Simulation.CaseRecord
            {
                Filed = Days(c.FiledAt),
                Closed = c.ClosedAt is { } closed ? Days(closed) : double.NaN,
                Archived = double.NaN,
                Status = c.Status switch
                {
                    CourtCaseStatus.Closed => Simulation.CaseStatus.Closed,
                    CourtCaseStatus.Waiting => Simulation.CaseStatus.Waiting,
                    _ => Simulation.CaseStatus.InProgress,
                },
                Extensions = (short)c.Extensions,
                SuspendedDays = c.SuspendedDays,
            };
            Statistics.CaseFold.AddToBalance(inputs, in record, _court.CaseTypes[c.Type], 0, Days(now), _court.Scenario.Balance.LongPendingDays);
        }
        return BalanceKpi.Of(inputs.Indicators(), _court.Scenario.Balance.Weights, CaseloadGini());
    }

    private IEnumerable<DrivenCase> InFilingOrder() => _cases.Values.OrderBy(c => c.Number);

    /// <summary>When the first case was filed (numbers follow filing); <paramref name="none"/> when no case was.</summary>
    private DateTimeOffset FirstFiledAt(DateTimeOffset none) => InFilingOrder().FirstOrDefault()?.FiledAt ?? none;

    /// <summary>The spread of the teams' open work now (<see cref="CourtIndicators.CaseloadGini"/>), from the boards' pending work.</summary>
    public double CaseloadGini() => CourtIndicators.CaseloadGini(_court.Layout, _router.PendingWork);

    /// <summary>Each pool's waiting cases in pull order.</summary>
    public IEnumerable<(int Pool, long Number)> Queue()
    {
        for (var p = 0; p < _waiting.Length; p++)
        {
            foreach (var number in _waiting[p].InPullOrder())
            {
                yield return (p, number);
            }
        }
    }

    private void Release(DrivenCase c)
    {
        _router.Close(c.Team, c.Type);
        _judges.Close(c.Team, c.Judge);
    }

    private int PoolOf(DrivenCase c) => _court.Layout.TypePool[c.Type];

    private int PriorityOf(DrivenCase c) => _court.CaseTypes[c.Type].Priority;
}

/// <summary>
/// A case of a <see cref="DrivenCourt"/>, its status the live court's: waiting, pending on its team (<see cref="Team"/>;
/// -1 between a designation's two halves, taken from one team and not yet given to the next), or closed.
/// </summary>
public sealed record DrivenCase(long Number, int Type, DateTimeOffset FiledAt, int Team, int Judge, CourtCaseStatus Status, bool Escalated)
{
    /// <summary>When it was closed; null while it waits or is open.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>How many times its statutory limit was extended.</summary>
    public int Extensions { get; init; }

    /// <summary>The days its statutory limit stood still, as of its closure.</summary>
    public double SuspendedDays { get; init; }
}

/// <summary>What a <see cref="DrivenCourt"/> decides for a new case.</summary>
/// <param name="Route">The router's decision.</param>
/// <param name="Judge">The judge (0-based) who would be in charge, or -1 when the case waits.</param>
/// <param name="Eligible">The teams that could take it, in the order the draw indexes them (a designation: the leader teams that could).</param>
/// <param name="Weights">A weighted draw's weights, in the order of <paramref name="Eligible"/>; null otherwise.</param>
public sealed record DrivenDecision(CaseRoute Route, int Judge, string[] Eligible, double[]? Weights);
