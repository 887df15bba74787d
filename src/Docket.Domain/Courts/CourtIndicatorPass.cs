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
    private readonly CaseloadTally _caseload;
    private readonly long _through;
    private readonly CasesInProgressSweep _inProgress;
    private readonly BalanceInputs _inputs = new();
    private readonly Dictionary<TeamKind, double> _quotaUnits;
    private readonly double[] _pendingWork;
    private readonly long _unlocks;
    private long _lockedNow, _overdue;

    public CourtIndicatorPass(CourtState state, DateTimeOffset? since, DateTimeOffset now)
    {
        _court = state.Court;
        _now = now;
        // Case numbers follow the ledger, whose times never go backwards: case 1 was filed first.
        _from = since ?? state.FirstFiledAt ?? now;
        _caseload = new CaseloadTally(_from, now);
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
            _caseload.CountFiledAndClosed(totals.Count);
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

    /// <summary>Each team's open cases' workload weights summed, by team index, as of <see cref="Through"/>.</summary>
    public IReadOnlyList<double> PendingWork => _pendingWork;

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
            _caseload.CountFiledAndClosed(1);
            FinishedTotals.CountWhole(_inputs, _court.CaseTypes[type], f);
            return;
        }
        Count(f.FiledAt, f.ClosedAt, waiting: false, f.Extensions, _court.CaseTypes[type], f.SuspendedDays);
        if (f.LastStageAt >= _from)
        {
            _inputs.Archive((f.LastStageAt - f.ClosedAt).TotalDays);
        }
    }

    /// <summary>Counts up to <paramref name="cases"/> more of the cases in progress when the pass began, as they stood then; true once every one is counted.</summary>
    public bool Step(int cases) => _inProgress.Step(cases, CountHeld);

    private void CountHeld(CourtCase c)
    {
        var typeIndex = _court.TypeIndex(c.Type);
        var type = _court.CaseTypes[typeIndex];
        var closedAt = c.ClosedAt;
        if (Count(c.FiledAt, closedAt, c.Status == CourtCaseStatus.Waiting, c.Extensions, type, CaseClock.Suspension(type, c).Days) is { } age)
        {
            _inputs.Pending(age, _court.Scenario.Balance.LongPendingDays);
        }
        if (closedAt is { } closure && c.StagesDone == type.Stages.Count && c.Stages.Length > 0 && c.Stages[^1].At >= _from)
        {
            _inputs.Archive((c.Stages[^1].At - closure).TotalDays);
        }
        if (c.StagesDone < type.Stages.Count && type.Nodes.Count > 0)
        {
            var (lockedSince, deadlines) = CaseClock.Evaluate(_court, c, _now);
            _lockedNow += lockedSince is not null ? 1 : 0;
            _overdue += deadlines.Any(d => d.ReachedAt is null && d.Due <= _now) ? 1 : 0;
        }
    }

    /// <summary>Counts a case's caseload figures and the balance inputs of its filing and closure; its age when pending.</summary>
    private double? Count(DateTimeOffset filedAt, DateTimeOffset? closedAt, bool waiting, int extensions, CaseType type, double suspendedDays)
    {
        var counted = _caseload.Count(filedAt, closedAt, waiting);
        if (counted.FiledIn)
        {
            _inputs.File(extensions);
        }
        if (counted.ClosedIn)
        {
            _inputs.Close(type, (closedAt!.Value - filedAt).TotalDays, suspendedDays);
        }
        return counted.PendingAge;
    }

    /// <summary>The indicators as of entry <see cref="Through"/>, once <see cref="Step"/> has said the pass is done.</summary>
    public CourtKpis Finish()
    {
        _inProgress.EnsureDone();
        var caseload = _caseload.Finish();
        return new CourtKpis
        {
            Court = _court.Id,
            Since = _from,
            AsOf = _now,
            PendingStart = caseload.PendingStart,
            Filed = caseload.Filed,
            Closed = caseload.Closed,
            PendingEnd = caseload.PendingEnd,
            Waiting = caseload.Waiting,
            ClosureRate = caseload.ClosureRate,
            ClearanceRatio = caseload.ClearanceRatio,
            PendingAgeDays = caseload.PendingAgeDays,
            LongPending = caseload.LongPending,
            Locks = new LockCounts(_lockedNow, _overdue, _unlocks),
            Balance = BalanceKpi.Of(_inputs.Indicators(), _court.Scenario.Balance.Weights, CourtIndicators.CaseloadGini(_court.Layout, t => _pendingWork[t])),
            WaitingAgeDays = caseload.WaitingAgeDays,
        };
    }
}
