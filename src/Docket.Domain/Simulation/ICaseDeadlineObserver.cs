using Docket.Domain.Deadlines;

namespace Docket.Domain.Simulation;

/// <summary>
/// What <see cref="CourtSimulation"/>'s deadline events did to a case, as they happened (times in simulated days):
/// a process node reached, a step of the escalation ladder issued, an unlock. What lets a run be held, case by case,
/// to the live court's evaluator of the same ladder (<see cref="CaseDeadlines.Evaluate"/>).
/// </summary>
public interface ICaseDeadlineObserver
{
    /// <summary>
    /// Case <paramref name="number"/>, of type <paramref name="type"/> (the scenario's index), reached
    /// <paramref name="node"/>: an index of the type's process nodes, or <see cref="NodeCatalog.FilingNode"/> (when
    /// its deadlines start) or <see cref="NodeCatalog.ClosureNode"/>.
    /// </summary>
    void NodeReached(long number, int type, int node, double at);

    /// <summary>
    /// The ladder's step <paramref name="level"/> of the node's deadline <paramref name="due"/> was issued;
    /// <paramref name="locked"/> when the step locked the case (it was not locked already).
    /// </summary>
    void Stepped(long number, int node, EscalationLevel level, double due, bool locked, double at);

    /// <summary>The case was unlocked.</summary>
    void Unlocked(long number, double at);
}
