using Docket.Domain.Cases;
using Docket.Domain.Deadlines;
using Docket.Domain.Staffing;

namespace Docket.Domain.Tests.Deadlines;

/// <summary>
/// Node deadlines, the ladder, locks, the statutory limit and its extension, and the warnings a case earns by a
/// moment: the rules the live service's deadline watcher issues from.
/// </summary>
public sealed class DeadlineWarningsTests
{
    private static readonly DateTimeOffset s_filed = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly EscalationLadder s_ladder = new(WarnBeforeHours: 48, ReferralAfterDays: 7);

    private static readonly ProcessNode[] s_nodes =
    [
        new("served", "service", null, 15, false),
        new("scheduled", "scheduling", null, 7, true),
    ];

    private static readonly CaseType s_type = new("civil", "civil", CaseTrack.Ordinary, 1.0, 90, 0,
        [new EffortStage("service", RoleCatalog.Clerk, new FixedEffort(1))], 0)
    { Extension = new TimeLimitExtension(0.1, 30) };

    private static (DateTimeOffset? Since, NodeDeadline[] Deadlines) At(double days, DateTimeOffset? unlocked = null, string? reached = null) =>
        CaseDeadlines.Evaluate(s_nodes, n => n == reached ? s_filed.AddDays(1) : null, s_filed, null, unlocked, s_filed.AddDays(days), s_ladder,
            Docket.Domain.Calendar.WorkCalendar.Continuous);

    [Fact]
    public void The_ladder_climbs_judge_division_head_president_discipline_around_the_deadline()
    {
        var due = s_filed.AddDays(7);
        Assert.Null(s_ladder.LevelAt(due, due.AddDays(-2.5)));
        Assert.Equal(EscalationLevel.Judge, s_ladder.LevelAt(due, due.AddDays(-2)));
        Assert.Equal(EscalationLevel.DivisionHead, s_ladder.LevelAt(due, due.AddDays(-1)));
        Assert.Equal(EscalationLevel.President, s_ladder.LevelAt(due, due));
        Assert.Equal(EscalationLevel.Discipline, s_ladder.LevelAt(due, due.AddDays(7)));
    }

    [Fact]
    public void An_overdue_important_node_locks_until_an_unlock_after_its_deadline()
    {
        Assert.Null(At(6.9).Since);
        Assert.Equal(s_filed.AddDays(7), At(7).Since);
        Assert.Null(At(8, unlocked: s_filed.AddDays(7.5)).Since);
        Assert.Equal(s_filed.AddDays(7), At(8, unlocked: s_filed.AddDays(6)).Since);
        Assert.Null(At(8, reached: "scheduled").Since);
    }

    [Fact]
    public void Warnings_earned_are_every_ladder_step_so_far_and_the_lock()
    {
        var (since, deadlines) = At(8);
        var earned = DeadlineWarnings.Earned(deadlines, since, null, 30, null, s_filed.AddDays(8));
        var due = s_filed.AddDays(7);
        Assert.Equal(
            [
                new DeadlineWarning("scheduled", WarningLevel.Judge, due),
                new DeadlineWarning("scheduled", WarningLevel.DivisionHead, due),
                new DeadlineWarning("scheduled", WarningLevel.President, due),
                new DeadlineWarning("scheduled", WarningLevel.Locked, due),
            ], earned);
    }

    [Fact]
    public void The_limit_warns_a_month_before_is_overdue_at_the_limit_and_a_late_closure_earns_a_yellow_card()
    {
        var limit = TimeLimit.LimitAt(s_type, s_filed, 0)!.Value;
        Assert.Equal(s_filed.AddDays(90), limit);
        Assert.Empty(DeadlineWarnings.Earned([], null, limit, 30, null, s_filed.AddDays(59)));
        Assert.Equal([WarningLevel.LimitWarning], DeadlineWarnings.Earned([], null, limit, 30, null, s_filed.AddDays(60)).Select(w => w.Level));
        Assert.Equal([WarningLevel.LimitWarning, WarningLevel.LimitOverdue],
            DeadlineWarnings.Earned([], null, limit, 30, null, s_filed.AddDays(91)).Select(w => w.Level));
        Assert.Equal([WarningLevel.YellowCard], DeadlineWarnings.Earned([], null, limit, 30, s_filed.AddDays(95), s_filed.AddDays(96)).Select(w => w.Level));
        Assert.Empty(DeadlineWarnings.Earned([], null, limit, 30, s_filed.AddDays(80), s_filed.AddDays(96)));
    }

    [Fact]
    public void An_extension_is_granted_only_after_the_warning_within_the_types_days_on_an_open_case()
    {
        Assert.Equal("case", TimeLimit.RefuseExtension(s_type, s_filed, 0, true, 30, 30, s_filed.AddDays(59))?.Field);
        Assert.Null(TimeLimit.RefuseExtension(s_type, s_filed, 0, true, 30, 30, s_filed.AddDays(60)));
        Assert.Equal("days", TimeLimit.RefuseExtension(s_type, s_filed, 0, true, 31, 30, s_filed.AddDays(60))?.Field);
        Assert.Equal("days", TimeLimit.RefuseExtension(s_type, s_filed, 0, true, 0, 30, s_filed.AddDays(60))?.Field);
        Assert.Equal("case", TimeLimit.RefuseExtension(s_type, s_filed, 0, false, 10, 30, s_filed.AddDays(60))?.Field);
        // Once extended by 30 days the new limit's warning is a month away again.
        Assert.Equal("case", TimeLimit.RefuseExtension(s_type, s_filed, 30, true, 10, 30, s_filed.AddDays(61))?.Field);
        Assert.Equal("case", TimeLimit.RefuseExtension(s_type with { Extension = null }, s_filed, 0, true, 10, 30, s_filed.AddDays(61))?.Field);
    }
}
