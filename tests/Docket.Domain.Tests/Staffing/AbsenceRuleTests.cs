using Docket.Domain.Staffing;

namespace Docket.Domain.Tests.Staffing;

/// <summary>When a team is away, how overlapping absences merge, and which absences can be recorded.</summary>
public sealed class AbsenceRuleTests
{
    private static readonly DateTimeOffset s_now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_team_is_away_from_the_start_inclusive_to_the_end_exclusive()
    {
        (DateTimeOffset, DateTimeOffset)[] absences = [(s_now, s_now.AddDays(3))];
        Assert.False(AbsenceRule.IsAway(absences, s_now.AddTicks(-1)));
        Assert.True(AbsenceRule.IsAway(absences, s_now));
        Assert.True(AbsenceRule.IsAway(absences, s_now.AddDays(2.9)));
        Assert.False(AbsenceRule.IsAway(absences, s_now.AddDays(3)));
        Assert.False(AbsenceRule.IsAway([], s_now));
    }

    [Fact]
    public void Overlapping_and_touching_absences_merge_into_one()
    {
        Assert.Equal([(1.0, 6.0), (8.0, 9.0)], AbsenceRule.Merge([(4, 6), (1, 4), (2, 3), (8, 9)]));
    }

    [Fact]
    public void An_absence_must_end_after_it_starts_and_after_now()
    {
        Assert.Null(AbsenceRule.Refuse(s_now.AddDays(-1), s_now.AddDays(1), s_now));
        Assert.Equal("to", AbsenceRule.Refuse(s_now.AddDays(2), s_now.AddDays(1), s_now)?.Field);
        Assert.Equal("to", AbsenceRule.Refuse(s_now.AddDays(-3), s_now.AddDays(-1), s_now)?.Field);
    }

    [Fact]
    public void An_absence_lasts_at_most_the_maximum_given_from_its_start()
    {
        Assert.Null(AbsenceRule.Refuse(s_now.AddDays(10), s_now.AddDays(40), s_now, maxDays: 30));
        Assert.Equal("to", AbsenceRule.Refuse(s_now.AddDays(10), s_now.AddDays(40.01), s_now, maxDays: 30)?.Field);
        Assert.Equal("to", AbsenceRule.Refuse(s_now, DateTimeOffset.MaxValue, s_now, AbsenceRule.DefaultMaxDays)?.Field);
        // Without a maximum (a ledger's verification), any length.
        Assert.Null(AbsenceRule.Refuse(s_now, DateTimeOffset.MaxValue, s_now));
    }

    [Fact]
    public void An_absence_is_withdrawn_once_while_it_runs_or_is_to_come_and_ends_then_or_never_begins()
    {
        var absence = new RecordedAbsence(s_now.AddDays(1), s_now.AddDays(5), "leave", 7);
        Assert.Null(AbsenceRule.RefuseWithdrawal(absence, s_now));
        Assert.Null(AbsenceRule.RefuseWithdrawal(absence, s_now.AddDays(2)));
        Assert.NotNull(AbsenceRule.RefuseWithdrawal(absence, s_now.AddDays(5)));
        Assert.Equal(s_now.AddDays(1), absence.WithdrawnAt(s_now, 9).To);
        Assert.Equal(s_now.AddDays(2), absence.WithdrawnAt(s_now.AddDays(2), 9).To);
        Assert.NotNull(AbsenceRule.RefuseWithdrawal(absence.WithdrawnAt(s_now.AddDays(2), 9), s_now.AddDays(3)));
    }
}
