using Docket.Domain.Scenarios;
using Docket.Domain.Simulation;
using Docket.Domain.Statistics;
using Docket.Domain.Tests.Scenarios;

namespace Docket.Domain.Tests.Statistics;

/// <summary>
/// The series behind the report's charts: month-end pending by team kind, day histograms, locks and escalations per
/// month, the monthly baseline; each checked against the case records or the window's totals.
/// </summary>
public sealed class SummarySeriesTests
{
    // Two team kinds; the specialized teams pull under a cap of 2, so civil cases wait in the court's queue; an
    // important node locks late civil cases and the ladder escalates them; a baseline for each month of the year.
    private const string Court = """
        name: series
        seed: 5
        days: 485
        warmup_days: 61
        calendar: { days_per_week: 7, hours_per_day: 24 }
        case_types:
          - id: quick
            track: fast_track
            effort: { judge: { dist: exponential, mean_hours: 20 } }
          - id: civil
            track: specialized
            time_limit_days: 90
            nodes: [ { id: judged, stage: judge, within_days: 25, lock: true } ]
            effort: { judge: { dist: exponential, mean_hours: 150 } }
        intake:
          - { type: quick, per_year: 600 }
          - { type: civil, per_year: 260 }
        teams:
          - { id: fast, count: 2, members: { judge: 1 }, accepts: [quick] }
          - { id: civil, count: 5, members: { judge: 1 }, accepts: [civil], assignment: { policy: pull, cap: 2 } }
        assignment: { policy: random }
        balance:
          monthly_baseline: [0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09, 0.10, 0.11, 0.12]
        """;

    private static (Scenario Scenario, CourtSimulation Simulation, Summary Summary) Run(ulong? seed = null)
    {
        var scenario = ScenarioTestSupport.LoadValid(Court);
        var (spec, id) = scenario.ExpandCourts().Single();
        var simulation = new CourtSimulation(new CourtLayout(scenario, spec, id, prefixTeamIds: false), seed ?? scenario.Seed);
        simulation.RunToEnd();
        var summary = SummaryBuilder.Replication(scenario, scenario.Seed, [CourtStatisticsCollector.Collect(simulation)]);
        return (scenario, simulation, summary);
    }

    [Fact]
    public void Month_end_pending_by_team_kind_matches_the_case_records_with_waiting_cases_as_unassigned()
    {
        var (scenario, simulation, summary) = Run();
        var kindOfTeam = simulation.Layout.Teams.Select(t => CourtStatisticsCollector.TeamKindName(t.Kind)).ToArray();
        var unassignedSeen = false;
        foreach (var month in summary.Monthly)
        {
            var t = scenario.Calendar.Months(scenario.WarmupDays, scenario.Days).Start(month.Month);
            var expected = new Dictionary<string, double> { ["fast_track"] = 0, ["specialized"] = 0, ["unassigned"] = 0 };
            foreach (ref readonly var c in simulation.Cases)
            {
                var open = c.Filed < t && !(c.Status == CaseStatus.Closed && c.Closed < t);
                if (c.Status != CaseStatus.Mediated && open)
                {
                    expected[c.Assigned <= t ? kindOfTeam[c.Team] : "unassigned"]++;
                }
            }
            Assert.Equal(expected, month.PendingEndByKind);
            Assert.Equal(month.PendingEnd, month.PendingEndByKind.Values.Sum());
            unassignedSeen |= month.PendingEndByKind["unassigned"] > 0;
        }
        Assert.Equal(["fast_track", "specialized", "unassigned"], summary.Monthly[0].PendingEndByKind.Keys);
        Assert.True(unassignedSeen, "the capped pull never left a case waiting: the test court no longer tests the split");
    }

    [Fact]
    public void Day_histograms_hold_every_closed_and_every_pending_case_in_its_fixed_bin()
    {
        var (scenario, simulation, summary) = Run();
        Assert.Equal(DayBins.Edges, summary.TimeToDispositionHistogram.Select(b => b.FromDays));
        Assert.Null(summary.TimeToDispositionHistogram[^1].ToDays);
        Assert.Equal(summary.Cases.Closed, summary.TimeToDispositionHistogram.Sum(b => b.Cases));
        Assert.Equal(summary.Cases.PendingEnd, summary.PendingAgeHistogram.Sum(b => b.Cases));
        var closedIn30To60 = 0;
        var pendingUnder7 = 0;
        foreach (ref readonly var c in simulation.Cases)
        {
            if (c.Status == CaseStatus.Closed && c.Closed >= scenario.WarmupDays && c.Closed - c.Filed is >= 30 and < 60)
            {
                closedIn30To60++;
            }
            if (!double.IsNaN(c.Filed) && c.Status != CaseStatus.Closed && c.Status != CaseStatus.Mediated && scenario.Days - c.Filed < 7)
            {
                pendingUnder7++;
            }
        }
        Assert.Equal(closedIn30To60, summary.TimeToDispositionHistogram.Single(b => b.FromDays == 30).Cases);
        Assert.Equal(pendingUnder7, summary.PendingAgeHistogram[0].Cases);
        Assert.True(closedIn30To60 > 0 && pendingUnder7 > 0);
    }

    [Fact]
    public void Monthly_locks_and_escalations_add_up_to_the_windows_totals()
    {
        var (_, _, summary) = Run();
        var escalations = summary.Deadlines.EscalatedDivisionHead + summary.Deadlines.EscalatedPresident + summary.Deadlines.ReferredDiscipline;
        Assert.True(escalations > 0 && summary.Locks.First > 0, "the test court no longer escalates or locks");
        Assert.Equal(escalations, summary.Monthly.Sum(m => m.Escalations));
        // Every lock counts in its month; the window's first and second locks are among them.
        Assert.True(summary.Monthly.Sum(m => m.Locks) >= summary.Locks.First + summary.Locks.Second);
        Assert.Contains(summary.Monthly, m => m.Locks > 0);
    }

    [Fact]
    public void Each_month_carries_the_baseline_of_its_month_of_the_year_and_the_months_whose_closure_share_is_below_it_are_counted()
    {
        var (_, _, summary) = Run();
        // The window opens 61 days in: its first month is mostly March, the year's third month.
        Assert.Equal(0.03, summary.Monthly[0].ClosureRateBaseline);
        Assert.Equal(0.04, summary.Monthly[1].ClosureRateBaseline);
        Assert.Equal(0.12, summary.Monthly[9].ClosureRateBaseline);
        Assert.Equal(0.01, summary.Monthly[10].ClosureRateBaseline);
        Assert.Equal(summary.Balance.MonthsBelowBaseline, summary.Monthly.Count(m => m.ClosureShare < m.ClosureRateBaseline));
    }

    [Fact]
    public void Replications_average_the_new_series_month_by_month_and_bin_by_bin()
    {
        var (_, _, a) = Run(seed: 1);
        var (_, _, b) = Run(seed: 2);
        var mean = SummaryBuilder.Combine([a, b], new EngineFigures());
        for (var m = 0; m < mean.Monthly.Count; m++)
        {
            Assert.Equal((a.Monthly[m].Locks + b.Monthly[m].Locks) / 2, mean.Monthly[m].Locks, 9);
            Assert.Equal((a.Monthly[m].Escalations + b.Monthly[m].Escalations) / 2, mean.Monthly[m].Escalations, 9);
            foreach (var kind in a.Monthly[m].PendingEndByKind.Keys)
            {
                Assert.Equal((a.Monthly[m].PendingEndByKind[kind] + b.Monthly[m].PendingEndByKind[kind]) / 2, mean.Monthly[m].PendingEndByKind[kind], 9);
            }
        }
        for (var i = 0; i < DayBins.Edges.Count; i++)
        {
            Assert.Equal((a.TimeToDispositionHistogram[i].Cases + b.TimeToDispositionHistogram[i].Cases) / 2, mean.TimeToDispositionHistogram[i].Cases, 9);
            Assert.Equal((a.PendingAgeHistogram[i].Cases + b.PendingAgeHistogram[i].Cases) / 2, mean.PendingAgeHistogram[i].Cases, 9);
        }
        Assert.Equal(a.TimeToDispositionHistogram[^1].ToDays, mean.TimeToDispositionHistogram[^1].ToDays);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(6.99, 0)]
    [InlineData(7, 1)]
    [InlineData(364.5, 8)]
    [InlineData(365, 9)]
    [InlineData(5000, 12)]
    public void A_day_count_falls_in_the_bin_whose_lower_edge_it_reaches(double days, int bin) =>
        Assert.Equal(bin, DayBins.IndexOf(days));

    [Fact]
    public void A_histogram_counts_each_day_in_its_own_bin_whether_the_days_come_sorted_or_not()
    {
        var random = new Random(5);
        double[] days = [.. Enumerable.Range(0, 5_000).Select(_ => random.NextDouble() * 1_500), -3, 0, 7, 1095, 20_000, double.NaN];
        var expected = new double[DayBins.Edges.Count];
        foreach (var d in days)
        {
            expected[DayBins.IndexOf(d)]++;
        }
        var sorted = days.Order().ToArray();

        Assert.Equal(expected, DayBins.Histogram(days).Select(b => b.Cases));
        Assert.Equal(expected, DayBins.Histogram(sorted).Select(b => b.Cases));
        Assert.Equal(expected, DayBins.Histogram(sorted.Reverse().ToArray()).Select(b => b.Cases));
    }
}
