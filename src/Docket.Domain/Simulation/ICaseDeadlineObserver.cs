using Docket.Domain.Deadlines;

namespace Docket.Domain.Simulation;

/// <summary>
/// What <see cref="CourtSimulation"/>'s deadline events did to a case, as they happened (times in simulated days):
/// a process node reached, a step of the escalation ladder issued, an unlock; and what its statutory limit is made
/// of — filing, assignment, each stage's end, the days an extension or a conversion added — with each step the limit
/// took (its warning, its falling due). What lets a run be held, case by case, to the live court's evaluator of the
/// same ladder (<see cref="CaseDeadlines.Evaluate"/>) and its rule of the limit (<see cref="TimeLimit"/>).
/// </summary>
public interface ICaseDeadlineObserver
{
    /// <summary>
    /// Case <paramref name="number"/>, of type <paramref name="type"/> (the scenario's index), reached
    /// <paramref name="node"/>: an index of the type's process nodes, or <see cref="NodeCatalog.FilingNode"/> (when
    /// its deadlines start) or <see cref="NodeCatalog.ClosureNode"/>. Told for case types with process nodes only.
    /// </summary>
    void NodeReached(long number, int type, int node, double at);

    /// <summary>
    /// The ladder's step <paramref name="level"/> of the node's deadline <paramref name="due"/> was issued;
    /// <paramref name="locked"/> when the step locked the case (it was not locked already).
    /// </summary>
    void Stepped(long number, int node, EscalationLevel level, double due, bool locked, double at);

    /// <summary>The case was unlocked.</summary>
    void Unlocked(long number, double at);

    /// <summary>Case <paramref name="number"/> was filed at <paramref name="filed"/>, from which its statutory limit counts.</summary>
    void Filed(long number, int type, double filed);

    /// <summary>The case was assigned to a team (its first stage starts).</summary>
    void Assigned(long number, double at);

    /// <summary>
    /// The case closed, and its team, a place free, then takes what it can from the waiting queue: told in the order
    /// the run closes cases, which at one moment (a meeting's cases) is the order their teams pull in.
    /// </summary>
    void Closed(long number, double at);

    /// <summary>The case's stage <paramref name="stage"/> (an index of its type's stages) ended.</summary>
    void StageEnded(long number, int stage, double at);

    /// <summary>An extension granted or a conversion approved added <paramref name="days"/> to the limit.</summary>
    void LimitMoved(long number, double days, double at);

    /// <summary>
    /// The limit took a step: <see cref="WarningLevel.LimitWarning"/> or <see cref="WarningLevel.LimitOverdue"/>, the
    /// limit then standing at <paramref name="limit"/>.
    /// </summary>
    void LimitStepped(long number, WarningLevel level, double limit, double at);
}
