namespace Docket.Domain.Assignment;

/// <summary>
/// The order in which waiting cases are pulled under close-one-get-one (<see cref="AssignmentPolicyKind.Pull"/>): by
/// lane, the highest first — a case type's priority is its lane, and a case that has waited the pool's
/// <c>escalate_after_days</c> is escalated to the top lane — and, within a lane, the longest-waiting first (the lowest
/// case number, since numbers follow filing). <see cref="TryPull"/> is the one pull rule: the live court's
/// <see cref="WaitingLine"/> and the simulator's own lanes both ask it which case a team takes.
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

    /// <summary>
    /// The case a team pulls when it frees a place or comes back: among the heads of the lanes of the
    /// <paramref name="types"/> it accepts that <paramref name="lanes"/> offers it now, the head of the highest lane,
    /// and within that lane the lowest case number. False when none is offered. A type's lanes are looked at from the
    /// top down and only as far as the best lane found so far, so a pull reads at most a few heads a type.
    /// </summary>
    public static bool TryPull<TLanes>(ref TLanes lanes, ReadOnlySpan<int> types, out int type, out int lane)
        where TLanes : struct, IWaitingLanes
    {
        type = -1;
        lane = -1;
        var number = long.MaxValue;
        foreach (var t in types)
        {
            if (!lanes.Offers(t))
            {
                continue;
            }
            for (var l = EscalatedLane; l >= 0 && l >= lane; l--)
            {
                var head = lanes.HeadOf(t, l);
                if (head < 0)
                {
                    continue;
                }
                if (l > lane || head < number)
                {
                    type = t;
                    lane = l;
                    number = head;
                }
                break;
            }
        }
        return type >= 0;
    }
}

/// <summary>A pool's waiting cases as <see cref="WaitingQueue.TryPull"/> sees them for one pulling team: by case type and lane.</summary>
public interface IWaitingLanes
{
    /// <summary>Whether a case of <paramref name="type"/> waits and the pulling team can take one now.</summary>
    bool Offers(int type);

    /// <summary>The number of the case at the head of the type's lane (its longest-waiting), or -1 when none waits in it.</summary>
    long HeadOf(int type, int lane);
}
