using Docket.Abstractions.Live;

namespace Docket.Grains.Live;

/// <summary>
/// The order in which a live case moves: its type's effort stages in the order the scenario lists them, each
/// process node reached when its stage ends. A report names a stage, a node, or <c>closure</c> (the closing stage);
/// every stage before it that is work (not a wait) must already be done — a judgment before the hearing is refused.
/// Waits before the named stage pass with it.
/// </summary>
internal static class CaseProgress
{
    public const string Closure = "closure";

    public static (ProgressStep? Step, Outcome Outcome, string? Error) Resolve(LiveCourt court, LiveCase c, string name)
    {
        var typeIndex = court.TypeIndex(c.Type);
        var type = court.CaseTypes[typeIndex];
        var stages = type.Stages;
        var target = -1;
        if (name == Closure)
        {
            target = court.Layout.ClosingStage[typeIndex];
        }
        else
        {
            for (var s = 0; s < stages.Count && target < 0; s++)
            {
                if (stages[s].Task == name)
                {
                    target = s;
                }
            }
            foreach (var node in type.Nodes)
            {
                if (target < 0 && node.Id == name && node.Stage is { } stage)
                {
                    target = IndexOf(stages, stage);
                }
            }
        }
        if (target < 0)
        {
            var known = string.Join(", ", stages.Select(s => s.Task).Concat(type.Nodes.Select(n => n.Id)).Append(Closure).Distinct());
            return (null, Outcome.Invalid, $"case type '{type.Id}' has no stage or node '{name}' (known: {known})");
        }
        if (c.Status == LiveCase.Waiting)
        {
            return (null, Outcome.Conflict, $"case {c.Id} is waiting for a team; nothing can be reported before it is assigned");
        }
        if (target < c.StagesDone)
        {
            return (null, Outcome.Conflict, $"'{name}' was already reached");
        }
        for (var s = c.StagesDone; s < target; s++)
        {
            if (!stages[s].IsWait)
            {
                return (null, Outcome.Conflict, $"out of order: '{name}' comes after '{stages[s].Task}', which has not been reached");
            }
        }
        var catalog = court.Layout.NodeCatalogs[typeIndex];
        var done = new List<string>();
        var nodes = new List<string>();
        for (var s = c.StagesDone; s <= target; s++)
        {
            done.Add(stages[s].Task);
            foreach (var n in catalog.ReachedAtStage(s))
            {
                nodes.Add(catalog.Nodes[n].Id);
            }
        }
        var closing = court.Layout.ClosingStage[typeIndex];
        var closes = c.Status == LiveCase.Pending && closing >= c.StagesDone && closing <= target;
        return (new ProgressStep(c.StagesDone, target, [.. done], [.. nodes], closes), Outcome.Ok, null);
    }

    /// <summary>The next effort stage that is work (waits skipped), or null when every stage is done.</summary>
    public static string? NextStage(LiveCourt court, LiveCase c)
    {
        var stages = court.CaseTypes[court.TypeIndex(c.Type)].Stages;
        for (var s = c.StagesDone; s < stages.Count; s++)
        {
            if (!stages[s].IsWait)
            {
                return stages[s].Task;
            }
        }
        return null;
    }

    private static int IndexOf(IReadOnlyList<Docket.Domain.Cases.EffortStage> stages, string task)
    {
        for (var s = 0; s < stages.Count; s++)
        {
            if (stages[s].Task == task)
            {
                return s;
            }
        }
        return -1;
    }
}
