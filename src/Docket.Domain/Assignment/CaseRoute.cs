namespace Docket.Domain.Assignment;

/// <summary>
/// Where <see cref="CaseRouter.Route"/> sends a new case.
/// </summary>
/// <param name="Pool">The assignment pool of the case's type, or -1 when no team of the court accepts it.</param>
/// <param name="Team">The court team index chosen, or -1 when nobody can take the case now (it waits).</param>
/// <param name="Designated">Designated to a leader's team rather than chosen by the pool's policy.</param>
/// <param name="Policy">The pool's policy (the one that chose, unless designated).</param>
/// <param name="Drawn">The case's draw (<see cref="AssignmentDraw"/>) was made: the pool's policy chose with it.</param>
public readonly record struct CaseRoute(int Pool, int Team, bool Designated, AssignmentPolicyKind Policy, bool Drawn)
{
    public bool Assigned => Team >= 0;

    /// <summary>The policy as the ledger and the API name it: <c>designated</c>, or the pool's policy's name.</summary>
    public string PolicyName => Designated ? AssignmentPolicyNames.Designated : AssignmentPolicyNames.NameOf(Policy);
}

/// <summary>A route (<see cref="CaseRouter.RouteRecorded"/>) and what the ledger records beside it: the teams drawn among (or the leader-led teams designation chose among) and a weighted draw's weights.</summary>
public readonly record struct RecordedRoute(CaseRoute Route, string[] Eligible, double[]? Weights);
