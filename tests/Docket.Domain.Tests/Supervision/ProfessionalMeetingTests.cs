using Docket.Domain.Supervision;

namespace Docket.Domain.Tests.Supervision;

/// <summary>
/// The professional judges' meeting rule (cases 164, 165): at least the minimum number of judges, no more than half of
/// them from one department; and the choice of participants that spreads a meeting across departments.
/// </summary>
public sealed class ProfessionalMeetingTests
{
    [Fact]
    public void A_meeting_of_seven_with_four_judges_from_one_department_is_refused()
    {
        Assert.False(ProfessionalMeeting.IsValid([0, 0, 0, 0, 1, 1, 2], 7));
        Assert.False(ProfessionalMeeting.IsValid([1, 2, 0, 1, 0, 0, 0], 7));
    }

    [Fact]
    public void A_meeting_of_six_judges_is_refused_however_they_are_spread()
    {
        Assert.False(ProfessionalMeeting.IsValid([0, 0, 1, 1, 2, 2], 7));
        Assert.False(ProfessionalMeeting.IsValid([0, 1, 2, 3, 4, 5], 7));
    }

    [Fact]
    public void A_meeting_of_three_two_and_two_judges_is_accepted()
    {
        Assert.True(ProfessionalMeeting.IsValid([0, 0, 0, 1, 1, 2, 2], 7));
        Assert.True(ProfessionalMeeting.IsValid([0, 1, 2, 3, 4, 5, 6], 7));
    }

    [Fact]
    public void Exactly_half_from_one_department_is_allowed_more_than_half_is_not()
    {
        Assert.True(ProfessionalMeeting.IsValid([0, 0, 0, 0, 1, 1, 2, 2], 7));
        Assert.False(ProfessionalMeeting.IsValid([0, 0, 0, 0, 0, 1, 1, 2], 7));
        Assert.True(ProfessionalMeeting.IsValid([0, 0, 0, 0, 0, 1, 1, 2, 2, 3], 7));
    }

    [Fact]
    public void Choose_takes_departments_in_turn_and_keeps_each_to_at_most_half()
    {
        IReadOnlyList<IReadOnlyList<int>> teams = [[10, 11, 12, 13, 14], [20, 21, 22, 23], [30, 31, 32]];
        var cursor = new int[3];

        var seats = ProfessionalMeeting.Choose(teams, cursor, 7);

        Assert.NotNull(seats);
        Assert.Equal(7, seats.Count);
        Assert.Equal([(0, 10), (1, 20), (2, 30), (0, 11), (1, 21), (2, 31), (0, 12)], seats);
        Assert.True(ProfessionalMeeting.IsValid([.. seats.Select(s => s.Department)], 7));
        Assert.Equal(7, seats.Select(s => s.Team).Distinct().Count());
        // Each department's next sitter is the team after the last one chosen.
        Assert.Equal([3, 2, 2], cursor);
    }

    [Fact]
    public void Choose_fills_from_the_larger_departments_when_a_small_one_runs_out()
    {
        IReadOnlyList<IReadOnlyList<int>> teams = [[1, 2, 3, 4, 5], [6, 7, 8, 9], [10]];

        var seats = ProfessionalMeeting.Choose(teams, new int[3], 7);

        Assert.NotNull(seats);
        var perDepartment = seats.GroupBy(s => s.Department).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(3, perDepartment[0]);
        Assert.Equal(3, perDepartment[1]);
        Assert.Equal(1, perDepartment[2]);
    }

    [Fact]
    public void Choose_rotates_the_sitters_of_each_department_from_one_meeting_to_the_next()
    {
        IReadOnlyList<IReadOnlyList<int>> teams = [[10, 11, 12, 13], [20, 21, 22, 23], [30, 31, 32, 33]];
        var cursor = new int[3];

        var first = ProfessionalMeeting.Choose(teams, cursor, 7)!;
        var second = ProfessionalMeeting.Choose(teams, cursor, 7)!;

        Assert.Equal([10, 11, 12], first.Where(s => s.Department == 0).Select(s => s.Team));
        Assert.Equal([13, 10, 11], second.Where(s => s.Department == 0).Select(s => s.Team));
        Assert.Equal([22, 23], second.Where(s => s.Department == 1).Select(s => s.Team));
    }

    [Fact]
    public void Choose_returns_null_when_the_departments_cannot_seat_a_valid_meeting()
    {
        // Ten teams in one department and two in another: at most 3 + 2 of 7 seats.
        IReadOnlyList<IReadOnlyList<int>> lopsided = [[.. Enumerable.Range(0, 10)], [10, 11]];
        var cursor = new[] { 4, 1 };

        Assert.Null(ProfessionalMeeting.Choose(lopsided, cursor, 7));
        Assert.Equal([4, 1], cursor);
        Assert.Null(ProfessionalMeeting.Choose([[.. Enumerable.Range(0, 20)]], new int[1], 7));
        Assert.Null(ProfessionalMeeting.Choose([[1, 2], [3, 4], [5]], new int[3], 7));
        Assert.Null(ProfessionalMeeting.Choose([], [], 7));
    }

    [Fact]
    public void Choose_skips_departments_without_teams()
    {
        IReadOnlyList<IReadOnlyList<int>> teams = [[], [1, 2, 3], [], [4, 5, 6], [7]];

        var seats = ProfessionalMeeting.Choose(teams, new int[5], 7);

        Assert.NotNull(seats);
        Assert.DoesNotContain(seats, s => s.Department is 0 or 2);
        Assert.True(ProfessionalMeeting.IsValid([.. seats.Select(s => s.Department)], 7));
    }
}
