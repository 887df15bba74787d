using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Docket.Observability.Tests;

/// <summary>
/// grafana/alerts.yml: valid for Prometheus (<c>promtool check rules</c>), every alert firing on the synthetic series
/// of grafana/alerts.test.yml and quiet on the healthy ones (<c>promtool test rules</c>), loaded by prometheus.yml, and
/// built only on metrics docs/metrics.md documents. Their evaluation against a running server is in
/// <see cref="DashboardsAgainstPrometheusTests"/>. Debian's <c>prometheus</c> package ships promtool; the tests fail,
/// not skip, without it.
/// </summary>
public sealed partial class AlertRulesTests
{
    public static readonly string[] Alerts =
    [
        "DocketBacklogGrowing", "DocketCasesPastTimeLimit", "DocketCasesPendingOverAYear", "DocketLocksRising",
        "DocketCasesOverdue", "DocketFilingP99OverTarget", "DocketServerErrors", "DocketSiloDown",
    ];

    private static readonly string RulesFile = Path.Combine(Repo.Grafana, "alerts.yml");

    [Fact]
    public void Promtool_accepts_the_alert_rules()
    {
        var (code, output) = Promtool("check", "rules", "grafana/alerts.yml");
        Assert.True(code == 0, output);
        Assert.Contains($"SUCCESS: {Alerts.Length} rules found", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_alert_fires_on_its_unit_test_series_and_stays_quiet_on_healthy_ones()
    {
        var (code, output) = Promtool("test", "rules", "grafana/alerts.test.yml");
        Assert.True(code == 0, output);
        var tests = File.ReadAllText(Path.Combine(Repo.Grafana, "alerts.test.yml"));
        foreach (var alert in Alerts)
        {
            Assert.Contains($"alertname: {alert}\n        exp_alerts:\n          - exp_labels", tests, StringComparison.Ordinal);
            Assert.Contains($"alertname: {alert}\n        exp_alerts: []", tests, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_rules_file_holds_exactly_the_documented_alerts()
    {
        var names = AlertName().Matches(File.ReadAllText(RulesFile)).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(Alerts, names);
        var readme = File.ReadAllText(Path.Combine(Repo.Grafana, "README.md"));
        Assert.All(Alerts, a => Assert.Contains($"`{a}`", readme, StringComparison.Ordinal));
    }

    [Fact]
    public void Prometheus_configuration_loads_the_alert_rules()
    {
        var config = File.ReadAllText(Path.Combine(Repo.Grafana, "prometheus.yml"));
        Assert.Contains("rule_files:\n  - alerts.yml\n", config, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_metric_an_alert_reads_is_documented_in_docs_metrics()
    {
        var metricsDoc = File.ReadAllText(Path.Combine(Repo.Root, "docs", "metrics.md"));
        var rules = File.ReadAllText(RulesFile);
        var metrics = SelectedMetric().Matches(rules)
            .Select(m => HistogramSeries().Replace(m.Groups[1].Value, ""))
            .Where(m => m != "up")
            .Distinct()
            .ToList();
        Assert.NotEmpty(metrics);
        Assert.All(metrics, m => Assert.Contains($"`{m}`", metricsDoc, StringComparison.Ordinal));
    }

    private static (int Code, string Output) Promtool(params string[] arguments)
    {
        var promtool = Repo.OnPath("promtool");
        Assert.True(promtool is not null,
            "`promtool` is not on PATH: install it (Debian: apt-get install -y prometheus, which ships promtool). This test checks the alert rules and does not skip.");
        var info = new ProcessStartInfo(promtool!)
        {
            WorkingDirectory = Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), "promtool did not finish in a minute");
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    [GeneratedRegex(@"- alert: (\w+)")]
    private static partial Regex AlertName();

    /// <summary>A metric selected with labels, e.g. <c>docket_cases_pending{job="docket-server"}</c>.</summary>
    [GeneratedRegex(@"\b([a-z_]+)\{")]
    private static partial Regex SelectedMetric();

    /// <summary>A histogram's series suffix: docs/metrics.md names the histogram.</summary>
    [GeneratedRegex("_(bucket|count|sum)$")]
    private static partial Regex HistogramSeries();
}
