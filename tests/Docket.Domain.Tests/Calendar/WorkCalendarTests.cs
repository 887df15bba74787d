using Docket.Domain.Calendar;
using Docket.Domain.Randomness;

namespace Docket.Domain.Tests.Calendar;

public sealed class WorkCalendarTests
{
    private static readonly WorkCalendar s_fiveByEight = new(5, 8);

    private const double Hour = 1.0 / 24.0;

    [Fact]
    public void Five_by_eight_working_times_round_trip_through_working_hours()
    {
        var random = new RandomStream(91);
        for (var i = 0; i < 20_000; i++)
        {
            // A working moment: a weekday of some week, inside its first 8 hours.
            var t = (7.0 * random.Next(600)) + random.Next(5) + (random.NextDouble() * 8 * Hour);
            Assert.Equal(t, s_fiveByEight.DayAtWorkingHours(s_fiveByEight.WorkingHoursBefore(t)), 1e-9);
        }
    }

    [Fact]
    public void Five_by_eight_working_hours_round_trip_through_calendar_time()
    {
        var random = new RandomStream(92);
        for (var i = 0; i < 20_000; i++)
        {
            var hours = random.NextDouble() * 40 * 600;
            Assert.Equal(hours, s_fiveByEight.WorkingHoursBefore(s_fiveByEight.DayAtWorkingHours(hours)), 1e-7);
        }
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(0.25, 6.0)]              // Monday 06:00
    [InlineData(0.5, 8.0)]               // Monday noon: the day's 8 hours are done
    [InlineData(1.0 + (4.0 / 24), 12.0)] // Tuesday 04:00
    [InlineData(4.9, 40.0)]              // Friday night
    [InlineData(5.5, 40.0)]              // Saturday
    [InlineData(6.99, 40.0)]             // Sunday
    [InlineData(7.0, 40.0)]              // the next Monday 00:00
    [InlineData(15.0 + (2.0 / 24), 90.0)] // Tuesday 02:00 of the third week
    public void Working_hours_before_count_only_weekday_working_hours(double day, double hours)
    {
        Assert.Equal(hours, s_fiveByEight.WorkingHoursBefore(day), 9);
    }

    [Fact]
    public void A_forty_hour_task_started_monday_at_midnight_ends_friday_at_hour_eight()
    {
        Assert.Equal(4.0 + (8 * Hour), s_fiveByEight.AddWorkingHours(0.0, 40), 9);
    }

    [Fact]
    public void An_eight_hour_task_started_at_the_start_of_a_working_day_ends_at_its_eighth_hour()
    {
        Assert.Equal(2.0 + (8 * Hour), s_fiveByEight.AddWorkingHours(2.0, 8), 9);
    }

    [Fact]
    public void A_task_running_past_the_working_day_continues_the_next_working_day()
    {
        // Monday 06:00 plus 4 hours: 2 hours on Monday, 2 on Tuesday.
        Assert.Equal(1.0 + (2 * Hour), s_fiveByEight.AddWorkingHours(6 * Hour, 4), 9);
        // Friday 06:00 plus 4 hours: 2 on Friday, 2 on the next Monday.
        Assert.Equal(7.0 + (2 * Hour), s_fiveByEight.AddWorkingHours(4.0 + (6 * Hour), 4), 9);
    }

    [Theory]
    [InlineData(5.0)]    // Saturday 00:00
    [InlineData(5.6)]    // Saturday afternoon
    [InlineData(6.9)]    // Sunday night
    [InlineData(4.5)]    // Friday after hours
    public void A_task_started_outside_working_hours_starts_on_the_next_working_morning(double start)
    {
        var nextMorning = Math.Floor(start) >= 4 ? 7.0 : Math.Floor(start) + 1;

        Assert.Equal(nextMorning + (3 * Hour), s_fiveByEight.AddWorkingHours(start, 3), 9);
    }

    [Fact]
    public void A_task_started_on_a_weekend_starts_on_monday()
    {
        Assert.Equal(7.0 + (5 * Hour), s_fiveByEight.AddWorkingHours(5.5, 5), 9);
        Assert.Equal(14.0 + (1 * Hour), s_fiveByEight.AddWorkingHours(13.2, 1), 9);
    }

    [Fact]
    public void A_long_task_skips_every_weekend_on_its_way()
    {
        // 201 working hours from Monday 00:00: five working weeks, then one hour on the sixth Monday.
        Assert.Equal(35.0 + (1 * Hour), s_fiveByEight.AddWorkingHours(0.0, 201), 9);
        // 104 hours from Wednesday 04:00: 20 that week, 40 the next, 40 the one after, then 4 on the following Monday.
        Assert.Equal(21.0 + (4 * Hour), s_fiveByEight.AddWorkingHours(2.0 + (4 * Hour), 104), 9);
    }

    [Fact]
    public void Seven_by_twenty_four_is_continuous_time()
    {
        var continuous = new WorkCalendar(7, 24);

        Assert.True(continuous.IsContinuous);
        Assert.True(WorkCalendar.Continuous.IsContinuous);
        Assert.Equal(continuous.AddWorkingHours(2.5, 30), WorkCalendar.Continuous.AddWorkingHours(2.5, 30), 9);
        Assert.Equal(3.5 * 24, continuous.WorkingHoursBefore(3.5), 9);
        Assert.Equal(2.5 + (30 * Hour), continuous.AddWorkingHours(2.5, 30), 9);
        Assert.Equal(168, continuous.WorkingHoursPerWeek);
    }

    [Fact]
    public void A_six_day_week_works_saturday_and_rests_sunday()
    {
        var sixByTen = new WorkCalendar(6, 10);

        Assert.Equal(60, sixByTen.WorkingHoursPerWeek);
        Assert.Equal(55, sixByTen.WorkingHoursBefore(5.0 + (5 * Hour)), 9);
        Assert.Equal(60, sixByTen.WorkingHoursBefore(6.5), 9);
        Assert.Equal(7.0 + (1 * Hour), sixByTen.AddWorkingHours(6.5, 1), 9);
    }
}
