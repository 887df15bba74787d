using Docket.Domain.Cases;

namespace Docket.Domain.Deadlines;

/// <summary>
/// A case type's process nodes compiled for use: which nodes a stage's end reaches, which nodes fall due when a node
/// (or filing, or closure) is reached, and which lock. Node indices are positions in <see cref="CaseType.Nodes"/>;
/// <see cref="FilingNode"/> and <see cref="ClosureNode"/> stand for the built-ins.
/// </summary>
public sealed class NodeCatalog
{
    public const int FilingNode = -1;
    public const int ClosureNode = -2;
    public const int MaxNodes = 62;

    private readonly int[][] _reachedAtStage;
    private readonly int[][] _dueAfterNode;
    private readonly int[] _dueAfterFiling;
    private readonly int[] _dueAfterClosure;

    public NodeCatalog(CaseType type)
    {
        Nodes = type.Nodes;
        if (Nodes.Count > MaxNodes)
        {
            throw new ArgumentException($"case type '{type.Id}' has {Nodes.Count} process nodes; at most {MaxNodes} are supported");
        }
        var stageIndex = type.Stages.Select((s, i) => (s.Task, i)).GroupBy(x => x.Task).ToDictionary(g => g.Key, g => g.First().i);
        var nodeIndex = Nodes.Select((n, i) => (n.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var atStage = Enumerable.Range(0, type.Stages.Count).Select(_ => new List<int>()).ToArray();
        var after = Enumerable.Range(0, Nodes.Count).Select(_ => new List<int>()).ToArray();
        var afterFiling = new List<int>();
        var afterClosure = new List<int>();
        for (var i = 0; i < Nodes.Count; i++)
        {
            var node = Nodes[i];
            if (node.Stage is { } stage && stageIndex.TryGetValue(stage, out var s))
            {
                atStage[s].Add(i);
            }
            switch (node.From ?? ProcessNode.Filing)
            {
                case ProcessNode.Filing:
                    afterFiling.Add(i);
                    break;
                case ProcessNode.Closure:
                    afterClosure.Add(i);
                    break;
                case var from when nodeIndex.TryGetValue(from, out var f):
                    after[f].Add(i);
                    break;
                default:
                    throw new ArgumentException($"node '{node.Id}' of case type '{type.Id}' is relative to unknown node '{node.From}'");
            }
        }
        _reachedAtStage = [.. atStage.Select(l => l.ToArray())];
        _dueAfterNode = [.. after.Select(l => l.ToArray())];
        _dueAfterFiling = [.. afterFiling];
        _dueAfterClosure = [.. afterClosure];
    }

    public IReadOnlyList<ProcessNode> Nodes { get; }

    public bool IsEmpty => Nodes.Count == 0;

    /// <summary>Nodes reached when the stage ends.</summary>
    public ReadOnlySpan<int> ReachedAtStage(int stage) => _reachedAtStage[stage];

    /// <summary>Nodes whose time limit starts when <paramref name="node"/> is reached (filing and closure included).</summary>
    public ReadOnlySpan<int> DueAfter(int node) => node switch
    {
        FilingNode => _dueAfterFiling,
        ClosureNode => _dueAfterClosure,
        _ => _dueAfterNode[node],
    };

    public static bool IsReached(ulong reached, int node) => (reached & (1UL << node)) != 0;

    public static ulong Reach(ulong reached, int node) => reached | (1UL << node);
}
