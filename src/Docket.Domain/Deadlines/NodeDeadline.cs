namespace Docket.Domain.Deadlines;

/// <summary>
/// A process node's deadline as of a moment: when it falls due (<c>within_days</c> after its <c>from</c> node was
/// reached), when it was reached (null: not yet), how far the escalation ladder has gone (null: not started), and
/// when it climbs next (null: reached, or the discipline office told).
/// </summary>
public sealed record NodeDeadline(ProcessNode Node, DateTimeOffset Due, DateTimeOffset? ReachedAt, EscalationLevel? Level, DateTimeOffset? NextStep);
