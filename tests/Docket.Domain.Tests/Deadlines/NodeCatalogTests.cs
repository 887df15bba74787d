using Docket.Domain.Cases;
using Docket.Domain.Deadlines;
using Docket.Domain.Staffing;

namespace Docket.Domain.Tests.Deadlines;

/// <summary>
/// A case type's process nodes compiled: which nodes each stage's end reaches, which nodes fall due when a node, filing
/// or closure is reached, and the rejection of a node relative to an unknown node.
/// </summary>
public sealed class NodeCatalogTests
{
    private static CaseType Type(params ProcessNode[] nodes) =>
        new CaseType("civil", "civil", CaseTrack.Ordinary, 1.0, 180, 0,
            [
                new EffortStage("service", RoleCatalog.Clerk, new FixedEffort(1)),
                new EffortStage("scheduling", RoleCatalog.Clerk, new FixedEffort(1)),
                new EffortStage("judgment", RoleCatalog.Judge, new FixedEffort(8)),
                new EffortStage("publishing", RoleCatalog.Clerk, new FixedEffort(1)),
                new EffortStage("archiving", RoleCatalog.Clerk, new FixedEffort(1)),
            ], 0)
        { Nodes = nodes, ClosesAfter = "judgment" };

    /// <summary>Yancheng-style nodes: 0 served, 1 hearing scheduled (locks), 2 judged, 3 online (locks), 4 archived.</summary>
    private static readonly NodeCatalog s_catalog = new(Type(
        new ProcessNode("served", "service", null, 15, false),
        new ProcessNode("hearing_scheduled", "scheduling", ProcessNode.Filing, 7, true),
        new ProcessNode("judged", "judgment", "hearing_scheduled", 60, false),
        new ProcessNode("online", "publishing", ProcessNode.Closure, 7, true),
        new ProcessNode("archived", "archiving", "online", 30, false)));

    [Fact]
    public void Each_node_is_reached_when_its_stage_ends()
    {
        Assert.Equal([0], s_catalog.ReachedAtStage(0).ToArray());
        Assert.Equal([1], s_catalog.ReachedAtStage(1).ToArray());
        Assert.Equal([2], s_catalog.ReachedAtStage(2).ToArray());
        Assert.Equal([3], s_catalog.ReachedAtStage(3).ToArray());
        Assert.Equal([4], s_catalog.ReachedAtStage(4).ToArray());
    }

    [Fact]
    public void Nodes_fall_due_after_filing_after_closure_or_after_the_node_they_are_relative_to()
    {
        // A node without 'from' counts from filing.
        Assert.Equal([0, 1], s_catalog.DueAfter(NodeCatalog.FilingNode).ToArray());
        Assert.Equal([3], s_catalog.DueAfter(NodeCatalog.ClosureNode).ToArray());
        Assert.Equal([2], s_catalog.DueAfter(1).ToArray());
        Assert.Equal([4], s_catalog.DueAfter(3).ToArray());
        Assert.Empty(s_catalog.DueAfter(0).ToArray());
        Assert.Empty(s_catalog.DueAfter(2).ToArray());
        Assert.Empty(s_catalog.DueAfter(4).ToArray());
    }

    [Fact]
    public void The_built_in_nodes_are_filing_and_closure_and_stand_apart_from_the_types_own_nodes()
    {
        Assert.Equal("filing", ProcessNode.Filing);
        Assert.Equal("closure", ProcessNode.Closure);
        Assert.True(NodeCatalog.FilingNode < 0);
        Assert.True(NodeCatalog.ClosureNode < 0);
        Assert.NotEqual(NodeCatalog.FilingNode, NodeCatalog.ClosureNode);
    }

    [Fact]
    public void Several_nodes_can_share_a_stage_and_an_origin()
    {
        var catalog = new NodeCatalog(Type(
            new ProcessNode("a", "judgment", ProcessNode.Filing, 30, false),
            new ProcessNode("b", "judgment", ProcessNode.Filing, 60, true),
            new ProcessNode("c", "archiving", "a", 10, false),
            new ProcessNode("d", "publishing", "a", 5, false)));

        Assert.Equal([0, 1], catalog.ReachedAtStage(2).ToArray());
        Assert.Empty(catalog.ReachedAtStage(0).ToArray());
        Assert.Equal([0, 1], catalog.DueAfter(NodeCatalog.FilingNode).ToArray());
        Assert.Equal([2, 3], catalog.DueAfter(0).ToArray());
        Assert.Empty(catalog.DueAfter(NodeCatalog.ClosureNode).ToArray());
    }

    [Fact]
    public void A_node_whose_stage_the_type_does_not_have_is_never_reached()
    {
        var catalog = new NodeCatalog(Type(new ProcessNode("streamed", "streaming", ProcessNode.Filing, 30, true)));

        for (var stage = 0; stage < 5; stage++)
        {
            Assert.Empty(catalog.ReachedAtStage(stage).ToArray());
        }
        Assert.Equal([0], catalog.DueAfter(NodeCatalog.FilingNode).ToArray());
    }

    [Fact]
    public void A_node_relative_to_an_unknown_node_is_rejected_by_name()
    {
        var error = Assert.Throws<ArgumentException>(() => new NodeCatalog(Type(
            new ProcessNode("served", "service", ProcessNode.Filing, 15, false),
            new ProcessNode("judged", "judgment", "hearing", 60, false))));

        Assert.Contains("'judged'", error.Message);
        Assert.Contains("'hearing'", error.Message);
        Assert.Contains("'civil'", error.Message);
    }

    [Fact]
    public void More_nodes_than_the_reached_mask_holds_are_rejected()
    {
        var nodes = Enumerable.Range(0, NodeCatalog.MaxNodes + 1).Select(i => new ProcessNode($"n{i}", "service", null, 1, false)).ToArray();

        Assert.Throws<ArgumentException>(() => new NodeCatalog(Type(nodes)));
        Assert.Equal(NodeCatalog.MaxNodes, new NodeCatalog(Type(nodes[..^1])).Nodes.Count);
    }

    [Fact]
    public void A_type_without_nodes_compiles_to_an_empty_catalogue()
    {
        var catalog = new NodeCatalog(Type());

        Assert.True(catalog.IsEmpty);
        Assert.Empty(catalog.DueAfter(NodeCatalog.FilingNode).ToArray());
        Assert.Empty(catalog.DueAfter(NodeCatalog.ClosureNode).ToArray());
        Assert.False(s_catalog.IsEmpty);
    }

    [Fact]
    public void Reach_marks_one_node_and_IsReached_reads_it_back()
    {
        var reached = 0UL;
        reached = NodeCatalog.Reach(reached, 0);
        reached = NodeCatalog.Reach(reached, NodeCatalog.MaxNodes - 1);

        Assert.True(NodeCatalog.IsReached(reached, 0));
        Assert.True(NodeCatalog.IsReached(reached, NodeCatalog.MaxNodes - 1));
        Assert.False(NodeCatalog.IsReached(reached, 1));
        Assert.Equal(reached, NodeCatalog.Reach(reached, 0));
    }
}
