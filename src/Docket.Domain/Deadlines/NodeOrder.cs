using Docket.Domain.Cases;

namespace Docket.Domain.Deadlines;

/// <summary>
/// The order in which a case moves: its type's effort stages in the order the scenario lists them, each process
/// node reached when its stage ends (<see cref="NodeCatalog.ReachedAtStage"/>). A report names a stage, a node, or
/// <see cref="ProcessNode.Closure"/> (the closing stage); every stage before it that is work (not a wait) must
/// already be done — a judgment before the hearing is refused. Waits before the named stage pass with it. The
/// simulator walks the same stages in the same order; the live service checks reports against this rule.
/// </summary>
public static class NodeOrder
{
    /// <summary>What reporting <paramref name="name"/> does to a case that has done <paramref name="stagesDone"/> stages.</summary>
    /// <param name="closingStage">The stage whose end closes the case (<see cref="Simulation.CourtLayout.ClosingStage"/>).</param>
    /// <param name="assigned">Whether a team has the case (a waiting case cannot progress).</param>
    /// <param name="open">Whether the case is still open (a closed case can still reach post-closure stages).</param>
    public static (ProgressStep? Step, ProgressRefusal Refusal, string? Error) Resolve(
        CaseType type, NodeCatalog catalog, int closingStage, int stagesDone, bool assigned, bool open, string caseId, string name)
    {
        var stages = type.Stages;
        var target = name == ProcessNode.Closure ? closingStage : StageOf(type, name);
        if (target < 0)
        {
            var known = string.Join(", ", stages.Select(s => s.Task).Concat(type.Nodes.Select(n => n.Id)).Append(ProcessNode.Closure).Distinct());
            return (null, ProgressRefusal.Unknown, $"case type '{type.Id}' has no stage or node {Courts.Quoted.Value(name)} (known: {known})");
        }
        if (!assigned)
        {
            return (null, ProgressRefusal.OutOfOrder, $"case {caseId} is waiting for a team; nothing can be reported before it is assigned");
        }
        if (target < stagesDone)
        {
            return (null, ProgressRefusal.OutOfOrder, $"'{name}' was already reached");
        }
        for (var s = stagesDone; s < target; s++)
        {
            if (!stages[s].IsWait)
            {
                return (null, ProgressRefusal.OutOfOrder, $"out of order: '{name}' comes after '{stages[s].Task}', which has not been reached");
            }
        }
        var done = new List<string>();
        var nodes = new List<string>();
        for (var s = stagesDone; s <= target; s++)
        {
            done.Add(stages[s].Task);
            foreach (var n in catalog.ReachedAtStage(s))
            {
                nodes.Add(catalog.Nodes[n].Id);
            }
        }
        var closes = open && closingStage >= stagesDone && closingStage <= target;
        return (new ProgressStep(stagesDone, target, [.. done], [.. nodes], closes), ProgressRefusal.None, null);
    }

    /// <summary>The next effort stage that is work (waits skipped), or null when every stage is done.</summary>
    public static string? NextStage(CaseType type, int stagesDone)
    {
        for (var s = stagesDone; s < type.Stages.Count; s++)
        {
            if (!type.Stages[s].IsWait)
            {
                return type.Stages[s].Task;
            }
        }
        return null;
    }

    /// <summary>The stage a name stands for: a stage's own name, else the stage at whose end the node is reached; -1 if neither.</summary>
    private static int StageOf(CaseType type, string name)
    {
        var stages = type.Stages;
        for (var s = 0; s < stages.Count; s++)
        {
            if (stages[s].Task == name)
            {
                return s;
            }
        }
        foreach (var node in type.Nodes)
        {
            if (node.Id == name && node.Stage is { } stage)
            {
                for (var s = 0; s < stages.Count; s++)
                {
                    if (stages[s].Task == stage)
                    {
                        return s;
                    }
                }
            }
        }
        return -1;
    }
}
