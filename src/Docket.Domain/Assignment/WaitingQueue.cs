namespace Docket.Domain.Assignment;

/// <summary>
/// The order in which waiting cases are pulled under close-one-get-one (<see cref="AssignmentPolicyKind.Pull"/>): by
/// lane, the highest first — a case type's priority is its lane, and a case that has waited the pool's
/// <c>escalate_after_days</c> is escalated to the top lane — and, within a lane, the longest-waiting first. The
/// simulator and the live service both keep this order.
/// </summary>
public static class WaitingQueue
{
    public const int Lanes = 4;

    public const int EscalatedLane = Lanes - 1;

    /// <summary>The lane a case waits in: its type's priority (clamped to the lanes); the top lane once escalated.</summary>
    public static int LaneOf(int priority, bool escalated = false) => escalated ? EscalatedLane : Math.Clamp(priority, 0, EscalatedLane);

    /// <summary>
    /// Whether a case of this priority that has waited <paramref name="waitedDays"/> escalates: its pool escalates
    /// (<paramref name="escalateAfterDays"/>), it is not in the top lane already, and it has waited that long.
    /// </summary>
    public static bool Escalates(int priority, double? escalateAfterDays, double waitedDays) =>
        EscalatesAfter(priority, escalateAfterDays) is { } after && waitedDays >= after;

    /// <summary>How many days a case of this priority waits before it escalates; null when it never does (its pool does not escalate, or it is in the top lane already).</summary>
    public static double? EscalatesAfter(int priority, double? escalateAfterDays) =>
        escalateAfterDays is { } after && LaneOf(priority) < EscalatedLane ? after : null;
}
