using Docket.Domain.Simulation;

namespace Docket.Domain.Reports;

/// <summary>
/// The simulator's published lists: every report the court would have produced in the window — a daily check at each
/// whole day's end, the past-limit list at each whole ISO week's end, the monthly counts for each whole month, the
/// rankings for each whole quarter and year — counted by <see cref="CheckRules"/> and <see cref="PublishedLists"/>'s
/// tallies one case at a time, as each case is done (<see cref="Statistics.CaseFold"/>), the open ones at the end: the
/// facts the live service reads from its ledger.
/// </summary>
public sealed class ReportFold
{
    private static readonly CaseCheck[] s_dayChecks = [CaseCheck.NotServed, CaseCheck.NoHearing, CaseCheck.NearLimit, CaseCheck.PastLimit];

    private readonly CourtLayout _layout;
    private readonly CheckNodes[] _nodes;
    private readonly double _warnDays;
    private readonly double _w0;
    private readonly double _w1;
    private readonly double _first;
    private readonly int _days;
    private readonly IReadOnlyList<ReportPeriod> _months;
    private readonly double[] _monthStarts;
    private readonly double[] _monthEnds;
    private readonly IReadOnlyList<ReportPeriod> _weeks;
    private readonly IReadOnlyList<ReportPeriod> _quarters;
    private readonly IReadOnlyList<ReportPeriod> _years;
    private JudgeTally[] _judges;
    private long[][] _dayDiffs;
    private CaseloadTally? _lastCaseload;
    private RankingTally? _lastQuarter;
    private RankingTally? _lastYear;

    public ReportFold(CourtLayout layout)
    {
        _layout = layout;
        var scenario = layout.Scenario;
        var calendar = scenario.Calendar;
        (_w0, _w1) = (scenario.WarmupDays, scenario.Days);
        _nodes = [.. scenario.CaseTypes.Select(CheckNodes.Of)];
        _warnDays = layout.Spec.Supervision.LimitWarnDays;
        _months = SimulatedReports.Periods(calendar, ReportCadence.Month, _w0, _w1);
        _monthStarts = [.. _months.Select(m => m.Days(calendar).From)];
        _monthEnds = [.. _months.Select(m => m.Days(calendar).To)];
        _weeks = SimulatedReports.Periods(calendar, ReportCadence.Week, _w0, _w1);
        _quarters = SimulatedReports.Periods(calendar, ReportCadence.Quarter, _w0, _w1);
        _years = SimulatedReports.Periods(calendar, ReportCadence.Year, _w0, _w1);
        _judges = [.. _months.Select(_ => new JudgeTally(layout))];
        _days = (int)Math.Max(0, Math.Floor(_w1) - Math.Ceiling(_w0));
        _first = Math.Ceiling(_w0);
        _dayDiffs = [.. s_dayChecks.Select(_ => new long[_days + 1])];
        if (_months.Count > 0)
        {
            var (from, to) = _months[^1].Days(calendar);
            _lastCaseload = new CaseloadTally(layout, from, to);
        }
        _lastQuarter = LastOf(_quarters);
        _lastYear = LastOf(_years);
    }

    private RankingTally? LastOf(IReadOnlyList<ReportPeriod> periods)
    {
        if (periods.Count == 0)
        {
            return null;
        }
        var (from, to) = periods[^1].Days(_layout.Scenario.Calendar);
        return new RankingTally(_layout, from, to);
    }

    public ReportFold With()
    {
        var copy = (ReportFold)MemberwiseClone();
        copy._judges = [.. _judges.Select(j => j.With())];
        copy._dayDiffs = [.. _dayDiffs.Select(d => (long[])d.Clone())];
        copy._lastCaseload = _lastCaseload?.With();
        copy._lastQuarter = _lastQuarter?.With();
        copy._lastYear = _lastYear?.With();
        return copy;
    }

    public void Add(in CaseRecord c)
    {
        if (c.Team >= 0 && c.Assigned >= _w0 && c.Assigned < _w1)
        {
            var m = Array.BinarySearch(_monthStarts, c.Assigned);
            m = m >= 0 ? m : ~m - 1;
            if (m >= 0 && c.Assigned < _monthEnds[m])
            {
                _judges[m].Add(new JudgeAssignment(c.Team, c.Judge, (c.Flags & CaseFlags.Drawn) != 0));
            }
        }
        if (c.Number <= 0)
        {
            return;
        }
        var facts = new CheckedCase(c.Number, c.Type, c.Team, c.Judge, c.Filed, c.Closed, c.Served, c.Heard, c.Limit);
        var nodes = _nodes[c.Type];
        var checks = CheckRules.CanList(facts, nodes) ? s_dayChecks.Length : 0;
        for (var k = 0; k < checks; k++)
        {
            var (a, b) = CheckRules.Span(s_dayChecks[k], facts, nodes, _warnDays);
            // On the list at day k's end (first + k + 1) when a <= first + k + 1 < b.
            var lo = Math.Max(0, Math.Ceiling(a - _first - 1));
            var hi = Math.Min(_days - 1, Math.Ceiling(b - _first - 1) - 1);
            if (lo <= hi)
            {
                _dayDiffs[k][(int)lo]++;
                _dayDiffs[k][(int)hi + 1]--;
            }
        }
        _lastCaseload?.Add(facts);
        _lastQuarter?.Add(facts);
        _lastYear?.Add(facts);
    }

    /// <summary>The reports' figures over the cases added and the court's draws (<see cref="CourtSimulation.Draws"/>).</summary>
    public ReportStatistics Complete(CourtSimulation simulation)
    {
        var layout = _layout;
        var scenario = layout.Scenario;
        var calendar = scenario.Calendar;
        var counts = _dayDiffs.Select(diff =>
        {
            var byDay = new long[_days];
            long running = 0;
            for (var d = 0; d < _days; d++)
            {
                running += diff[d];
                byDay[d] = running;
            }
            return byDay;
        }).ToArray();
        var stats = new ReportStatistics
        {
            NotServed = counts[0],
            NoHearing = counts[1],
            NearLimit = counts[2],
            ServiceTypes = _nodes.Count(n => n.Service >= 0),
            HearingTypes = _nodes.Count(n => n.Hearing >= 0),
            LimitTypes = scenario.CaseTypes.Count(t => t.TimeLimitDays is not null),
            Judges = layout.JudgesPerTeam.Sum(),
        };

        var pastLimit = counts[3];
        stats.PastLimit = [.. _weeks.Select(w => pastLimit[(int)(w.Days(calendar).To - _first) - 1])];
        stats.LastWeek = _weeks.LastOrDefault()?.Key;

        stats.Months = _months.Count;
        stats.LastMonth = _months.LastOrDefault()?.Key;
        var draws = simulation.Draws.Periods().ToDictionary(p => p.Period, StringComparer.Ordinal);
        for (var m = 0; m < _months.Count; m++)
        {
            var expected = draws.GetValueOrDefault(_months[m].Key);
            var rows = _judges[m].Rows(expected);
            stats.LastJudgeCounts = rows;
            foreach (var row in rows)
            {
                stats.Assigned += row.Assigned;
                stats.Drawn += row.Drawn;
                stats.MaxAbsDeviation = Math.Max(stats.MaxAbsDeviation, Math.Abs(row.Deviation));
                stats.MaxAbsResidual = Math.Max(stats.MaxAbsResidual, Math.Abs(row.TeamResidual));
            }
            stats.Departing += expected?.Teams.Count(t => SimulatedReports.Departs(t.Residual)) ?? 0;
        }
        stats.LastCaseload = _lastCaseload?.Rows() ?? stats.LastCaseload;
        stats.Quarterly = Ranked(_quarters, _lastQuarter);
        stats.Yearly = Ranked(_years, _lastYear);
        return stats;
    }

    private static RankingStatistics Ranked(IReadOnlyList<ReportPeriod> periods, RankingTally? last)
    {
        if (last is null)
        {
            return new RankingStatistics();
        }
        var ranking = last.Rows();
        return new RankingStatistics
        {
            Produced = periods.Count,
            LastPeriod = periods[^1].Key,
            Teams = ranking.Length,
            TopUnits = ranking.Length == 0 ? 0 : ranking[0].WorkloadUnits,
            BottomUnits = ranking.Length == 0 ? 0 : ranking[^1].WorkloadUnits,
        };
    }
}
