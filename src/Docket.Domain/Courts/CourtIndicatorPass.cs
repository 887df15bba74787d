using Docket.Domain.Balance;
using Docket.Domain.Cases;
using Docket.Domain.Staffing;
using Docket.Domain.Statistics;

namespace Docket.Domain.Courts;

/// <summary>
/// One computation of a live court's indicators (<see cref="CourtIndicators"/>), in parts, so a court with a long
/// history computes them between other commands instead of stopping for the whole count. It counts the cases filed
/// when it began, against the one <c>now</c>: the cases finished by then — over the whole ledger from the court's
/// sums (<see cref="FinishedTotals"/>), over a window with a start from their rows in storage
/// (<see cref="ReadsFinished"/>, <see cref="CountFinished"/>: those whose last stage is at or after <see cref="From"/>,
/// finished by entry <see cref="Through"/>; the others count for nothing in the window) — then the cases in progress
/// at entry <see cref="Through"/> from their records as they stood then (<see cref="Step"/>, a few at a time or all
/// at once, on any thread). So it counts the court as of the entry it began at, however long it takes.
/// </summary>
public sealed class CourtIndicatorPass : ICourtCasesPass
{
    private readonly Court _court;
    private readonly DateTimeOffset _now;
    private readonly DateTimeOffset _from;
    private readonly long _through;
    private readonly CasesInProgressSweep _inProgress;
    private readonly BalanceInputs _inputs = new();
    private readonly List<double> _ages = [];
    private readonly List<double> _waitingAges = [];
    private readonly Dictionary<TeamKind, double> _quotaUnits;
    private readonly double[] _pendingWork;
    private readonly long _unlocks;
    private long _pendingStart, _filed, _closed, _waiting, _lockedNow, _overdue;
    private readonly long[] _longPending = new long[CourtFigures.LongPendingDays.Count];

    public CourtIndicatorPass(CourtState state, DateTimeOffset? since, DateTimeOffset now)
    {
        _court = state.Court;
        _now = now;
        // Case numbers follow the ledger, whose times never go backwards: case 1 was filed first.
        _from = since ?? state.FirstFiledAt ?? now;
        _through = state.Seq;
        _inProgress = new CasesInProgressSweep(state.CasesInProgressNow());
        // The court-wide figures as of the same entry: the teams' closures and pending work, the unlocks.
        _quotaUnits = state.QuotaUnits();
        _pendingWork = [.. Enumerable.Range(0, _court.Layout.Teams.Count).Select(state.PendingWork)];
        _unlocks = state.Unlocks;
        if (since is null)
        {
            // The whole ledger: every finished case was filed, closed and archived in it.
            var totals = state.FinishedTotals;
            _filed = totals.Count;
            _closed = totals.Count;
            _inputs.Add(totals.Inputs);
            ReadsFinished = false;
        }
    }

    /// <summary>Whether the finished cases' rows are to be read (<see cref="CountFinished"/>): not over the whole ledger, whose sums the court keeps.</summary>
    public bool ReadsFinished { get; } = true;

    /// <summary>The window's start: the finished cases to count are those whose last stage is at or after it.</summary>
    public DateTimeOffset From => _from;

    DateTimeOffset ICourtCasesPass.FinishedSince => _from;

    /// <summary>The ledger position the pass began at: the finished cases to count are those finished by this entry.</summary>
    public long Through => _through;

    /// <summary>Closures since the ledger began by team kind, each in its team's quota unit (a case, or its type's weight), as of <see cref="Through"/>.</summary>
    public IReadOnlyDictionary<TeamKind, double> QuotaUnits => _quotaUnits;

    /// <summary>
    /// Counts finished cases read from storage; rows outside the pass (finished after <see cref="Through"/>, or last
    /// staged before <see cref="From"/>) are skipped, so a reader may hand over more than it was asked for.
    /// </summary>
    public void CountFinished(IEnumerable<FinishedCase> finished)
    {
        if (!ReadsFinished)
        {
            return;
        }
        foreach (var f in finished)
        {
            if (f.FinishedSeq <= _through && f.LastStageAt >= _from)
            {
                CountFinished(f);
            }
        }
    }

    private void CountFinished(FinishedCase f)
    {
        var type = _court.TypeIndex(f.Type);
        if (type < 0)
        {
            throw new InvalidOperationException($"finished case {f.Number} is of type '{f.Type}', which the court does not know");
        }
        // Finished: closed with every stage done, so neither pending nor locked now.
        if (f.FiledAt >= _from)
        {
            // In the window whole: as the court's sums count it.
            _filed++;
            _closed++;
            FinishedTotals.CountWhole(_inputs, _court.CaseTypes[type], f);
            return;
        }
        Count(f.FiledAt, f.ClosedAt, f.Extensions, _court.CaseTypes[type], f.SuspendedDays);
        if (f.LastStageAt >= _from)
        {
            _inputs.Archive(FinishedTotals.ArchiveDays(f));
        }
    }

    /// <summary>Counts up to <paramref name="cases"/> more of the cases in progress when the pass began, as they stood then; true once every one is counted.</summary>
    public bool Step(int cases) => _inProgress.Step(cases, CountHeld);

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
        if (c.Status != CourtCaseStatus.Closed)
        {
            var age = (_now - c.FiledAt).TotalDays;
            _ages.Add(age);
            _inputs.Pending(age, _court.Scenario.Balance.LongPendingDays);
            for (var i = 0; i < _longPending.Length; i++)
            {
                _longPending[i] += age > CourtFigures.LongPendingDays[i] ? 1 : 0;
            }
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

    /// <summary>The indicators as of entry <see cref="Through"/>, once <see cref="Step"/> has said the pass is done.</summary>
    public CourtKpis Finish()
    {
        _inProgress.EnsureDone();
        var sorted = Ascending(_ages);
        var waitingSorted = Ascending(_waitingAges);
        var pending = sorted.LongLength;
        var indicators = _inputs.Indicators();
        var teamsWithJudges = Enumerable.Range(0, _court.Layout.Teams.Count).Where(t => _court.Layout.Teams[t].Judges > 0);
        var gini = Gini.Of(teamsWithJudges.Select(t => _pendingWork[t]));
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
            ClosureRate = CourtFigures.ClosureRate(_closed, _pendingStart, _filed),
            ClearanceRatio = CourtFigures.ClearanceRatio(_closed, _filed),
            PendingAgeDays = CourtIndicators.Ages(sorted),
            LongPending = new LongPending(_longPending[0], _longPending[1], _longPending[3], _longPending[2]),
            Locks = new LockCounts(_lockedNow, _overdue, _unlocks),
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
