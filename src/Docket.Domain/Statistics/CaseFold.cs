using Docket.Domain.Balance;
using Docket.Domain.Cases;
using Docket.Domain.Simulation;
using Docket.Domain.Supervision;

namespace Docket.Domain.Statistics;

/// <summary>
/// A court's case figures as its cases are done: each case's record is added once, when it is archived (or settled in
/// mediation) and no queue names it any more, so a run need not keep closed cases to report on them
/// (<see cref="CourtSimulation.ReusesClosedSlots"/>). At the end, or whenever asked, a copy takes the cases still open
/// as they stand (<see cref="With"/>) and <see cref="CourtStatisticsCollector"/> completes the figures from it. The
/// definitions are summary.json's (docs/summary.md); the order cases are added in is the order they were done.
/// </summary>
internal sealed class CaseFold
{
    private readonly CourtLayout _layout;
    private readonly double _w0;
    private readonly double _w1;
    private readonly Calendar.CalendarMonths _months;
    private readonly int[] _kindSlot;
    private readonly Cases.CaseType[] _types;
    private readonly double[] _typeWeight;
    private readonly int _unassigned;
    private Counts _counts;
    private long[] _filedByMonth;
    private long[] _closedByMonth;
    private long[] _pendingDiff;
    private long[,] _kindDiff;
    private long[] _typeFiled;
    private long[] _typeClosed;
    private double[] _typeDays;
    private long[] _teamAssigned;
    private long[] _teamClosed;
    private long[] _teamPending;
    private double[] _teamUnits;
    private BalanceInputs[] _teamBalance;
    private double[] _judgeClosures;
    private BalanceInputs _courtBalance;
    private List<double> _timeToDisposition;
    private List<double> _pendingAges;
    private Reports.ReportFold _reports;

    public CaseFold(CourtLayout layout)
    {
        _layout = layout;
        var scenario = layout.Scenario;
        (_w0, _w1) = (scenario.WarmupDays, scenario.Days);
        _months = scenario.Calendar.Months(_w0, _w1);
        _types = [.. scenario.CaseTypes];
        _typeWeight = [.. layout.TypeWeight];
        var months = _months.Count;
        Kinds = [.. layout.Teams.Select(t => t.Kind).Distinct().Order()];
        _kindSlot = [.. layout.Teams.Select(t => Array.IndexOf(Kinds, t.Kind))];
        _unassigned = Kinds.Length;
        _filedByMonth = new long[months];
        _closedByMonth = new long[months];
        _pendingDiff = new long[months + 2];
        _kindDiff = new long[Kinds.Length + 1, months + 2];
        var types = scenario.CaseTypes.Count;
        _typeFiled = new long[types];
        _typeClosed = new long[types];
        _typeDays = new double[types];
        var teams = layout.Teams.Count;
        _teamAssigned = new long[teams];
        _teamClosed = new long[teams];
        _teamPending = new long[teams];
        _teamUnits = new double[teams];
        _teamBalance = [.. layout.Teams.Select(_ => new BalanceInputs())];
        JudgeOffset = new int[teams + 1];
        for (var t = 0; t < teams; t++)
        {
            JudgeOffset[t + 1] = JudgeOffset[t] + layout.JudgesPerTeam[t];
        }
        _judgeClosures = new double[JudgeOffset[^1]];
        _courtBalance = new BalanceInputs();
        _timeToDisposition = [];
        _pendingAges = [];
        _reports = new Reports.ReportFold(layout);
    }

    /// <summary>The team kinds of the court, in order: the columns of the month's pending by kind.</summary>
    public Staffing.TeamKind[] Kinds { get; }

    /// <summary>Where each team's judges start in the court's list of judges.</summary>
    public int[] JudgeOffset { get; }

    public ref readonly Counts Totals => ref _counts;

    public IReadOnlyList<long> FiledByMonth => _filedByMonth;

    public IReadOnlyList<long> ClosedByMonth => _closedByMonth;

    public IReadOnlyList<long> TeamAssigned => _teamAssigned;

    public IReadOnlyList<long> TeamClosed => _teamClosed;

    public IReadOnlyList<long> TeamPending => _teamPending;

    public IReadOnlyList<double> TeamUnits => _teamUnits;

    public IReadOnlyList<BalanceInputs> TeamBalance => _teamBalance;

    public double[] JudgeClosures => _judgeClosures;

    public BalanceInputs CourtBalance => _courtBalance;

    public List<double> TimeToDisposition => _timeToDisposition;

    public List<double> PendingAges => _pendingAges;

    public Reports.ReportFold Reports => _reports;

    public TypeStatistics[] Types() => [.. _layout.Scenario.CaseTypes.Select((t, i) => new TypeStatistics
    {
        Type = t.Id,
        Filed = _typeFiled[i],
        Closed = _typeClosed[i],
        DispositionDaysSum = _typeDays[i],
    })];

    /// <summary>Pending at each month boundary (the start of month k; the last, the window's end), from the cases' spans.</summary>
    public long[] PendingAt()
    {
        var pendingAt = new long[_months.Count + 1];
        var running = 0L;
        for (var k = 0; k <= _months.Count; k++)
        {
            running += _pendingDiff[k];
            pendingAt[k] = running;
        }
        return pendingAt;
    }

    /// <summary>Pending at each month boundary by the kind of the team holding the case, the last row for cases no team holds.</summary>
    public long[,] PendingByKindAt()
    {
        var kindAt = new long[Kinds.Length + 1, _months.Count + 1];
        for (var k = 0; k <= Kinds.Length; k++)
        {
            var held = 0L;
            for (var m = 0; m <= _months.Count; m++)
            {
                held += _kindDiff[k, m];
                kindAt[k, m] = held;
            }
        }
        return kindAt;
    }

    /// <summary>A copy that can take more cases without changing this one: the figures as they would stand.</summary>
    public CaseFold With()
    {
        var copy = (CaseFold)MemberwiseClone();
        copy._filedByMonth = (long[])_filedByMonth.Clone();
        copy._closedByMonth = (long[])_closedByMonth.Clone();
        copy._pendingDiff = (long[])_pendingDiff.Clone();
        copy._kindDiff = (long[,])_kindDiff.Clone();
        copy._typeFiled = (long[])_typeFiled.Clone();
        copy._typeClosed = (long[])_typeClosed.Clone();
        copy._typeDays = (double[])_typeDays.Clone();
        copy._teamAssigned = (long[])_teamAssigned.Clone();
        copy._teamClosed = (long[])_teamClosed.Clone();
        copy._teamPending = (long[])_teamPending.Clone();
        copy._teamUnits = (double[])_teamUnits.Clone();
        copy._teamBalance = [.. _teamBalance.Select(Copy)];
        copy._judgeClosures = (double[])_judgeClosures.Clone();
        copy._courtBalance = Copy(_courtBalance);
        copy._timeToDisposition = [.. _timeToDisposition];
        copy._pendingAges = [.. _pendingAges];
        copy._reports = _reports.With();
        return copy;
    }

    private static BalanceInputs Copy(BalanceInputs balance)
    {
        var copy = new BalanceInputs();
        copy.Add(balance);
        return copy;
    }

    /// <summary>Adds one case as it stands (done, or open at the end): its share of every figure.</summary>
    public void Add(in CaseRecord c)
    {
        _reports.Add(in c);
        var scenario = _layout.Scenario;
        double w0 = _w0, w1 = _w1;
        ref var n = ref _counts;
        if (c.Received >= w0 && c.Received < w1)
        {
            n.ReceivedInWindow++;
        }
        if ((c.Flags & CaseFlags.Mediation) != 0)
        {
            var mediationEnd = c.Status switch
            {
                CaseStatus.InMediation => double.PositiveInfinity,
                CaseStatus.Mediated => c.Closed,
                _ => c.Filed,
            };
            if (c.Received < w0 && mediationEnd >= w0)
            {
                n.InMediationStart++;
            }
            if (c.Status == CaseStatus.InMediation)
            {
                n.InMediationEnd++;
            }
            if (c.Status == CaseStatus.Mediated)
            {
                if (c.Closed >= w0)
                {
                    n.Mediated++;
                    _courtBalance.Mediated++;
                }
                return;
            }
        }
        if (double.IsNaN(c.Filed))
        {
            return;
        }
        if (c.Filed >= w0)
        {
            // Counted for the cases filed in the window, whenever the flag, designation or escalation came.
            n.Flagged += (c.Flags & CaseFlags.Flagged) != 0 ? 1 : 0;
            n.Designated += (c.Flags & CaseFlags.Designated) != 0 ? 1 : 0;
            n.Escalated += (c.Flags & CaseFlags.Escalated) != 0 ? 1 : 0;
            n.RiskOrdinary += c.Risk == RiskLevel.Ordinary ? 1 : 0;
            n.RiskLarger += c.Risk == RiskLevel.Larger ? 1 : 0;
            n.RiskMajor += c.Risk == RiskLevel.Major ? 1 : 0;
            _courtBalance.File(c.Extensions);
            if (c.Team >= 0)
            {
                _teamBalance[c.Team].File(c.Extensions);
            }
        }
        var closed = c.Status == CaseStatus.Closed;
        // The month boundaries after filing and closure, each searched once.
        var first = _months.FirstBoundaryAfter(c.Filed);
        var afterClosure = closed ? _months.FirstBoundaryAfter(c.Closed) : 0;
        if (c.Filed >= w0)
        {
            n.Filed++;
            _filedByMonth[_months.MonthBefore(first)]++;
            _typeFiled[c.Type]++;
        }
        else if (!(closed && c.Closed < w0))
        {
            n.PendingStart++;
        }
        if (c.Team >= 0 && c.Assigned >= w0)
        {
            _teamAssigned[c.Team]++;
        }
        if (closed && c.Closed >= w0)
        {
            var days = c.Closed - c.Filed;
            n.Closed++;
            _timeToDisposition.Add(days);
            _closedByMonth[_months.MonthBefore(afterClosure)]++;
            _typeClosed[c.Type]++;
            _typeDays[c.Type] += days;
            _teamClosed[c.Team]++;
            _teamUnits[c.Team] += _typeWeight[c.Type];
            _judgeClosures[JudgeOffset[c.Team] + c.Judge]++;
            if (c.Closed > c.Limit)
            {
                n.ClosedAfterLimit++;
            }
            var type = _types[c.Type];
            _courtBalance.Close(type, days, c.SuspendedDays);
            _teamBalance[c.Team].Close(type, days, c.SuspendedDays);
        }
        if (closed && c.Archived >= w0)
        {
            _courtBalance.Archive(c.Archived - c.Closed);
            _teamBalance[c.Team].Archive(c.Archived - c.Closed);
        }
        if ((c.Flags & CaseFlags.ReviewHeld) != 0 && double.IsNaN(c.Archived))
        {
            n.ReviewWaiting++;
        }
        var until = closed ? c.Closed : w1;
        if (until > w0)
        {
            n.PendingCaseDays += until - Math.Max(c.Filed, w0);
        }
        if (!closed)
        {
            n.PendingEnd++;
            _pendingAges.Add(w1 - c.Filed);
            _courtBalance.Pending(w1 - c.Filed, scenario.Balance.LongPendingDays);
            if (c.Team >= 0)
            {
                _teamBalance[c.Team].Pending(w1 - c.Filed, scenario.Balance.LongPendingDays);
                _teamPending[c.Team]++;
            }
            else
            {
                n.WaitingEnd++;
            }
        }
        var months = _months.Count;
        // Pending at month boundary k (the start of month k, the last one w1) for k in [first, last].
        var last = !closed ? months : Math.Min(months, afterClosure - 1);
        if (first <= last && first <= months)
        {
            _pendingDiff[first]++;
            _pendingDiff[last + 1]--;
            // Split at assignment: waiting for a team up to it, held by the team's kind after it.
            var lastWaiting = !(c.Assigned >= w0) ? (double.IsNaN(c.Assigned) ? last : -1)
                : Math.Min(last, _months.FirstBoundaryAfter(c.Assigned) - 1);
            if (first <= lastWaiting)
            {
                _kindDiff[_unassigned, first]++;
                _kindDiff[_unassigned, lastWaiting + 1]--;
            }
            var firstHeld = Math.Max(first, lastWaiting + 1);
            if (c.Team >= 0 && firstHeld <= last)
            {
                _kindDiff[_kindSlot[c.Team], firstHeld]++;
                _kindDiff[_kindSlot[c.Team], last + 1]--;
            }
        }
    }

    /// <summary>The court's counts over the cases added.</summary>
    public struct Counts
    {
        public long ReceivedInWindow;
        public long InMediationStart;
        public long InMediationEnd;
        public long Mediated;
        public long Flagged;
        public long Designated;
        public long Escalated;
        public long RiskOrdinary;
        public long RiskLarger;
        public long RiskMajor;
        public long Filed;
        public long PendingStart;
        public long Closed;
        public long ClosedAfterLimit;
        public long PendingEnd;
        public long WaitingEnd;
        public long ReviewWaiting;
        public double PendingCaseDays;
    }
}
