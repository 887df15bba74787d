using Docket.Domain.Assignment;
using Docket.Domain.Audit;
using Docket.Domain.Simulation;

namespace Docket.Domain.Reports;

/// <summary>
/// A month's assignments per judge, counted one at a time (<see cref="PublishedLists.JudgeCounts"/>): the live service
/// counts its ledger's month, the simulator its cases as they are done.
/// </summary>
public sealed class JudgeTally
{
    private readonly CourtLayout _layout;
    private readonly int[] _offset;
    private long[] _assigned;
    private long[] _drawn;

    public JudgeTally(CourtLayout layout)
    {
        _layout = layout;
        _offset = new int[layout.Teams.Count + 1];
        for (var t = 0; t < layout.Teams.Count; t++)
        {
            _offset[t + 1] = _offset[t] + layout.JudgesPerTeam[t];
        }
        _assigned = new long[_offset[^1]];
        _drawn = new long[_offset[^1]];
    }

    public void Add(JudgeAssignment a)
    {
        var j = _offset[a.Team] + Math.Min(a.Judge, _layout.JudgesPerTeam[a.Team] - 1);
        _assigned[j]++;
        _drawn[j] += a.Drawn ? 1 : 0;
    }

    public JudgeTally With()
    {
        var copy = (JudgeTally)MemberwiseClone();
        copy._assigned = (long[])_assigned.Clone();
        copy._drawn = (long[])_drawn.Clone();
        return copy;
    }

    /// <summary>Every judge's row, in team order, beside <paramref name="expected"/>: the month's draws' expected counts per team (null when nothing was drawn).</summary>
    public JudgeCount[] Rows(PeriodCounts? expected)
    {
        var teams = (expected?.Teams ?? []).ToDictionary(t => t.Team, StringComparer.Ordinal);
        var rows = new JudgeCount[_offset[^1]];
        for (var t = 0; t < _layout.Teams.Count; t++)
        {
            var id = _layout.Teams[t].Id;
            var judges = _layout.JudgesPerTeam[t];
            var team = teams.GetValueOrDefault(id);
            var share = (team?.Expected ?? 0) / judges;
            for (var k = 0; k < judges; k++)
            {
                var j = _offset[t] + k;
                rows[j] = new JudgeCount(id, JudgeInCharge.Name(id, k), _assigned[j], _drawn[j], share, _drawn[j] - share, team?.Residual ?? 0);
            }
        }
        return rows;
    }
}

/// <summary>Each division's caseload over [from, to), counted one case at a time (<see cref="PublishedLists.Caseload"/>).</summary>
public sealed class CaseloadTally(CourtLayout layout, double from, double to)
{
    private long[,] _counts = new long[layout.Spec.Teams.Count + 1, 4];

    public void Add(in CheckedCase c)
    {
        var groups = layout.Spec.Teams.Count;
        var g = c.Team < 0 ? groups : layout.Teams[c.Team].Group;
        var closed = double.IsNaN(c.Closed) ? double.PositiveInfinity : c.Closed;
        _counts[g, 0] += c.Filed < from && closed >= from ? 1 : 0;
        _counts[g, 1] += c.Filed >= from && c.Filed < to ? 1 : 0;
        _counts[g, 2] += closed >= from && closed < to ? 1 : 0;
        _counts[g, 3] += c.Filed < to && closed >= to ? 1 : 0;
    }

    public CaseloadTally With()
    {
        var copy = (CaseloadTally)MemberwiseClone();
        copy._counts = (long[,])_counts.Clone();
        return copy;
    }

    /// <summary>Each division's pending at from, filed and closed in [from, to), pending at to; <c>unassigned</c> last.</summary>
    public DivisionCaseload[] Rows()
    {
        var groups = layout.Spec.Teams.Count;
        var rows = new List<DivisionCaseload>(groups + 1);
        for (var g = 0; g <= groups; g++)
        {
            rows.Add(new DivisionCaseload(g < groups ? layout.Spec.Teams[g].Id : PublishedLists.Unassigned, _counts[g, 0], _counts[g, 1], _counts[g, 2], _counts[g, 3]));
        }
        return [.. rows];
    }
}

/// <summary>The teams' closures over [from, to), counted one case at a time, for the ranking (<see cref="PublishedLists.Rankings"/>).</summary>
public sealed class RankingTally(CourtLayout layout, double from, double to)
{
    private long[] _closed = new long[layout.Teams.Count];
    private double[] _units = new double[layout.Teams.Count];
    private double[] _days = new double[layout.Teams.Count];

    public void Add(in CheckedCase c)
    {
        if (c.Team >= 0 && c.Closed >= from && c.Closed < to)
        {
            _closed[c.Team]++;
            _units[c.Team] += layout.Scenario.CaseTypes[c.Type].Weight;
            _days[c.Team] += c.Closed - c.Filed;
        }
    }

    public RankingTally With()
    {
        var copy = (RankingTally)MemberwiseClone();
        copy._closed = (long[])_closed.Clone();
        copy._units = (double[])_units.Clone();
        copy._days = (double[])_days.Clone();
        return copy;
    }

    /// <summary>The teams with judges ranked by the workload units they closed, then closures, then team order.</summary>
    public TeamRanking[] Rows() =>
        [.. Enumerable.Range(0, layout.Teams.Count).Where(t => layout.Teams[t].Judges > 0)
            .OrderByDescending(t => _units[t]).ThenByDescending(t => _closed[t]).ThenBy(t => t)
            .Select((t, i) => new TeamRanking(i + 1, layout.Teams[t].Id, layout.Spec.Teams[layout.Teams[t].Group].Id, _closed[t], _units[t],
                _closed[t] == 0 ? 0 : _days[t] / _closed[t]))];
}
