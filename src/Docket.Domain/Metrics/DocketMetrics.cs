using System.Diagnostics.Metrics;

namespace Docket.Domain.Metrics;

/// <summary>
/// Docket's instruments, on the meter <see cref="MeterName"/>: the same for the live service and for simulation
/// runs, so one dashboard shows either. Labels are low-cardinality and come from configuration (court, team kind,
/// case type, policy, escalation level), never from request bodies or case ids. Exported to Prometheus with
/// OpenTelemetry's naming: <c>docket.cases.filed</c> becomes <c>docket_cases_filed_total</c>, a histogram in
/// seconds <c>…_seconds</c>, a ratio <c>…_ratio</c>.
/// </summary>
public sealed class DocketMetrics : IDisposable
{
    public const string MeterName = "Docket";

    // The instruments whose labels reach beyond a court's handful (MetricSeries sizes them by name).
    public const string CasesFiledName = "docket.cases.filed";
    public const string CasesAssignedName = "docket.cases.assigned";
    public const string CasesClosedName = "docket.cases.closed";
    public const string CasesPendingName = "docket.cases.pending";
    public const string TeamPendingWorkName = "docket.team.pending_work";
    public const string QuotaAttainmentName = "docket.quota.attainment";

    /// <summary>The <c>team_kind</c> of <see cref="CasesPending"/> for filed cases no team holds yet (waiting in a queue).</summary>
    public const string UnassignedTeamKind = "none";

    private readonly Meter _meter;

    public DocketMetrics(IMeterFactory? factory = null)
    {
        _meter = factory?.Create(MeterName) ?? new Meter(MeterName);
        CasesFiled = _meter.CreateCounter<long>(CasesFiledName, "{case}", "Cases filed, by court and case type");
        CasesAssigned = _meter.CreateCounter<long>(CasesAssignedName, "{case}", "Cases assigned to a team, by court, team kind and case type");
        CasesClosed = _meter.CreateCounter<long>(CasesClosedName, "{case}", "Cases closed, by court, team kind and case type");
        CasesPending = _meter.CreateUpDownCounter<long>(CasesPendingName, "{case}", $"Cases filed and not closed, by court and team kind (unassigned: team_kind {UnassignedTeamKind})");
        CasesLongPending = _meter.CreateGauge<long>("docket.cases.long_pending", "{case}", "Cases pending over a year, by court");
        CasesLocked = _meter.CreateGauge<long>("docket.cases.locked", "{case}", "Cases locked now at an overdue important node, by court (the live service's stand-in for docket.locks)");
        CasesOverdue = _meter.CreateGauge<long>("docket.cases.overdue", "{case}", "Cases with a process node past due now, by court");
        CasesWaiting = _meter.CreateGauge<long>("docket.cases.waiting", "{case}", "Cases waiting for a team now, by court");
        WaitingAge = _meter.CreateGauge<double>("docket.cases.waiting.age", "d", "Age in days of the cases waiting for a team now, by court and stat (max: the oldest, mean); 0 when none waits");
        CaseloadGini = _meter.CreateGauge<double>("docket.caseload.gini", "1", "Gini coefficient of the open work of the court's teams with judges (0 = even), by court");
        TeamPendingWork = _meter.CreateGauge<double>(TeamPendingWorkName, "1", "A team's open cases' workload weights summed, by court and team");
        Locks = _meter.CreateCounter<long>("docket.locks", "{lock}", "Cases locked at an overdue important node, by court");
        Unlocks = _meter.CreateCounter<long>("docket.unlocks", "{lock}", "Locks lifted by a division head or president, by court");
        Warnings = _meter.CreateCounter<long>("docket.deadline.warnings", "{warning}", "Deadline warnings and escalations, by court and level (judge, division_head, president, discipline)");
        AssignmentDuration = _meter.CreateHistogram<double>("docket.assignment.duration", "s", "Time to decide an assignment, by court and policy",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.00001, 0.00005, 0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1] });
        LedgerAppendDuration = _meter.CreateHistogram<double>("docket.ledger.append.duration", "s", "Time for a court's ledger append to become durable, by store (sqlite, postgres, memory)",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.00001, 0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });
        QuotaAttainment = _meter.CreateGauge<double>(QuotaAttainmentName, "1", "Closures in the quota's unit (cases or workload units) ÷ prorated quota, by court and team kind");
        BalanceIndex = _meter.CreateGauge<double>("docket.balance.index", "1", "Anhui's composite balance index (0-100), by court");
        SimulatedDay = _meter.CreateGauge<double>("docket.simulation.day", "d", "The simulated day reached, by scenario");
        SimulatedCases = _meter.CreateCounter<long>("docket.simulation.cases", "{case}", "Case records simulated, by scenario");
    }

    public Counter<long> CasesFiled { get; }
    public Counter<long> CasesAssigned { get; }
    public Counter<long> CasesClosed { get; }
    public UpDownCounter<long> CasesPending { get; }
    public Gauge<long> CasesLongPending { get; }
    public Gauge<long> CasesLocked { get; }
    public Gauge<long> CasesOverdue { get; }
    public Gauge<long> CasesWaiting { get; }
    public Gauge<double> WaitingAge { get; }
    public Gauge<double> CaseloadGini { get; }
    public Gauge<double> TeamPendingWork { get; }
    public Counter<long> Locks { get; }
    public Counter<long> Unlocks { get; }
    public Counter<long> Warnings { get; }
    public Histogram<double> AssignmentDuration { get; }
    public Histogram<double> LedgerAppendDuration { get; }
    public Gauge<double> QuotaAttainment { get; }
    public Gauge<double> BalanceIndex { get; }
    public Gauge<double> SimulatedDay { get; }
    public Counter<long> SimulatedCases { get; }

    public void Dispose() => _meter.Dispose();
}
