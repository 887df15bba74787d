using Docket.Domain.Assignment;
using Docket.Domain.Calendar;
using Docket.Domain.Cases;
using Docket.Domain.Deadlines;
using Docket.Domain.Simulation;
using Docket.Domain.Staffing;
using Docket.Domain.Supervision;
using Docket.Domain.Tests.Support;

namespace Docket.Domain.Tests.Simulation;

/// <summary>The simulator's staff work by the court's calendar: not on holidays, on make-up days.</summary>
public sealed class HolidayWorkTests
{
    private static readonly DateOnly s_start = new(2026, 1, 1);

    private static IEnumerable<DateOnly> SpringFestival()
    {
        for (var d = new DateOnly(2026, 2, 15); d <= new DateOnly(2026, 2, 23); d = d.AddDays(1))
        {
            yield return d;
        }
    }

    /// <summary>A case of <paramref name="hours"/> judge hours filed on Friday 13 February 2026 at midnight, run to its end.</summary>
    private static CaseRecord Run(WorkCalendar calendar, double hours = 16)
    {
        var type = new CaseType("civil", "civil", CaseTrack.Ordinary, 1.0, null, 0,
            [new EffortStage("judgment", RoleCatalog.Judge, new FixedEffort(hours))], 0)
        {
            // Judged within 1 working day of filing, or the case locks.
            Nodes = [new ProcessNode("judged", "judgment", ProcessNode.Filing, 1, Locks: true) { WorkingDays = true }],
        };
        var scenario = TestCourts.Court([type], [], [TestCourts.Teams("t", 1, ["civil"])], AssignmentSpec.Random, 120, calendar: calendar);
        var (spec, id) = scenario.ExpandCourts().Single();
        var filed = calendar.DayNumber(new DateOnly(2026, 2, 13));
        var simulation = new CourtSimulation(new CourtLayout(scenario, spec, id, prefixTeamIds: false), 1,
            [new ExternalFiling(filed, 0, false, RiskLevel.None)]);
        simulation.RunToEnd();
        return simulation.Cases[0];
    }

    private static double ClosedAt(WorkCalendar calendar) => Run(calendar).Closed;

    [Fact]
    public void Work_filed_before_the_spring_festival_resumes_after_it_or_on_the_make_up_saturday()
    {
        var festival = new WorkCalendar(5, 8, s_start, dated: true, SpringFestival(), []);
        var madeUp = new WorkCalendar(5, 8, s_start, dated: true, SpringFestival(), [new DateOnly(2026, 2, 14)]);
        // Friday's 8 hours, then (no make-up day) Tuesday the 24th's 8 hours, or Saturday the 14th's.
        Assert.Equal(festival.DayNumber(new DateOnly(2026, 2, 24)) + (8.0 / 24), ClosedAt(festival), 9);
        Assert.Equal(madeUp.DayNumber(new DateOnly(2026, 2, 14)) + (8.0 / 24), ClosedAt(madeUp), 9);
        // Without holidays, Monday the 16th.
        var plain = new WorkCalendar(5, 8, s_start, dated: true, [], []);
        Assert.Equal(plain.DayNumber(new DateOnly(2026, 2, 16)) + (8.0 / 24), ClosedAt(plain), 9);
    }

    [Fact]
    public void A_working_day_node_locks_the_case_at_the_end_of_its_next_working_day()
    {
        var festival = new WorkCalendar(5, 8, s_start, dated: true, SpringFestival(), []);
        var madeUp = new WorkCalendar(5, 8, s_start, dated: true, SpringFestival(), [new DateOnly(2026, 2, 14)]);
        // One working day after Friday the 13th: Tuesday the 24th (due at its end), or the make-up Saturday.
        Assert.Equal(festival.DayNumber(new DateOnly(2026, 2, 25)), Run(festival, 40).LockedAt);
        Assert.Equal(madeUp.DayNumber(new DateOnly(2026, 2, 15)), Run(madeUp, 40).LockedAt);
    }
}
