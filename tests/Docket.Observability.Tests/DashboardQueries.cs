using System.Text.Json;
using System.Text.RegularExpressions;

namespace Docket.Observability.Tests;

/// <summary>One panel target of a dashboard, with its PromQL as Grafana would send it once variables are
/// expanded (every template variable at its "All" value <c>.*</c>, <c>$__rate_interval</c> at 1m).</summary>
/// <param name="ServerOnly">The panel (or its whole dashboard) is marked as live-server-only: its description starts
/// with "[server]" or the dashboard has the tag "server-only". Such queries must parse but may be empty against a
/// simulation run.</param>
internal sealed record PanelQuery(string Dashboard, string Panel, string RefId, string Expr, string Expanded, bool ServerOnly)
{
    public override string ToString() => $"{Dashboard} / {Panel} / {RefId}: {Expanded}";
}

internal static partial class DashboardQueries
{
    public const string ServerMarker = "[server]";
    public const string ServerOnlyTag = "server-only";

    public static IEnumerable<string> Files() =>
        Directory.EnumerateFiles(Repo.Dashboards, "*.json").Order(StringComparer.Ordinal);

    public static IReadOnlyList<PanelQuery> All() => [.. Files().SelectMany(Read)];

    public static IEnumerable<PanelQuery> Read(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(file));
        var root = doc.RootElement;
        var title = root.GetProperty("title").GetString()!;
        var dashboardServerOnly = root.TryGetProperty("tags", out var tags)
            && tags.EnumerateArray().Any(t => t.GetString() == ServerOnlyTag);
        var variables = root.TryGetProperty("templating", out var templating)
            ? templating.GetProperty("list").EnumerateArray().Select(v => v.GetProperty("name").GetString()!).ToList()
            : [];
        var result = new List<PanelQuery>();
        foreach (var panel in Panels(root))
        {
            var panelTitle = panel.GetProperty("title").GetString()!;
            var description = panel.TryGetProperty("description", out var d) ? d.GetString() ?? "" : "";
            var serverOnly = dashboardServerOnly || description.StartsWith(ServerMarker, StringComparison.Ordinal);
            if (!panel.TryGetProperty("targets", out var targets))
            {
                continue;
            }
            foreach (var target in targets.EnumerateArray())
            {
                var expr = target.GetProperty("expr").GetString()!;
                result.Add(new PanelQuery(title, panelTitle, target.GetProperty("refId").GetString()!, expr, Expand(expr, variables), serverOnly));
            }
        }
        return result;
    }

    /// <summary>Every panel, rows' collapsed panels included.</summary>
    public static IEnumerable<JsonElement> Panels(JsonElement dashboard)
    {
        if (!dashboard.TryGetProperty("panels", out var panels))
        {
            yield break;
        }
        foreach (var panel in panels.EnumerateArray())
        {
            if (panel.GetProperty("type").GetString() == "row")
            {
                foreach (var inner in Panels(panel))
                {
                    yield return inner;
                }
                continue;
            }
            yield return panel;
        }
    }

    /// <summary>Grafana's built-in interval variables and the dashboard's own variables (at "All").</summary>
    public static string Expand(string expr, IEnumerable<string> variables)
    {
        var s = expr
            .Replace("${__rate_interval}", "1m", StringComparison.Ordinal)
            .Replace("$__rate_interval", "1m", StringComparison.Ordinal)
            .Replace("${__interval}", "5s", StringComparison.Ordinal)
            .Replace("$__interval", "5s", StringComparison.Ordinal)
            .Replace("${__range}", "1m", StringComparison.Ordinal)
            .Replace("$__range", "1m", StringComparison.Ordinal);
        foreach (var name in variables.OrderByDescending(n => n.Length))
        {
            s = s.Replace("${" + name + "}", ".*", StringComparison.Ordinal).Replace("$" + name, ".*", StringComparison.Ordinal);
        }
        return s;
    }

    /// <summary>A Grafana variable left unexpanded.</summary>
    public static bool HasVariable(string expanded) => VariablePattern().IsMatch(expanded);

    [GeneratedRegex(@"\$\{?[A-Za-z_]")]
    private static partial Regex VariablePattern();
}
