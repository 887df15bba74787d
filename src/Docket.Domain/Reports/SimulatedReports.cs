using Docket.Domain.Simulation;

namespace Docket.Domain.Reports;

/// <summary>
/// The simulator's published lists: every report the court would have produced in the window — a daily check at each
/// whole day's end, the past-limit list at each whole ISO week's end, the monthly counts for each whole month, the
/// rankings for each whole quarter and year — computed by <see cref="CheckRules"/> and <see cref="PublishedLists"/>
/// from the cases' records as the run ended (the facts the live service reads from its ledger).
/// </summary>
public static class SimulatedReports
{
    /// <summary>Team residuals this far from 0 mark a team-month departing from its expected draws.</summary>
    public const double DepartingResidual = 3;

    public static ReportStatistics Collect(CourtSimulation simulation)
    {
        var layout = simulation.Layout;
        var scenario = layout.Scenario;
        var calendar = scenario.Calendar;
        double w0 = scenario.WarmupDays, w1 = scenario.Days;
        var nodes = scenario.CaseTypes.Select(CheckNodes.Of).ToArray();
        var warnDays = layout.Spec.Supervision.LimitWarnDays;
        var cases = Checked(simulation);
        var months = Periods(calendar, ReportCadence.Month, w0, w1);
        var monthStarts = months.Select(m => m.Days(calendar).From).ToArray();
        var monthEnds = months.Select(m => m.Days(calendar).To).ToArray();
        // Each month's assignments, gathered in one pass over the records (in case order, as the month's list reads them).
        var assignments = months.Select(_ => new List<JudgeAssignment>()).ToArray();
        foreach (ref readonly var c in simulation.Cases)
        {
            if (c.Team >= 0 && c.Assigned >= w0 && c.Assigned < w1)
            {
                var m = Array.BinarySearch(monthStarts, c.Assigned);
                m = m >= 0 ? m : ~m - 1;
                if (m >= 0 && c.Assigned < monthEnds[m])
                {
                    assignments[m].Add(new JudgeAssignment(c.Team, c.Judge, (c.Flags & CaseFlags.Drawn) != 0));
                }
            }
        }
        var days = (int)Math.Max(0, Math.Floor(w1) - Math.Ceiling(w0));
        var first = Math.Ceiling(w0);
        var counts = DayEndCounts([CaseCheck.NotServed, CaseCheck.NoHearing, CaseCheck.NearLimit, CaseCheck.PastLimit], cases, nodes, warnDays, first, days);
        var stats = new ReportStatistics
        {
            NotServed = counts[0],
            NoHearing = counts[1],
            NearLimit = counts[2],
            ServiceTypes = nodes.Count(n => n.Service >= 0),
            HearingTypes = nodes.Count(n => n.Hearing >= 0),
            LimitTypes = scenario.CaseTypes.Count(t => t.TimeLimitDays is not null),
            Judges = layout.JudgesPerTeam.Sum(),
        };

        var pastLimit = counts[3];
        var weeks = Periods(calendar, ReportCadence.Week, w0, w1);
        stats.PastLimit = [.. weeks.Select(w => pastLimit[(int)(w.Days(calendar).To - first) - 1])];
        stats.LastWeek = weeks.LastOrDefault()?.Key;

        stats.Months = months.Count;
        stats.LastMonth = months.LastOrDefault()?.Key;
        var draws = simulation.Draws.Periods().ToDictionary(p => p.Period, StringComparer.Ordinal);
        for (var m = 0; m < months.Count; m++)
        {
            var month = months[m];
            var assigned = assignments[m];
            var rows = PublishedLists.JudgeCounts(layout, assigned, draws.GetValueOrDefault(month.Key));
            stats.LastJudgeCounts = rows;
            foreach (var row in rows)
            {
                stats.Assigned += row.Assigned;
                stats.Drawn += row.Drawn;
                stats.MaxAbsDeviation = Math.Max(stats.MaxAbsDeviation, Math.Abs(row.Deviation));
                stats.MaxAbsResidual = Math.Max(stats.MaxAbsResidual, Math.Abs(row.TeamResidual));
            }
            stats.Departing += draws.GetValueOrDefault(month.Key)?.Teams.Count(t => Math.Abs(t.Residual) >= DepartingResidual) ?? 0;
        }
        if (months.Count > 0)
        {
            var (from, to) = months[^1].Days(calendar);
            stats.LastCaseload = PublishedLists.Caseload(layout, cases, from, to);
        }
        stats.Quarterly = Ranked(layout, cases, Periods(calendar, ReportCadence.Quarter, w0, w1));
        stats.Yearly = Ranked(layout, cases, Periods(calendar, ReportCadence.Year, w0, w1));
        return stats;
    }

    /// <summary>The periods of the cadence wholly inside [from, to) (days of the calendar): the reports produced in the window.</summary>
    public static IReadOnlyList<ReportPeriod> Periods(Calendar.WorkCalendar calendar, ReportCadence cadence, double from, double to)
    {
        var periods = new List<ReportPeriod>();
        var start = calendar.DateOf((long)Math.Ceiling(from));
        var end = calendar.DateOf((long)Math.Floor(to));
        var p = ReportPeriod.Of(cadence, start);
        if (p.First < start)
        {
            p = ReportPeriod.Of(cadence, p.End);
        }
        for (; p.End <= end; p = ReportPeriod.Of(cadence, p.End))
        {
            periods.Add(p);
        }
        return periods;
    }

    /// <summary>
    /// The facts of each filed case, read from the records as they are asked for (not a second copy of every case: on a
    /// province's year that copy was some 190 MB).
    /// </summary>
    private static IEnumerable<CheckedCase> Checked(CourtSimulation simulation)
    {
        for (var i = 0; i < simulation.CaseCount; i++)
        {
            var c = Read(simulation, i);
            if (c.Number > 0)
            {
                yield return c;
            }
        }
    }

    private static CheckedCase Read(CourtSimulation simulation, int i)
    {
        ref readonly var c = ref simulation.Case(i);
        return new CheckedCase(c.Number, c.Type, c.Team, c.Judge, c.Filed, c.Closed, c.Served, c.Heard, c.Limit);
    }

    /// <summary>
    /// The count of cases on each check's list at the end of each of <paramref name="days"/> days from day
    /// <paramref name="first"/>: one sweep over the cases' spans for all the checks.
    /// </summary>
    private static long[][] DayEndCounts(CaseCheck[] checks, IEnumerable<CheckedCase> cases, CheckNodes[] nodes, double warnDays, double first, int days)
    {
        var diffs = checks.Select(_ => new long[days + 1]).ToArray();
        foreach (var c in cases)
        {
            for (var k = 0; k < checks.Length; k++)
            {
                var (a, b) = CheckRules.Span(checks[k], c, nodes[c.Type], warnDays);
                // On the list at day k's end (first + k + 1) when a <= first + k + 1 < b.
                var lo = Math.Max(0, Math.Ceiling(a - first - 1));
                var hi = Math.Min(days - 1, Math.Ceiling(b - first - 1) - 1);
                if (lo <= hi)
                {
                    diffs[k][(int)lo]++;
                    diffs[k][(int)hi + 1]--;
                }
            }
        }
        return [.. diffs.Select(diff =>
        {
            var counts = new long[days];
            long running = 0;
            for (var d = 0; d < days; d++)
            {
                running += diff[d];
                counts[d] = running;
            }
            return counts;
        })];
    }

    private static RankingStatistics Ranked(CourtLayout layout, IEnumerable<CheckedCase> cases, IReadOnlyList<ReportPeriod> periods)
    {
        if (periods.Count == 0)
        {
            return new RankingStatistics();
        }
        var (from, to) = periods[^1].Days(layout.Scenario.Calendar);
        var ranking = PublishedLists.Rankings(layout, cases, from, to);
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
