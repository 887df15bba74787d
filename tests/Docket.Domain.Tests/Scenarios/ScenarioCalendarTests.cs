using Docket.Domain.Calendar;
using static Docket.Domain.Tests.Scenarios.ScenarioTestSupport;

namespace Docket.Domain.Tests.Scenarios;

/// <summary>The calendar's dates, working-day node limits and stages that suspend the statutory limit, as scenarios write them.</summary>
public sealed class ScenarioCalendarTests
{
    private const string Court = """
        case_types:
          - id: civil
            time_limit_days: 180
            effort:
              service: { dist: exponential, mean_hours: 2 }
              wait_appraisal: { dist: exponential, mean_days: 30, suspends_limit: true }
              judge: { dist: exponential, mean_hours: 10 }
            nodes:
              - { id: served, stage: service, within_working_days: 7 }
              - { id: judged, stage: judge, within_days: 90 }
        teams: [ { id: t, members: { judge: 1 }, accepts: [civil] } ]
        """;

    [Fact]
    public void A_chinese_court_calendar_reads_its_holiday_weeks_and_make_up_days()
    {
        var scenario = LoadValid($$"""
            name: dated
            calendar:
              start_date: 2026-01-01
              holidays:
                - 2026-01-01
                - { name: Spring Festival, from: 2026-02-15, to: 2026-02-23 }
                - { name: National Day, from: 2026-10-01, to: 2026-10-07 }
              make_up_days: [2026-02-14, 2026-02-28, 2026-09-20, 2026-10-10]
            {{Court}}
            """);
        var calendar = scenario.Calendar;
        Assert.True(calendar.Dated);
        Assert.Equal(1 + 9 + 7, calendar.Holidays.Count);
        Assert.Equal(4, calendar.MakeUpDays.Count);
        Assert.False(calendar.IsWorkingDay(calendar.DayNumber(new DateOnly(2026, 10, 5))));
        Assert.True(calendar.IsWorkingDay(calendar.DayNumber(new DateOnly(2026, 10, 10))));
        var type = scenario.CaseTypes[0];
        Assert.True(type.Nodes[0].WorkingDays);
        Assert.Equal(7, type.Nodes[0].WithinDays);
        Assert.False(type.Nodes[1].WorkingDays);
        Assert.Equal([false, true, false], type.Stages.Select(s => s.SuspendsLimit));
    }

    [Fact]
    public void A_calendar_without_dates_keeps_its_week_from_day_zero_and_starts_on_the_default_date()
    {
        var calendar = LoadValid($$"""
            name: plain
            calendar: { days_per_week: 5, hours_per_day: 8 }
            {{Court}}
            """).Calendar;
        Assert.False(calendar.Dated);
        Assert.Equal(WorkCalendar.DefaultStartDate, calendar.StartDate);
        Assert.Equal(new WorkCalendar(5, 8), calendar);
    }

    [Theory]
    [InlineData("calendar: { start_date: »2026-13-01 }", "calendar.start_date: expected a date as yyyy-MM-dd (got '2026-13-01')")]
    [InlineData("calendar: { holidays: [ { from: 2026-10-07, to: »2026-10-01 } ] }", "calendar.holidays[0].to: must not be before from (2026-10-07) (got 2026-10-01)")]
    [InlineData("calendar: { holidays: [2026-10-01], make_up_days: »[2026-10-01] }", "calendar.make_up_days: 2026-10-01 is also a holiday")]
    [InlineData("calendar: { holidays: [ »{ name: National Day, from: 2026-10-01 } ] }", "calendar.holidays[0]: 'to' is required")]
    public void Bad_calendar_dates_are_named(string calendar, string message) =>
        AssertErrorAt($$"""
            name: bad
            {{calendar}}
            {{Court}}
            """, message);

    [Fact]
    public void A_node_gives_calendar_days_or_working_days_but_not_both()
    {
        AssertErrorAt("""
            name: both
            case_types:
              - id: civil
                effort: { service: { dist: exponential, mean_hours: 2 } }
                nodes: [ { id: served, stage: service, within_days: 10, within_working_days: »7 } ]
            teams: [ { id: t, members: { judge: 1 }, accepts: [civil] } ]
            """, "case_types[0].nodes[0].within_working_days: give within_days (calendar days) or within_working_days, not both");
        AssertErrorAt("""
            name: fraction
            case_types:
              - id: civil
                effort: { service: { dist: exponential, mean_hours: 2 } }
                nodes: [ { id: served, stage: service, within_working_days: »7.5 } ]
            teams: [ { id: t, members: { judge: 1 }, accepts: [civil] } ]
            """, "within_working_days");
    }

    [Fact]
    public void Only_effort_stages_may_suspend_the_limit() =>
        AssertErrorAt("""
            name: misplaced
            case_types:
              - { id: civil, effort: { judge: { dist: exponential, mean_hours: 2 } } }
            intake:
              - { per_year: 100, mix: { civil: 1 }, mediation: { share: 0.5, success_rate: 0.5, duration: { dist: fixed, days: 10, »suspends_limit: true } } }
            teams: [ { id: t, members: { judge: 1 }, accepts: [civil] } ]
            """, "unknown key 'suspends_limit'");
}
