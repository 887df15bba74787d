using Docket.Domain.Calendar;

namespace Docket.Domain.Deadlines;

/// <summary>
/// A process node of a case type (Yancheng's 210 nodes, Guangzhou's 42): reached when the case's stage named
/// <see cref="Stage"/> ends (or at filing / closure for the built-in nodes <c>filing</c> and <c>closure</c>), due
/// <see cref="WithinDays"/> after the node <see cref="From"/> is reached — calendar days, or whole working days of the
/// court's calendar when <see cref="WorkingDays"/> (Guangzhou's "7 working days"). An ordinary node gets a reminder
/// and a warning; an important node (<see cref="Locks"/>) is a checkpoint that locks the whole case when overdue.
/// </summary>
public sealed record ProcessNode(string Id, string? Stage, string? From, double? WithinDays, bool Locks)
{
    /// <summary><see cref="WithinDays"/> counts working days (<c>within_working_days</c>), not calendar days.</summary>
    public bool WorkingDays { get; init; }

    /// <summary>
    /// When the node falls due if its <see cref="From"/> node was reached at calendar time <paramref name="from"/>:
    /// <see cref="WithinDays"/> later, or at the end of the <see cref="WithinDays"/>-th working day after that day
    /// (<see cref="WorkCalendar.AddWorkingDays"/>). Null when the node has no time limit.
    /// </summary>
    public double? DueAt(WorkCalendar calendar, double from) => WithinDays is not { } within ? null
        : WorkingDays ? calendar.AddWorkingDays(from, (int)within) : from + within;

    /// <summary><see cref="DueAt(WorkCalendar, double)"/> for the live service's clock.</summary>
    public DateTimeOffset? DueAt(WorkCalendar calendar, DateTimeOffset from) => WithinDays is not { } within ? null
        : WorkingDays ? calendar.InstantOf(calendar.AddWorkingDays(calendar.DayOf(from), (int)within)) : from.AddDays(within);

    public const string Filing = "filing";
    public const string Closure = "closure";
}
