using System.Diagnostics;
using Docket.Abstractions;
using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Domain.Metrics;
using Docket.Domain.Simulation;
using Docket.Domain.Staffing;
using Docket.Domain.Statistics;

namespace Docket.Grains;

/// <summary>
/// The live path's share of Docket's telemetry: the <see cref="Source"/> of filing and assignment spans, and a
/// court's metrics recorded from the same domain events as its ledger entries (after they are durable). Every label
/// value comes from the organisation (court ids, team kinds, case type ids, policy names), never from a request:
/// an unknown type or team is refused before anything is recorded.
/// </summary>
public static class LiveTelemetry
{
    /// <summary>The ActivitySource name of Docket's spans.</summary>
    public const string SourceName = "Docket";

    public static readonly ActivitySource Source = new(SourceName);
}

/// <summary>
/// The <c>Docket:Metrics</c> configuration section: how often an active court records its KPI gauges
/// (<c>docket.cases.long_pending</c>, <c>docket.cases.locked</c>, <c>docket.cases.overdue</c>,
/// <c>docket.cases.waiting</c>, <c>docket.cases.waiting.age</c>, <c>docket.caseload.gini</c>,
/// <c>docket.balance.index</c>, <c>docket.quota.attainment</c>, <c>docket.team.pending_work</c>).
/// </summary>
public sealed class LiveMetricsOptions
{
    public const string Section = "Docket:Metrics";

    /// <summary>Seconds between a court's KPI recordings; 0 or less records them only when KPIs are asked for.</summary>
    public double KpiIntervalSeconds { get; set; } = 5;
}

/// <summary>
/// One court's metrics. Pending cases are an up/down counter per (court, team kind): the court adds what its replayed
/// ledger holds at activation and takes back everything it added when it deactivates, so a court that rebuilds from
/// its ledger does not count its cases twice.
/// </summary>
internal sealed class LiveCourtMetrics(DocketMetrics metrics, Court court)
{
    public const string Unassigned = DocketMetrics.UnassignedTeamKind;

    private readonly Dictionary<string, long> _pending = new(StringComparer.Ordinal);

    public string KindOf(string? team) =>
        team is not null && court.TeamIndex(team) is var t and >= 0
            ? CourtStatisticsCollector.TeamKindName(court.Layout.Teams[t].Kind)
            : Unassigned;

    /// <summary>The replayed ledger's open and waiting cases.</summary>
    public void Activated(IEnumerable<CourtCase> cases)
    {
        foreach (var c in cases)
        {
            if (c.Status != CourtCaseStatus.Closed)
            {
                Pending(KindOf(c.Team), +1);
            }
        }
    }

    public void Deactivated()
    {
        foreach (var (kind, count) in _pending)
        {
            if (count != 0)
            {
                metrics.CasesPending.Add(-count, new("court", court.Id), new("team_kind", kind));
            }
        }
        _pending.Clear();
    }

    public void Filed(string caseType, string? team)
    {
        metrics.CasesFiled.Add(1, new("court", court.Id), new("case_type", caseType));
        if (team is not null)
        {
            Assigned(caseType, team);
        }
        Pending(KindOf(team), +1);
    }

    public void AssignmentDecided(string policy, TimeSpan elapsed) =>
        metrics.AssignmentDuration.Record(elapsed.TotalSeconds, new("court", court.Id), new("policy", policy));

    /// <summary>A case moved from one holder (null: waiting) to a team, by a pull or a designation.</summary>
    public void Moved(string caseType, string? from, string to)
    {
        if (from is null)
        {
            Assigned(caseType, to);
        }
        Pending(KindOf(from), -1);
        Pending(KindOf(to), +1);
    }

    /// <summary>A deadline warning issued: counted by escalation level as the simulator counts it; a lock counts as a lock.</summary>
    public void Warned(Docket.Domain.Deadlines.WarningLevel level)
    {
        if (level == Docket.Domain.Deadlines.WarningLevel.Locked)
        {
            metrics.Locks.Add(1, new KeyValuePair<string, object?>("court", court.Id));
        }
        else if (Docket.Domain.Deadlines.WarningLevels.CountedAs(level) is { } counted)
        {
            metrics.Warnings.Add(1, new("court", court.Id), new("level", Docket.Domain.Deadlines.WarningLevels.NameOf(counted)));
        }
    }

    public void Closed(string caseType, string? team)
    {
        metrics.CasesClosed.Add(1, new("court", court.Id), new("team_kind", KindOf(team)), new("case_type", caseType));
        Pending(KindOf(team), -1);
    }

    /// <summary>
    /// The court's KPI gauges from one <see cref="CourtIndicators.Compute"/>: long-pending, locked, overdue and
    /// waiting cases, the waiting cases' oldest and mean age, and the caseload Gini (all over the cases open now,
    /// whatever the window), and the balance index when <paramref name="wholeLedger"/> (a windowed index would make
    /// the gauge jump between callers' windows).
    /// </summary>
    public void Kpis(CourtKpis kpis, bool wholeLedger)
    {
        var tag = new KeyValuePair<string, object?>("court", court.Id);
        metrics.CasesLongPending.Record(kpis.LongPending.Over365, tag);
        metrics.CasesLocked.Record(kpis.Locks.LockedNow, tag);
        metrics.CasesOverdue.Record(kpis.Locks.Overdue, tag);
        metrics.CasesWaiting.Record(kpis.Waiting, tag);
        metrics.WaitingAge.Record(kpis.WaitingAgeDays.Max, tag, new("stat", "max"));
        metrics.WaitingAge.Record(kpis.WaitingAgeDays.Mean, tag, new("stat", "mean"));
        metrics.CaseloadGini.Record(kpis.Balance.CaseloadGini, tag);
        if (wholeLedger)
        {
            metrics.BalanceIndex.Record(kpis.Balance.Index, tag);
        }
    }

    /// <summary>
    /// The gauges taken from the KPIs' pass rather than its KPIs, recorded with them: each team's pending work
    /// (<see cref="CourtIndicatorPass.PendingWork"/>), then quota attainment by team kind, as the simulator defines it
    /// (<c>CourtMetricsReporter</c>, both by the domain's <see cref="Domain.Staffing.QuotaAttainment"/>): the closures of the
    /// kind's teams with a quota since the ledger began, each counted in its team's quota unit (a case, or its type's
    /// weight, and in workload units the meeting seats) ÷ (the
    /// kind's annual quota × years since then), the closures taken from the teams' tallies as of the entry the KPIs'
    /// pass began at (<see cref="CourtIndicatorPass.QuotaUnits"/>). Kinds without a quota are not recorded. Both are
    /// the pass's, not the court's state when the pass ends: the court may hold entries by then that are not yet durable.
    /// </summary>
    public void QuotaAttainment(DateTimeOffset? startedAt, IReadOnlyList<double> pendingWork, IReadOnlyDictionary<TeamKind, double> units, DateTimeOffset now)
    {
        TeamPendingWork(pendingWork);
        var years = Domain.Staffing.QuotaAttainment.YearsSince(startedAt, now);
        if (years <= 0)
        {
            return;
        }
        foreach (var (kind, attainment) in Domain.Staffing.QuotaAttainment.ByKind(court.Layout.Teams.Select(t => (t.Kind, t.Quota)), k => units.GetValueOrDefault(k), years))
        {
            metrics.QuotaAttainment.Record(attainment, new("court", court.Id), new("team_kind", CourtStatisticsCollector.TeamKindName(kind)));
        }
    }

    /// <summary>Each team's open cases' workload weights summed (the caseload's <c>pending_work</c>), by team id, from the figures by team index.</summary>
    public void TeamPendingWork(IReadOnlyList<double> pendingWork)
    {
        var teams = court.Layout.Teams;
        for (var t = 0; t < teams.Count; t++)
        {
            metrics.TeamPendingWork.Record(pendingWork[t], new("court", court.Id), new("team", teams[t].Id));
        }
    }

    public void Unlocked() => metrics.Unlocks.Add(1, new KeyValuePair<string, object?>("court", court.Id));

    private void Assigned(string caseType, string team) =>
        metrics.CasesAssigned.Add(1, new("court", court.Id), new("team_kind", KindOf(team)), new("case_type", caseType));

    private void Pending(string kind, long delta)
    {
        _pending[kind] = _pending.GetValueOrDefault(kind) + delta;
        metrics.CasesPending.Add(delta, new("court", court.Id), new("team_kind", kind));
    }
}
