using Docket.Domain.Cases;
using Docket.Domain.Deadlines;
using Docket.Domain.Staffing;

namespace Docket.Domain.Tests.Deadlines;

/// <summary>The order a case moves in: stages in effort order, waits passed, nodes reached at their stage's end.</summary>
public sealed class NodeOrderTests
{
    private static readonly CaseType s_type = new("civil", "civil", CaseTrack.Ordinary, 1.0, 90, 0,
        [
            new EffortStage("service", RoleCatalog.Clerk, new FixedEffort(1)),
            new EffortStage("wait_hearing", "", new FixedEffort(10)),
            new EffortStage("hearing", RoleCatalog.Judge, new FixedEffort(2)),
            new EffortStage("judgment", RoleCatalog.Judge, new FixedEffort(2)),
            new EffortStage("publishing", RoleCatalog.Clerk, new FixedEffort(1)),
        ], 0)
    {
        Nodes = [new ProcessNode("served", "service", null, 15, false), new ProcessNode("online", "publishing", ProcessNode.Closure, 7, true)],
        ClosesAfter = "judgment",
    };

    private static readonly NodeCatalog s_catalog = new(s_type);

    private static (ProgressStep? Step, ProgressRefusal Refusal, string? Error) Report(int done, string name, bool assigned = true, bool open = true) =>
        NodeOrder.Resolve(s_type, s_catalog, closingStage: 3, done, assigned, open, "c-1", name);

    [Fact]
    public void A_node_completes_its_stage_and_reaches_the_node()
    {
        var (step, refusal, _) = Report(0, "served");
        Assert.Equal(ProgressRefusal.None, refusal);
        Assert.Equal(["service"], step!.Stages);
        Assert.Equal(["served"], step.Nodes);
        Assert.False(step.Closes);
    }

    [Fact]
    public void A_judgment_before_the_hearing_is_out_of_order()
    {
        var (step, refusal, error) = Report(1, "judgment");
        Assert.Null(step);
        Assert.Equal(ProgressRefusal.OutOfOrder, refusal);
        Assert.Contains("'hearing'", error);
    }

    [Fact]
    public void Waits_before_the_reported_stage_pass_with_it_and_the_closing_stage_closes()
    {
        var (hearing, _, _) = Report(1, "hearing");
        Assert.Equal(["wait_hearing", "hearing"], hearing!.Stages);
        var (closure, _, _) = Report(3, ProcessNode.Closure);
        Assert.Equal(["judgment"], closure!.Stages);
        Assert.True(closure.Closes);
        var (online, _, _) = Report(4, "online", open: false);
        Assert.Equal(["online"], online!.Nodes);
        Assert.False(online.Closes);
    }

    [Fact]
    public void Unknown_names_repeated_nodes_and_waiting_cases_are_refused()
    {
        Assert.Equal(ProgressRefusal.Unknown, Report(0, "verdict").Refusal);
        Assert.Contains("known: service", Report(0, "verdict").Error);
        Assert.Equal(ProgressRefusal.OutOfOrder, Report(1, "served").Refusal);
        Assert.Equal(ProgressRefusal.OutOfOrder, Report(0, "served", assigned: false).Refusal);
    }

    [Fact]
    public void The_next_stage_skips_waits()
    {
        Assert.Equal("hearing", NodeOrder.NextStage(s_type, 1));
        Assert.Null(NodeOrder.NextStage(s_type, 5));
    }
}
