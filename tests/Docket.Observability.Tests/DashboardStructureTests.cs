using System.Text.Json;

namespace Docket.Observability.Tests;

/// <summary>What Grafana's provisioning needs of the dashboard files, and the low-cardinality rule for queries.</summary>
public sealed class DashboardStructureTests
{
    private static readonly string[] Expected = ["docket-court-operations", "docket-team-balance", "docket-deadlines", "docket-orleans", "docket-server"];

    [Fact]
    public void The_dashboards_exist_with_unique_uids_schema_39_and_the_docket_prometheus_datasource()
    {
        var uids = new List<string>();
        foreach (var file in DashboardQueries.Files())
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            var root = doc.RootElement;
            uids.Add(root.GetProperty("uid").GetString()!);
            Assert.True(root.GetProperty("schemaVersion").GetInt32() >= 39, $"{file}: schemaVersion below 39");
            Assert.False(root.TryGetProperty("id", out var id) && id.ValueKind != JsonValueKind.Null, $"{file}: a provisioned dashboard has no id");
            var panels = DashboardQueries.Panels(root).ToList();
            Assert.NotEmpty(panels);
            foreach (var panel in panels)
            {
                var title = panel.GetProperty("title").GetString();
                Assert.Equal("docket-prometheus", panel.GetProperty("datasource").GetProperty("uid").GetString());
                var targets = panel.GetProperty("targets").EnumerateArray().ToList();
                Assert.True(targets.Count > 0, $"{file} / {title}: no query");
                Assert.All(targets, t => Assert.Equal("docket-prometheus", t.GetProperty("datasource").GetProperty("uid").GetString()));
            }
        }
        Assert.Equal(uids.Count, uids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(Expected, uid => Assert.Contains(uid, uids));
    }

    [Fact]
    public void Every_query_expands_to_plain_promql_and_never_groups_by_a_high_cardinality_label()
    {
        foreach (var q in DashboardQueries.All())
        {
            Assert.False(DashboardQueries.HasVariable(q.Expanded), $"a Grafana variable is left in {q}");
            foreach (var label in new[] { "case_id", "case_no", "judge", "team_id", "instance" })
            {
                Assert.DoesNotContain($"by ({label}", q.Expr, StringComparison.Ordinal);
                Assert.DoesNotContain($", {label})", q.Expr, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Only_the_live_server_dashboard_is_server_only()
    {
        var serverOnly = DashboardQueries.All().Where(q => q.ServerOnly).Select(q => q.Dashboard).Distinct().ToList();
        Assert.Equal(["Docket / Live server"], serverOnly);
    }

    [Fact]
    public void The_provisioning_files_name_the_datasource_uid_and_the_dashboards_folder()
    {
        var datasource = File.ReadAllText(Path.Combine(Repo.Grafana, "provisioning", "datasources", "prometheus.yaml"));
        Assert.Contains("uid: docket-prometheus", datasource, StringComparison.Ordinal);
        Assert.Contains("url: http://127.0.0.1:9090", datasource, StringComparison.Ordinal);
        var dashboards = File.ReadAllText(Path.Combine(Repo.Grafana, "provisioning", "dashboards", "docket.yaml"));
        Assert.Contains("type: file", dashboards, StringComparison.Ordinal);
        Assert.Contains("${DOCKET_DASHBOARDS}", dashboards, StringComparison.Ordinal);
    }
}
