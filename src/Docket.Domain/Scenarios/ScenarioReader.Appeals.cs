using Docket.Domain.Appeals;
using YamlDotNet.RepresentationModel;

namespace Docket.Domain.Scenarios;

/// <summary>Appeals between court levels (<c>courts[].appeals</c>) and the checks across courts.</summary>
internal sealed partial class ScenarioReader
{
    internal static readonly string[] AppealKeys = ["to", "transfer_days", "types"];

    internal static readonly string[] TransferKeys = ["up", "back"];

    internal static readonly string[] AppealRouteKeys = ["type", "share", "appeal_type"];

    private sealed record AppealRead(MappingReader Mapping, string? To, double UpDays, double BackDays, List<RouteRead> Routes);

    private sealed record RouteRead(MappingReader Mapping, string Type, double Share, string AppealType);

    private AppealRead? ReadAppeals(YamlNode node, string path)
    {
        var m = MappingReader.Open(node, path, _diagnostics,
            "{ to: intermediate, transfer_days: { up: 15, back: 10 }, types: [ { type: civil, share: 0.1, appeal_type: civil_appeal } ] }");
        if (m is null)
        {
            return null;
        }
        m.RejectUnknown(AppealKeys);
        var to = ReadRequiredString(m, "to");
        double? up = null, back = null;
        if (m.Value("transfer_days") is not { } transferNode)
        {
            Missing(m, "transfer_days", " ({ up: DAYS, back: DAYS }: how long an appealed case's file takes to the court above and back)");
        }
        else if (MappingReader.Open(transferNode, m.PathOf("transfer_days"), _diagnostics, "{ up: 15, back: 10 }") is { } transfer)
        {
            transfer.RejectUnknown(TransferKeys);
            up = ReadRequiredNumber(transfer, "up", Bounds.Above(0));
            back = ReadRequiredNumber(transfer, "back", Bounds.Above(0));
        }
        var routes = new List<RouteRead>();
        var list = ReadList(m, "types", required: true, " (the case types appealed, each { type, share, appeal_type })");
        if (list is not null && list.Children.Count == 0)
        {
            Error(list, m.PathOf("types"), "must name at least one case type");
        }
        var seen = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        for (var i = 0; list is not null && i < list.Children.Count; i++)
        {
            var itemPath = ScenarioPaths.Index(m.PathOf("types"), i);
            var r = MappingReader.Open(list.Children[i], itemPath, _diagnostics, "{ type: civil, share: 0.1, appeal_type: civil_appeal }");
            if (r is null)
            {
                continue;
            }
            r.RejectUnknown(AppealRouteKeys);
            var type = ReadRequiredString(r, "type");
            var typeKnown = type is not null && CheckTypeKnown(r.Value("type")!, r.PathOf("type"), type);
            if (typeKnown && !seen.TryAdd(type!, r.Value("type")!))
            {
                Error(r.Value("type")!, r.PathOf("type"), $"'{type}' is listed twice (first at line {seen[type!].Start.Line})");
                typeKnown = false;
            }
            var share = ReadRequiredNumber(r, "share", Bounds.Between(0, 1));
            var appealType = ReadRequiredString(r, "appeal_type");
            var appealKnown = appealType is not null && CheckTypeKnown(r.Value("appeal_type")!, r.PathOf("appeal_type"), appealType);
            if (typeKnown && appealKnown && share is { } s)
            {
                routes.Add(new RouteRead(r, type!, s, appealType!));
            }
        }
        return new AppealRead(m, to, up ?? 1, back ?? 1, routes);
    }

    /// <summary>
    /// Each court's appeals go to another court of the scenario, which has a team for every appeal type sent to it;
    /// each appealed type reaches the court appealing it; and the courts above form a hierarchy (no court is above
    /// itself).
    /// </summary>
    private void CheckAppeals(List<CourtSpec> courts, Dictionary<int, AppealRead> appeals)
    {
        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < courts.Count; i++)
        {
            byId.TryAdd(courts[i].Id, i);
        }
        var above = new Dictionary<int, int>();
        foreach (var (index, read) in appeals)
        {
            var court = courts[index];
            var toPath = read.Mapping.PathOf("to");
            if (read.To is null)
            {
                continue;
            }
            if (!byId.TryGetValue(read.To, out var upper))
            {
                Error(read.Mapping.Value("to")!, toPath,
                    $"'{read.To}' is not a court of the scenario, so court '{court.Id}' has no court above to appeal to (courts: {Names(courts.Select(c => c.Id))})");
                continue;
            }
            if (upper == index)
            {
                Error(read.Mapping.Value("to")!, toPath, $"court '{court.Id}' cannot appeal to itself: name the court above");
                continue;
            }
            above[index] = upper;
            var reaching = new HashSet<string>(court.Intake.SelectMany(s => s.Mix).Select(t => t.Type).Concat(court.Backlog.Select(b => b.Type)), StringComparer.Ordinal);
            var known = new HashSet<string>(courts[upper].Teams.SelectMany(t => t.Accepts), StringComparer.Ordinal);
            foreach (var route in read.Routes)
            {
                if (!reaching.Contains(route.Type))
                {
                    Error(route.Mapping.Value("type")!, route.Mapping.PathOf("type"),
                        $"case type '{route.Type}' is not filed in court '{court.Id}' (no intake or backlog of it), so none of it can be appealed");
                }
                if (!known.Contains(route.AppealType))
                {
                    Error(route.Mapping.Value("appeal_type")!, route.Mapping.PathOf("appeal_type"),
                        $"case type '{route.AppealType}' is not accepted by any team of court '{read.To}', the court above: it would hear none of these appeals");
                }
            }
        }
        foreach (var start in above.Keys.Order())
        {
            var chain = new List<int> { start };
            var at = start;
            while (above.TryGetValue(at, out var next))
            {
                if (next == start)
                {
                    var read = appeals[start];
                    Error(read.Mapping.Value("to")!, read.Mapping.PathOf("to"),
                        $"courts appeal in a circle ({string.Join(" → ", chain.Append(start).Select(c => courts[c].Id))}): the courts above must form a hierarchy");
                    break;
                }
                if (chain.Contains(next))
                {
                    break;
                }
                chain.Add(next);
                at = next;
            }
        }
    }

    private static AppealSpec ToSpec(AppealRead read) => new(
        read.To ?? "", read.UpDays, read.BackDays,
        [.. read.Routes.Select(r => new AppealRoute(r.Type, r.Share, r.AppealType))]);
}
