using System.Globalization;
using Docket.Domain.Deadlines;
using Docket.Domain.Staffing;
using Docket.Domain.Supervision;
using YamlDotNet.RepresentationModel;

namespace Docket.Domain.Scenarios;

/// <summary>A case type's process nodes, the stage that closes it, its risk shares and its time-limit extension.</summary>
internal sealed partial class ScenarioReader
{
    internal static readonly string[] NodeKeys = ["id", "stage", "from", "within_days", "within_working_days", "lock"];

    internal static readonly string[] RiskKeys = ["ordinary", "larger", "major"];

    internal static readonly string[] ExtensionKeys = ["share", "days", "max", "higher_court_days"];

    internal static readonly string[] ConversionKeys = ["share", "approval_share", "approver", "limit_days"];

    /// <summary>The effort keys of a case type as written, in order; null when there is no usable effort mapping.</summary>
    private static List<string>? EffortKeys(MappingReader caseType)
    {
        if (caseType.Value("effort") is not YamlMappingNode effort)
        {
            return null;
        }
        var keys = effort.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value).OfType<string>().ToList();
        return keys.Count == 0 ? null : keys;
    }

    /// <summary>
    /// <c>closes_after</c>: an effort key of the type. <paramref name="closingStage"/> is the position of the stage
    /// whose end closes the case (the last one without <c>closes_after</c>), or -1 when unknown.
    /// </summary>
    private string? ReadClosesAfter(MappingReader caseType, string? typeId, List<string>? effortKeys, out int closingStage)
    {
        closingStage = effortKeys is null ? -1 : effortKeys.Count - 1;
        var closesAfter = ReadString(caseType, "closes_after");
        if (closesAfter is null || effortKeys is null)
        {
            if (caseType.Has("closes_after"))
            {
                closingStage = -1;
            }
            return closesAfter;
        }
        closingStage = effortKeys.IndexOf(closesAfter);
        if (closingStage < 0)
        {
            Error(caseType.Value("closes_after")!, caseType.PathOf("closes_after"),
                $"'{closesAfter}' is not an effort key of case type '{typeId ?? "?"}' (effort: {Names(effortKeys, 20)})");
        }
        return closesAfter;
    }

    /// <summary>A node's time limit: <c>within_days</c> (calendar days) or <c>within_working_days</c> (whole working days), one of them.</summary>
    private (double? Within, bool WorkingDays) ReadNodeLimit(MappingReader m)
    {
        if (m.Value("within_working_days") is not { } working)
        {
            return (ReadRequiredNumber(m, "within_days", Bounds.Above(0), " (the node's time limit in days, or within_working_days)"), false);
        }
        if (m.Has("within_days"))
        {
            Error(working, m.PathOf("within_working_days"), "give within_days (calendar days) or within_working_days, not both");
            return (null, true);
        }
        return TryReadInt(working, m.PathOf("within_working_days"), Bounds.Between(1, 3650), out var days) ? (days, true) : (null, true);
    }

    private List<ProcessNode> ReadNodes(MappingReader caseType, string? typeId, List<string>? effortKeys, int closingStage)
    {
        var nodes = new List<ProcessNode>();
        var listPath = caseType.PathOf("nodes");
        var list = ReadList(caseType, "nodes", required: false);
        if (list is null)
        {
            return nodes;
        }
        if (list.Children.Count > NodeCatalog.MaxNodes)
        {
            Error(list, listPath, $"a case type may have at most {NodeCatalog.MaxNodes} process nodes (got {list.Children.Count})");
        }
        var type = typeId ?? "?";
        var read = new List<NodeRead>();
        var firstSeen = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        for (var i = 0; i < list.Children.Count; i++)
        {
            var path = ScenarioPaths.Index(listPath, i);
            var m = MappingReader.Open(list.Children[i], path, _diagnostics, "{ id: served, stage: service, within_days: 15 }");
            if (m is null)
            {
                continue;
            }
            m.RejectUnknown(NodeKeys);
            var id = ReadRequiredString(m, "id");
            if (id is ProcessNode.Filing or ProcessNode.Closure)
            {
                Error(m.Value("id")!, m.PathOf("id"),
                    $"'{id}' is a built-in node (reached at the case's {id}): a node of your own needs another id; use 'from: {id}' to count from it");
                id = null;
            }
            else if (id is not null && !firstSeen.TryAdd(id, m.Value("id")!))
            {
                Error(m.Value("id")!, m.PathOf("id"), $"duplicate node id '{id}' in case type '{type}' (first at line {firstSeen[id].Start.Line})");
                id = null;
            }
            var stage = ReadRequiredString(m, "stage");
            var stageIndex = -1;
            if (stage is not null && effortKeys is not null)
            {
                stageIndex = effortKeys.IndexOf(stage);
                if (stageIndex < 0)
                {
                    Error(m.Value("stage")!, m.PathOf("stage"),
                        $"'{stage}' is not an effort key of case type '{type}' (a node is reached when its stage ends; effort: {Names(effortKeys, 20)})");
                }
            }
            var from = ReadString(m, "from");
            var (within, workingDays) = ReadNodeLimit(m);
            var locks = m.Value("lock") is { } lockNode && ReadBoolean(lockNode, m.PathOf("lock")) == true;
            read.Add(new NodeRead(id, stageIndex, from, m));
            nodes.Add(new ProcessNode(id ?? "", stage, from ?? ProcessNode.Filing, within, locks) { WorkingDays = workingDays });
        }

        var byId = read.Where(n => n.Id is not null).ToDictionary(n => n.Id!, StringComparer.Ordinal);
        foreach (var node in read)
        {
            if (node.From is null or ProcessNode.Filing or ProcessNode.Closure || byId.ContainsKey(node.From))
            {
                continue;
            }
            var ids = byId.Keys.Where(k => k != node.Id).ToList();
            var choices = ids.Count == 0 ? "filing or closure" : $"filing, closure or a node of the type: {Names(ids)}";
            Error(node.Mapping.Value("from")!, node.Mapping.PathOf("from"),
                $"node '{node.Id ?? "?"}' is relative to unknown node '{node.From}' ({choices})");
        }

        var inCycle = ReportCycles(read, byId);
        foreach (var node in read)
        {
            if (node.StageIndex < 0 || node.Id is null || inCycle.Contains(node.Id))
            {
                continue;
            }
            var stageNode = node.Mapping.Value("stage")!;
            var stagePath = node.Mapping.PathOf("stage");
            var stage = effortKeys![node.StageIndex];
            if (node.From == ProcessNode.Closure && closingStage >= 0 && node.StageIndex < closingStage)
            {
                var closing = effortKeys[closingStage];
                Error(stageNode, stagePath,
                    $"node '{node.Id}' is due after closure but its stage '{stage}' comes before the case closes (when '{closing}' ends; closes_after sets the closing stage)");
            }
            else if (node.From is { } from && byId.TryGetValue(from, out var origin) && origin.StageIndex >= 0 && node.StageIndex <= origin.StageIndex)
            {
                var originStage = effortKeys[origin.StageIndex];
                Error(stageNode, stagePath,
                    $"node '{node.Id}' is due after node '{from}' but its stage '{stage}' does not come after that node's stage '{originStage}' in effort order");
            }
        }
        return nodes;
    }

    /// <summary>Reports every cycle of nodes through <c>from</c>, once each; returns the ids of the nodes on cycles.</summary>
    private HashSet<string> ReportCycles(List<NodeRead> read, Dictionary<string, NodeRead> byId)
    {
        var onCycle = new HashSet<string>(StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in read)
        {
            if (start.Id is null || done.Contains(start.Id))
            {
                continue;
            }
            var path = new List<NodeRead>();
            var position = new Dictionary<string, int>(StringComparer.Ordinal);
            var cycleAt = -1;
            for (NodeRead? current = start; current is { Id: { } id } && !done.Contains(id);
                current = current.From is { } from && byId.TryGetValue(from, out var next) ? next : null)
            {
                if (position.TryGetValue(id, out var seen))
                {
                    cycleAt = seen;
                    break;
                }
                position[id] = path.Count;
                path.Add(current);
            }
            if (cycleAt >= 0)
            {
                var cycle = path.Skip(cycleAt).ToList();
                // Start the cycle at the node written first, and report at that node's 'from'.
                var first = cycle.IndexOf(cycle.MinBy(n => read.IndexOf(n))!);
                var ordered = cycle.Skip(first).Concat(cycle.Take(first)).ToList();
                var names = string.Join(" → ", ordered.Select(n => n.Id).Append(ordered[0].Id));
                var head = ordered[0].Mapping;
                Error(head.Value("from")!, head.PathOf("from"), $"nodes {names} form a cycle (each is due after the next through 'from')");
                onCycle.UnionWith(cycle.Select(n => n.Id!));
            }
            done.UnionWith(path.Select(n => n.Id!));
        }
        return onCycle;
    }

    private RiskShares ReadRisk(YamlNode node, string path)
    {
        var m = MappingReader.Open(node, path, _diagnostics, "{ ordinary: 0.3, larger: 0.007, major: 0.0007 }");
        if (m is null)
        {
            return RiskShares.None;
        }
        m.RejectUnknown(RiskKeys);
        var shares = new RiskShares(
            ReadNumber(m, "ordinary", 0, Bounds.Between(0, 1)),
            ReadNumber(m, "larger", 0, Bounds.Between(0, 1)),
            ReadNumber(m, "major", 0, Bounds.Between(0, 1)));
        var total = shares.Ordinary + shares.Larger + shares.Major;
        if (total > 1 + 1e-12)
        {
            Error(node, path, $"the shares of the risk levels must sum to at most 1 (got {total.ToString("0.####", CultureInfo.InvariantCulture)})");
        }
        return shares;
    }

    private TimeLimitExtension? ReadExtension(MappingReader caseType, YamlNode node)
    {
        var path = caseType.PathOf("extension");
        var m = MappingReader.Open(node, path, _diagnostics, "{ share: 0.5, days: 90 }");
        if (m is null)
        {
            return null;
        }
        m.RejectUnknown(ExtensionKeys);
        var share = ReadRequiredNumber(m, "share", Bounds.Between(0, 1), " (the share of cases still open at the limit warning that get an extension)");
        var days = ReadRequiredNumber(m, "days", Bounds.Above(0), " (the days an extension adds to the limit)");
        var max = ReadOptionalInt(m, "max", Bounds.AtLeast(0));
        var higherCourtDays = ReadOptionalNumber(m, "higher_court_days", Bounds.Above(0));
        if (m.Has("higher_court_days") && !m.Has("max"))
        {
            Error(m.KeyNode("higher_court_days")!, m.PathOf("higher_court_days"),
                "the higher court approves the extensions beyond 'max': set extension.max (the extensions the president grants)");
        }
        if (!caseType.Has("time_limit_days"))
        {
            Error(caseType.KeyNode("extension")!, path, "an extension lengthens the statutory limit: the case type needs 'time_limit_days'");
        }
        return share is { } s && days is { } d ? new TimeLimitExtension(s, d) { Max = max, HigherCourtDays = higherCourtDays } : null;
    }

    private static readonly (string Name, string Value)[] ApproverNames = [.. ProcedureConversion.Approvers.Select(a => (a, a))];

    private ProcedureConversion? ReadConversion(MappingReader caseType, YamlNode node)
    {
        var path = caseType.PathOf("conversion");
        var m = MappingReader.Open(node, path, _diagnostics, "{ share: 0.05, approval_share: 0.8, approver: division_head, limit_days: 180 }");
        if (m is null)
        {
            return null;
        }
        m.RejectUnknown(ConversionKeys);
        var share = ReadRequiredNumber(m, "share", Bounds.Between(0, 1), " (the share of cases whose judge asks to convert them to ordinary procedure)");
        var approvalShare = ReadRequiredNumber(m, "approval_share", Bounds.Between(0, 1), " (the share of conversion requests approved)");
        var approver = ReadEnum(m, "approver", RoleCatalog.DivisionHead, ApproverNames);
        var limitDays = ReadRequiredNumber(m, "limit_days", Bounds.Above(0), " (the ordinary procedure's statutory limit, counted from filing)");
        if (!caseType.Has("time_limit_days"))
        {
            Error(caseType.KeyNode("conversion")!, path, "a conversion to ordinary procedure re-sets the statutory limit: the case type needs 'time_limit_days'");
        }
        return share is { } s && approvalShare is { } a && limitDays is { } d ? new ProcedureConversion(s, a, approver, d) : null;
    }

    /// <summary>A node as read: its id (null when missing or refused), its stage's position (-1 when unknown).</summary>
    private sealed record NodeRead(string? Id, int StageIndex, string? From, MappingReader Mapping);
}
