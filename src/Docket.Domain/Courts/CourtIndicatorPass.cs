using Docket.Domain.Balance;
using Docket.Domain.Cases;
using Docket.Domain.Staffing;

namespace Docket.Domain.Courts;

/// <summary>
/// One computation of a live court's indicators (<see cref="CourtIndicators"/>), case by case in steps, so a court
/// holding hundreds of thousands of cases can compute them between other commands instead of stopping for the whole
/// scan. The cases are those filed when the pass began (numbers 1 to that count), each counted as it stands when its
/// step runs, all against the one <c>now</c>; run in a single step it is exactly the indicators of that moment. It
/// also sums each team kind's closures in quota units (<see cref="QuotaUnits"/>), so the quota gauges need no second
/// scan.
/// </summary>
public sealed class CourtIndicatorPass
{
    private readonly CourtState _state;
    private readonly Court _court;
    private readonly DateTimeOffset _now;
    private readonly DateTimeOffset _from;
    private readonly int _count;
    private readonly BalanceInputs _inputs = new();
    private readonly List<double> _ages = [];
    private readonly List<double> _waitingAges = [];
    private readonly Dictionary<TeamKind, double> _quotaUnits = [];
    private int _next;
    private long _pendingStart, _filed, _closed, _waiting, _lockedNow, _overdue, _over365, _over548, _over1095;

    public CourtIndicatorPass(CourtState state, DateTimeOffset? since, DateTimeOffset now)
    {
        _state = state;
        _court = state.Court;
        _now = now;
        _count = state.Digests.Count;
        // Case numbers follow the ledger, whose times never go backwards: case 1 was filed first.
        _from = since ?? (_count > 0 ? state.Digests[0].FiledAt : now);
    }

    /// <summary>Closures since the ledger began by team kind, each in its team's quota unit (a case, or its type's weight).</summary>
    public IReadOnlyDictionary<TeamKind, double> QuotaUnits => _quotaUnits;

    /// <summary>Counts up to <paramref name="cases"/> more cases; true once every case of the pass is counted.</summary>
    public bool Step(int cases)
    {
        var digests = _state.Digests;
        var end = (int)Math.Min(_count, (long)_next + cases);
        for (; _next < end; _next++)
        {
            var d = digests[_next];
            if (d.Finished)
            {
                // Finished: closed with every stage done, so neither pending nor locked now.
                Count(d.FiledAt, d.ClosedAt, d.Extensions, _court.CaseTypes[d.Type], d.SuspendedDays);
                if (d.LastStageAt >= _from)
                {
                    _inputs.Archive(Math.Max(0, (d.LastStageAt - d.ClosedAt).TotalDays));
                }
                Credit(d.Team, d.Type);
                continue;
            }
            CountHeld(_state.Case(_next + 1)!);
        }
        return _next >= _count;
    }

    private void CountHeld(CourtCase c)
    {
        var typeIndex = _court.TypeIndex(c.Type);
        var type = _court.CaseTypes[typeIndex];
        var closedAt = c.ClosedAt;
        Count(c.FiledAt, closedAt, c.Extensions, type, CaseClock.Suspension(type, c).Days);
        if (closedAt is { } closure && c.StagesDone == type.Stages.Count && c.Stages.Length > 0 && c.Stages[^1].At >= _from)
        {
            _inputs.Archive(Math.Max(0, (c.Stages[^1].At - closure).TotalDays));
        }
        if (c.Status == CourtCaseStatus.Closed && c.Team is { } team)
        {
            Credit(_court.TeamIndex(team), typeIndex);
        }
        if (c.Status != CourtCaseStatus.Closed)
        {
            var age = (_now - c.FiledAt).TotalDays;
            _ages.Add(age);
            _inputs.Pending(age, _court.Scenario.Balance.LongPendingDays);
            _over365 += age > 365 ? 1 : 0;
            _over548 += age > 548 ? 1 : 0;
            _over1095 += age > 1095 ? 1 : 0;
            if (c.Status == CourtCaseStatus.Waiting)
            {
                _waiting++;
                _waitingAges.Add(age);
            }
        }
        if (c.StagesDone < type.Stages.Count && type.Nodes.Count > 0)
        {
            var (lockedSince, deadlines) = CaseClock.Evaluate(_court, c, _now);
            _lockedNow += lockedSince is not null ? 1 : 0;
            _overdue += deadlines.Any(d => d.ReachedAt is null && d.Due <= _now) ? 1 : 0;
        }
    }

    private void Count(DateTimeOffset filedAt, DateTimeOffset? closedAt, int extensions, CaseType type, double suspendedDays)
    {
        if (filedAt < _from)
        {
            if (closedAt is null || closedAt >= _from)
            {
                _pendingStart++;
            }
        }
        else
        {
            _filed++;
            _inputs.File(extensions);
        }
        if (closedAt is { } at && at >= _from)
        {
            _closed++;
            _inputs.Close(type, (at - filedAt).TotalDays, suspendedDays);
        }
    }

    private void Credit(int team, int type)
    {
        if (team >= 0 && type >= 0)
        {
            var t = _court.Layout.Teams[team];
            _quotaUnits[t.Kind] = _quotaUnits.GetValueOrDefault(t.Kind) + QuotaAttainment.Credit(t.QuotaUnit, _court.Layout.TypeWeight[type]);
        }
    }

    /// <summary>The indicators, once <see cref="Step"/> has said the pass is done (the caseload spread as of now).</summary>
    public CourtKpis Finish()
    {
        if (_next < _count)
        {
            throw new InvalidOperationException($"the pass has counted {_next} of {_count} cases");
        }
        var sorted = Ascending(_ages);
        var waitingSorted = Ascending(_waitingAges);
        var pending = sorted.LongLength;
        var indicators = _inputs.Indicators();
        var teamsWithJudges = Enumerable.Range(0, _court.Layout.Teams.Count).Where(t => _court.Layout.Teams[t].Judges > 0);
        var gini = Gini.Of(teamsWithJudges.Select(_state.PendingWork));
        return new CourtKpis
        {
            Court = _court.Id,
            Since = _from,
            AsOf = _now,
            PendingStart = _pendingStart,
            Filed = _filed,
            Closed = _closed,
            PendingEnd = pending,
            Waiting = _waiting,
            ClosureRate = _pendingStart + _filed == 0 ? 0 : (double)_closed / (_pendingStart + _filed),
            ClearanceRatio = _filed == 0 ? 0 : (double)_closed / _filed,
            PendingAgeDays = CourtIndicators.Ages(sorted),
            LongPending = new LongPending(_over365, _over548, _over1095),
            Locks = new LockCounts(_lockedNow, _overdue, _state.Unlocks),
            Balance = BalanceKpi.Of(indicators, _court.Scenario.Balance.Weights, gini),
            WaitingAgeDays = CourtIndicators.Ages(waitingSorted),
        };
    }

    /// <summary>
    /// The ages in ascending order. They were taken in case-number order, oldest filing first, so they usually arrive
    /// descending and a reversal sorts them; a full sort only when they do not (a ledger's times never go backwards).
    /// </summary>
    private static double[] Ascending(List<double> ages)
    {
        var array = ages.ToArray();
        Array.Reverse(array);
        for (var i = 1; i < array.Length; i++)
        {
            if (array[i] < array[i - 1])
            {
                Array.Sort(array);
                break;
            }
        }
        return array;
    }
}
