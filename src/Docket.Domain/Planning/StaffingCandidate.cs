namespace Docket.Domain.Planning;

/// <summary>One staffing level tried: the count and every goal checked on its replications.</summary>
public sealed record StaffingCandidate(int Count, IReadOnlyList<GoalCheck> Checks)
{
    /// <summary>Every goal is met.</summary>
    public bool Met => Checks.All(c => c.Met);
}
