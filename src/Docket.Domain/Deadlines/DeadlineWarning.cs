namespace Docket.Domain.Deadlines;

/// <summary>
/// A warning a case has earned: about <see cref="Subject"/> (a process node's id, or <see cref="WarningLevels.TimeLimit"/>
/// for the statutory limit), at <see cref="Level"/> (one of <see cref="WarningLevel"/>), for the deadline
/// <see cref="Due"/>. The three together identify it: a warning is issued once, and a new deadline (an extended
/// limit) earns new ones.
/// </summary>
public sealed record DeadlineWarning(string Subject, WarningLevel Level, DateTimeOffset Due);
