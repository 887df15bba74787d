using Docket.Domain.Deadlines;

namespace Docket.Domain.Tests.Deadlines;

/// <summary>Guangzhou's ladder (case 166): judge, then division head, then president at the deadline, then discipline.</summary>
public sealed class EscalationLadderTests
{
    private static readonly EscalationLadder s_default = new(WarnBeforeHours: 48, ReferralAfterDays: 7);

    [Fact]
    public void The_judge_is_warned_before_the_division_head_who_is_told_before_the_president_who_is_told_before_discipline()
    {
        const double Deadline = 30;
        var times = Enum.GetValues<EscalationLevel>().Select(level => s_default.TimeOf(level, Deadline)).ToArray();

        Assert.Equal([EscalationLevel.Judge, EscalationLevel.DivisionHead, EscalationLevel.President, EscalationLevel.Discipline], Enum.GetValues<EscalationLevel>());
        for (var i = 1; i < times.Length; i++)
        {
            Assert.True(times[i - 1] < times[i], $"level {(EscalationLevel)i} at {times[i]} is not after {(EscalationLevel)(i - 1)} at {times[i - 1]}");
        }
    }

    [Fact]
    public void The_judge_is_warned_48_hours_before_the_division_head_24_hours_before_the_president_at_the_deadline()
    {
        Assert.Equal(28.0, s_default.TimeOf(EscalationLevel.Judge, 30), 12);
        Assert.Equal(29.0, s_default.TimeOf(EscalationLevel.DivisionHead, 30), 12);
        Assert.Equal(30.0, s_default.TimeOf(EscalationLevel.President, 30), 12);
        Assert.Equal(37.0, s_default.TimeOf(EscalationLevel.Discipline, 30), 12);
    }

    [Fact]
    public void The_warning_time_and_referral_delay_are_the_ladders_parameters()
    {
        var ladder = new EscalationLadder(WarnBeforeHours: 24 * 30, ReferralAfterDays: 14);

        Assert.Equal(70.0, ladder.TimeOf(EscalationLevel.Judge, 100), 12);
        Assert.Equal(85.0, ladder.TimeOf(EscalationLevel.DivisionHead, 100), 12);
        Assert.Equal(100.0, ladder.TimeOf(EscalationLevel.President, 100), 12);
        Assert.Equal(114.0, ladder.TimeOf(EscalationLevel.Discipline, 100), 12);
    }

    [Fact]
    public void An_unknown_level_has_no_time()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => s_default.TimeOf((EscalationLevel)9, 10));
    }
}
