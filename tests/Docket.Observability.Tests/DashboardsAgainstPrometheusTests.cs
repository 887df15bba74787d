using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace Docket.Observability.Tests;

/// <summary>
/// The real check of the dashboards: a simulation run serving /metrics, the live server (memory storage, the
/// server tests' court) serving /metrics while filings are driven over its API, a real Prometheus (Debian's
/// <c>prometheus</c>) scraping both every second with a configuration derived from grafana/prometheus.yml, and every
/// panel query of every dashboard evaluated through Prometheus's HTTP API. A query that does not parse fails; a
/// query that returns no series fails. Panels marked live-server-only (description starting with "[server]" or the
/// dashboard tag "server-only") are evaluated against the server; the others against the simulation run. The same
/// Prometheus loads grafana/alerts.yml: every rule must evaluate with health "ok" and the backlog alert go pending
/// for the server's court; and the server's counters must be served at 0 before their first event.
/// </summary>
public sealed class DashboardsAgainstPrometheusTests(CliBuild cli, ITestOutputHelper output) : IClassFixture<CliBuild>
{
    /// <summary>Yancheng's node control has warnings at every level, locks and unlocks; the balance index and the
    /// long-pending count are recorded when a replication ends, so many replications keep the run going long after
    /// the first has ended (16 took only 3 s on a quiet machine, before Prometheus had scraped). The run is stopped
    /// as soon as every query has answered, so a long run costs nothing when all goes well.</summary>
    private const string Scenario = "scenarios/yancheng-nodes.yaml";
    private const int Replications = 400;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan ServerDeadline = TimeSpan.FromSeconds(45);

    /// <summary>The live server's court (the server tests' scenario: court "live") and a registrar's API key given
    /// on its command line.</summary>
    private static readonly string LiveScenario = Path.Combine(Repo.Root, "tests", "Docket.Server.Tests", "Scenarios", "live-court.yaml");
    private const string RegistrarKey = "k-observability-registrar";
    private static readonly string ServerDll = Path.Combine(Repo.Root, "src", "Docket.Server", "bin", "Release", "net10.0", "Docket.Server.dll");

    /// <summary>Metrics only the live server exports that a [server] panel must query (and so this test evaluates).</summary>
    private static readonly string[] ServerPanelMetrics =
    [
        "docket_cases_locked", "docket_cases_overdue", "docket_cases_waiting", "docket_cases_waiting_age_days",
        "docket_caseload_gini", "docket_team_pending_work", "docket_ledger_append_duration_seconds_bucket",
    ];

    [Fact]
    public async Task Every_panel_query_returns_series_and_every_alert_rule_evaluates_against_a_simulation_run_and_the_live_server()
    {
        var prometheus = Repo.OnPath("prometheus");
        Assert.True(prometheus is not null,
            "`prometheus` is not on PATH: install it (Debian: apt-get install -y prometheus). This test checks every dashboard query against a real Prometheus and does not skip.");

        var queries = DashboardQueries.All();
        Assert.NotEmpty(queries);
        // The court's KPI gauges each have a live-server panel, so the run below evaluates them against the server.
        Assert.All(ServerPanelMetrics, m => Assert.True(queries.Any(q => q.ServerOnly && q.Expr.Contains(m + "{", StringComparison.Ordinal)),
            $"no [server] panel queries {m}"));
        var temp = Directory.CreateTempSubdirectory("docket-observability-");
        var metricsPort = Repo.FreePort();
        var serverPort = Repo.FreePort();
        var prometheusPort = Repo.FreePort();
        Assert.True(File.Exists(ServerDll), $"{ServerDll} is missing: build the solution (or src/Docket.Server) in Release first");
        var watch = Stopwatch.StartNew();
        try
        {
            var config = Path.Combine(temp.FullName, "prometheus.yml");
            await File.WriteAllTextAsync(config, DerivedConfig(metricsPort, serverPort));

            using var simulation = new ChildProcess("dotnet",
                [cli.Dll, "simulate", Scenario, "--replications", Replications.ToString(CultureInfo.InvariantCulture),
                 "--metrics-port", metricsPort.ToString(CultureInfo.InvariantCulture), "--out", Path.Combine(temp.FullName, "out")],
                Repo.Root);
            using var server = new ChildProcess(prometheus!,
                [$"--config.file={config}", $"--storage.tsdb.path={Path.Combine(temp.FullName, "tsdb")}",
                 $"--web.listen-address=127.0.0.1:{prometheusPort}", "--log.level=warn"],
                temp.FullName);
            using var live = new ChildProcess("dotnet",
                [ServerDll, "--scenario", LiveScenario, "--urls", $"http://127.0.0.1:{serverPort}", "--storage", "memory",
                 "--Logging:LogLevel:Default=Warning",
                 "--Docket:Auth:Users:0:Name=registrar", "--Docket:Auth:Users:0:Role=registrar",
                 "--Docket:Auth:Users:0:Court=live", $"--Docket:Auth:Users:0:ApiKeys:0={RegistrarKey}"],
                Repo.Root);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{prometheusPort}/"), Timeout = TimeSpan.FromSeconds(10) };
            using var api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{serverPort}/"), Timeout = TimeSpan.FromSeconds(10) };
            api.DefaultRequestHeaders.Add("X-Api-Key", RegistrarKey);
            using var stopFiling = new CancellationTokenSource();
            var filing = Task.CompletedTask;

            await WaitUntil(async () => (await TryGet(http, "-/ready"))?.IsSuccessStatusCode == true, "Prometheus ready", server, simulation);
            await WaitUntil(async () => (await Query(http, "up{job=\"docket-simulation\"} == 1", null)).Series > 0, "a scrape of the simulation", server, simulation);
            output.WriteLine($"Prometheus scraping the simulation after {watch.Elapsed.TotalSeconds:F1} s");
            await WaitUntil(async () => (await TryGet(api, "health"))?.IsSuccessStatusCode == true, "the server's health", live);
            filing = FileContinuously(api, stopFiling.Token);

            // Evaluate everything at one instant per round until every simulation query has series, the run ends
            // (its series then go stale), or the deadline passes; report the round with the fewest empty queries.
            List<string>? best = null;
            var rounds = 0;
            while (true)
            {
                var exited = simulation.HasExited;
                var at = DateTimeOffset.UtcNow;
                var failures = new List<string>();
                foreach (var q in queries.Where(q => !q.ServerOnly))
                {
                    var r = await Query(http, q.Expanded, at);
                    if (r.Error is not null)
                    {
                        failures.Add($"INVALID {q}\n    {r.Error}");
                    }
                    else if (r.Series == 0)
                    {
                        failures.Add($"EMPTY   {q}");
                    }
                }
                rounds++;
                if (best is null || failures.Count < best.Count)
                {
                    best = failures;
                }
                if (failures.Count == 0 || exited || watch.Elapsed > Deadline || failures.Any(f => f.StartsWith("INVALID", StringComparison.Ordinal)))
                {
                    break;
                }
                await Task.Delay(1000);
            }
            output.WriteLine($"{rounds} rounds of {queries.Count(q => !q.ServerOnly)} simulation queries, {watch.Elapsed.TotalSeconds:F1} s");

            // Live-server-only panels, against the server (filings keep coming, so rates have something to show).
            await WaitUntil(async () => (await Query(http, "up{job=\"docket-server\"} == 1", null)).Series > 0, "a scrape of the server", server, live);
            List<string>? serverFailures = null;
            var serverDeadline = watch.Elapsed + ServerDeadline;
            while (true)
            {
                var failures = new List<string>();
                foreach (var q in queries.Where(q => q.ServerOnly))
                {
                    var r = await Query(http, q.Expanded, null);
                    if (r.Error is not null)
                    {
                        failures.Add($"INVALID {q}\n    {r.Error}");
                    }
                    else if (r.Series == 0)
                    {
                        failures.Add($"EMPTY   {q}");
                    }
                }
                if (serverFailures is null || failures.Count < serverFailures.Count)
                {
                    serverFailures = failures;
                }
                if (failures.Count == 0 || live.HasExited || watch.Elapsed > serverDeadline || failures.Any(f => f.StartsWith("INVALID", StringComparison.Ordinal)))
                {
                    break;
                }
                await Task.Delay(1000);
            }
            output.WriteLine($"{queries.Count(q => q.ServerOnly)} server queries, {watch.Elapsed.TotalSeconds:F1} s");

            // The alert rules: every rule evaluates without error, and the backlog alert goes pending for the live
            // court (filings every 100 ms, nothing closed: its pending cases only grow). And counters of events that
            // never happen here (closures, unlocks, discipline referrals) are served at 0 from the start.
            var alertFailures = new List<string>();
            var alertDeadline = watch.Elapsed + ServerDeadline;
            while (true)
            {
                alertFailures = [.. await AlertFailures(http), .. await ZeroCounterFailures(http)];
                if (alertFailures.Count == 0 || live.HasExited || watch.Elapsed > alertDeadline)
                {
                    break;
                }
                await Task.Delay(1000);
            }
            output.WriteLine($"alert rules, {watch.Elapsed.TotalSeconds:F1} s");
            await stopFiling.CancelAsync();
            await filing;

            var all = best!.Concat(serverFailures).Concat(alertFailures).ToList();
            Assert.True(all.Count == 0,
                $"{all.Count} dashboard queries failed against Prometheus scraping `docket simulate {Scenario}` and the live server:\n"
                + string.Join('\n', all)
                + $"\n\n{simulation.Describe()}\n{live.Describe()}\n{server.Describe()}");
        }
        finally
        {
            try
            {
                temp.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Prometheus may still hold its WAL for a moment; the directory is in /tmp.
            }
        }
    }

    [Fact]
    public void The_prometheus_configuration_is_derived_with_the_test_ports_a_one_second_interval_and_the_alert_rules()
    {
        var config = DerivedConfig(41_001, 41_002);
        Assert.Contains("\"127.0.0.1:41001\"", config, StringComparison.Ordinal);
        Assert.Contains("\"127.0.0.1:41002\"", config, StringComparison.Ordinal);
        Assert.Contains("scrape_interval: 1s", config, StringComparison.Ordinal);
        Assert.Contains("job_name: docket-simulation", config, StringComparison.Ordinal);
        Assert.Contains("job_name: docket-server", config, StringComparison.Ordinal);
        Assert.Contains($"  - {Path.Combine(Repo.Grafana, "alerts.yml")}\n", config, StringComparison.Ordinal);
    }

    /// <summary>grafana/prometheus.yml with the simulation target on <paramref name="simulationPort"/>, the server
    /// target on <paramref name="serverPort"/> and one-second scrapes.</summary>
    private static string DerivedConfig(int simulationPort, int serverPort)
    {
        var text = File.ReadAllText(Path.Combine(Repo.Grafana, "prometheus.yml"));
        string Replace(string s, string from, string to)
        {
            Assert.True(s.Contains(from, StringComparison.Ordinal), $"grafana/prometheus.yml no longer contains {from}; update this test with it");
            return s.Replace(from, to, StringComparison.Ordinal);
        }
        text = Replace(text, "\"127.0.0.1:9464\"", $"\"127.0.0.1:{simulationPort}\"");
        text = Replace(text, "\"127.0.0.1:8080\"", $"\"127.0.0.1:{serverPort}\"");
        text = Replace(text, "scrape_interval: 5s", "scrape_interval: 1s");
        text = Replace(text, "  - alerts.yml\n", $"  - {Path.Combine(Repo.Grafana, "alerts.yml")}\n");
        return Replace(text, "evaluation_interval: 5s", "evaluation_interval: 1s");
    }

    /// <summary>What is wrong with the alert rules as Prometheus evaluates them: every rule of alerts.yml loaded
    /// with health "ok", and <c>DocketBacklogGrowing</c> pending or firing for court <c>live</c>.</summary>
    private static async Task<List<string>> AlertFailures(HttpClient http)
    {
        var failures = new List<string>();
        using var rulesResponse = await TryGet(http, "api/v1/rules?type=alert");
        if (rulesResponse is null)
        {
            return ["ALERTS  Prometheus did not answer /api/v1/rules"];
        }
        using var rules = JsonDocument.Parse(await rulesResponse.Content.ReadAsStringAsync());
        var loaded = new List<string>();
        foreach (var group in rules.RootElement.GetProperty("data").GetProperty("groups").EnumerateArray())
        {
            foreach (var rule in group.GetProperty("rules").EnumerateArray())
            {
                var name = rule.GetProperty("name").GetString()!;
                loaded.Add(name);
                var health = rule.GetProperty("health").GetString();
                if (health != "ok")
                {
                    var error = rule.TryGetProperty("lastError", out var e) ? e.GetString() : "";
                    failures.Add($"ALERTS  rule {name}: health {health} {error}");
                }
            }
        }
        foreach (var missing in AlertRulesTests.Alerts.Except(loaded))
        {
            failures.Add($"ALERTS  rule {missing} not loaded by Prometheus");
        }
        using var alertsResponse = await TryGet(http, "api/v1/alerts");
        if (alertsResponse is null)
        {
            return [.. failures, "ALERTS  Prometheus did not answer /api/v1/alerts"];
        }
        using var alerts = JsonDocument.Parse(await alertsResponse.Content.ReadAsStringAsync());
        var backlog = alerts.RootElement.GetProperty("data").GetProperty("alerts").EnumerateArray()
            .Any(a => a.GetProperty("labels") is var l
                && l.GetProperty("alertname").GetString() == "DocketBacklogGrowing"
                && l.TryGetProperty("court", out var court) && court.GetString() == "live"
                && a.GetProperty("state").GetString() is "pending" or "firing");
        if (!backlog)
        {
            failures.Add($"ALERTS  DocketBacklogGrowing is neither pending nor firing for court live: {alerts.RootElement.GetProperty("data")}");
        }
        return failures;
    }

    /// <summary>Counters whose events the test never causes, each expected as a series at 0 for court live.</summary>
    private static async Task<List<string>> ZeroCounterFailures(HttpClient http)
    {
        string[] zeros =
        [
            "docket_cases_closed_total{job=\"docket-server\",court=\"live\",team_kind=\"fast_track\",case_type=\"simple_civil\"} == 0",
            "docket_unlocks_total{job=\"docket-server\",court=\"live\"} == 0",
            "docket_deadline_warnings_total{job=\"docket-server\",court=\"live\",level=\"discipline\"} == 0",
        ];
        var failures = new List<string>();
        foreach (var query in zeros)
        {
            var r = await Query(http, query, null);
            if (r.Error is not null || r.Series == 0)
            {
                failures.Add($"ZERO    {query}: {r.Error ?? "no series at 0"}");
            }
        }
        return failures;
    }

    /// <summary>Files a case every 100 ms until cancelled; a failed filing is the server's log's business, not
    /// this loop's (the panels then come out empty and the test says so).</summary>
    private static async Task FileContinuously(HttpClient api, CancellationToken cancel)
    {
        var types = new[] { "simple_civil", "criminal" };
        for (var i = 0; !cancel.IsCancellationRequested; i++)
        {
            try
            {
                using var body = new StringContent($"{{\"type\":\"{types[i % types.Length]}\"}}", Encoding.UTF8, "application/json");
                using var response = await api.PostAsync(new Uri("api/courts/live/cases", UriKind.Relative), body, cancel);
                await Task.Delay(100, cancel);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (HttpRequestException)
            {
                // The server went away: the server queries report it.
            }
        }
    }

    private static async Task WaitUntil(Func<Task<bool>> condition, string what, params ChildProcess[] processes)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(45);
        while (DateTime.UtcNow < until)
        {
            if (await condition())
            {
                return;
            }
            if (processes.FirstOrDefault(p => p.HasExited) is { } gone)
            {
                Assert.Fail($"waiting for {what}: a process exited\n{string.Join('\n', processes.Select(p => p.Describe()))}");
            }
            await Task.Delay(250);
        }
        Assert.Fail($"timed out waiting for {what}\n{string.Join('\n', processes.Select(p => p.Describe()))}");
    }

    private static async Task<HttpResponseMessage?> TryGet(HttpClient http, string path)
    {
        try
        {
            return await http.GetAsync(new Uri(path, UriKind.Relative));
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>An instant query: the number of series, or Prometheus's error (a query that does not parse or
    /// cannot be evaluated).</summary>
    private static async Task<(int Series, string? Error)> Query(HttpClient http, string promql, DateTimeOffset? at)
    {
        var url = new StringBuilder("api/v1/query?query=").Append(Uri.EscapeDataString(promql));
        if (at is { } t)
        {
            url.Append("&time=").Append((t.ToUnixTimeMilliseconds() / 1000.0).ToString("F3", CultureInfo.InvariantCulture));
        }
        using var response = await TryGet(http, url.ToString());
        if (response is null)
        {
            return (0, "Prometheus did not answer");
        }
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;
        if (root.GetProperty("status").GetString() != "success")
        {
            return (0, $"{root.GetProperty("errorType").GetString()}: {root.GetProperty("error").GetString()}");
        }
        var data = root.GetProperty("data");
        return data.GetProperty("resultType").GetString() switch
        {
            "vector" or "matrix" => (data.GetProperty("result").GetArrayLength(), null),
            _ => (1, null), // scalar or string
        };
    }
}
