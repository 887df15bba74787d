using System.Diagnostics;
using System.Net;
using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Grains;

namespace Docket.Server.Tests;

/// <summary>Prometheus metrics at /metrics (anonymous), filing and assignment spans, and the Orleans Dashboard behind the API's authentication.</summary>
[Collection(ApiCollection.Name)]
public sealed class TelemetryTests(ApiFixture fixture)
{
    [Fact]
    public async Task Metrics_are_served_anonymously_with_docket_and_aspnetcore_series_after_a_filing()
    {
        await fixture.Factory.ClientFor(TestUsers.Registrar).FileAsync("simple_civil");
        var anonymous = fixture.Factory.CreateClient();
        // The exporter caches a scrape for a moment; the filing's counter appears within a few scrapes.
        var text = "";
        for (var i = 0; i < 50; i++)
        {
            var response = await anonymous.GetAsync(new Uri("/metrics", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            text = await response.Content.ReadAsStringAsync();
            if (text.Contains("docket_cases_filed_total{", StringComparison.Ordinal)
                && text.Contains("http_server_request_duration_seconds_bucket{", StringComparison.Ordinal))
            {
                break;
            }
            await Task.Delay(200);
        }
        Assert.Contains("docket_cases_filed_total{", text, StringComparison.Ordinal);
        Assert.Contains("case_type=\"simple_civil\"", text, StringComparison.Ordinal);
        Assert.Contains("court=\"live\"", text, StringComparison.Ordinal);
        Assert.Contains("docket_cases_assigned_total{", text, StringComparison.Ordinal);
        Assert.Contains("docket_cases_pending{", text, StringComparison.Ordinal);
        Assert.Contains("docket_assignment_duration_seconds_bucket{", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds_bucket{", text, StringComparison.Ordinal);
        Assert.Contains("orleans_", text, StringComparison.Ordinal);
        Assert.Contains("dotnet_gc_collections_total", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closing_a_case_counts_it_closed_by_team_kind_and_type()
    {
        await FileAndCloseASimpleCivilCaseAsync();
        var text = "";
        for (var i = 0; i < 50 && !text.Contains("docket_cases_closed_total{", StringComparison.Ordinal); i++)
        {
            text = await fixture.Factory.CreateClient().GetStringAsync(new Uri("/metrics", UriKind.Relative));
            await Task.Delay(200);
        }
        var closed = text.Split('\n').Where(l => l.StartsWith("docket_cases_closed_total{", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(closed);
        Assert.Contains(closed, l => l.Contains("case_type=\"simple_civil\"", StringComparison.Ordinal) && l.Contains("court=\"live\"", StringComparison.Ordinal)
            && !l.Contains("team_kind=\"none\"", StringComparison.Ordinal));
    }

    /// <summary>
    /// The court records its KPI gauges on a grain timer (Docket:Metrics:KpiIntervalSeconds, 5 s by default) and
    /// whenever its KPIs are computed. The test scenario has no quotas, so no quota attainment is recorded.
    /// </summary>
    [Fact]
    public async Task A_court_records_its_kpi_gauges_after_a_filing_and_a_closure()
    {
        await FileAndCloseASimpleCivilCaseAsync();
        string[] gauges =
        [
            "docket_cases_long_pending{", "docket_cases_locked{", "docket_balance_index{", "docket_cases_overdue{", "docket_cases_waiting{",
            "docket_cases_waiting_age_days{", "docket_caseload_gini{", "docket_team_pending_work{",
        ];
        var lines = new List<string>();
        for (var i = 0; i < 100; i++)
        {
            var text = await fixture.Factory.CreateClient().GetStringAsync(new Uri("/metrics", UriKind.Relative));
            lines = [.. text.Split('\n').Where(l => l.StartsWith("docket_", StringComparison.Ordinal))];
            if (gauges.All(g => lines.Any(l => l.StartsWith(g, StringComparison.Ordinal) && l.Contains("court=\"live\"", StringComparison.Ordinal))))
            {
                break;
            }
            await Task.Delay(200);
        }
        foreach (var gauge in gauges)
        {
            Assert.Contains(lines, l => l.StartsWith(gauge, StringComparison.Ordinal) && l.Contains("court=\"live\"", StringComparison.Ordinal));
        }
        Assert.DoesNotContain(lines, l => l.StartsWith("docket_quota_attainment", StringComparison.Ordinal));
    }

    /// <summary>
    /// Each ledger append's time to durability is a histogram by store: after one filing on SQLite (group commit,
    /// synchronous normal) the sqlite series has counted the genesis entry and the filing's append.
    /// </summary>
    [Fact]
    public async Task A_filing_times_its_durable_ledger_append_by_store()
    {
        var data = Directory.CreateTempSubdirectory("docket-append-");
        try
        {
            await using var factory = new DocketFactory(data.FullName);
            await factory.ClientFor(TestUsers.Registrar).FileAsync("simple_civil");
            long count = 0;
            var lines = new List<string>();
            for (var i = 0; i < 50 && count < 2; i++)
            {
                var text = await factory.CreateClient().GetStringAsync(new Uri("/metrics", UriKind.Relative));
                lines = [.. text.Split('\n').Where(l => l.StartsWith("docket_ledger_append_duration_seconds", StringComparison.Ordinal))];
                count = lines.Where(l => l.StartsWith("docket_ledger_append_duration_seconds_count{", StringComparison.Ordinal) && l.Contains("store=\"sqlite\"", StringComparison.Ordinal))
                    .Select(l => long.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture)).Sum();
                await Task.Delay(200);
            }
            Assert.True(count >= 2, $"docket_ledger_append_duration_seconds_count{{store=\"sqlite\"}} is {count}, not the genesis append and the filing's:\n{string.Join('\n', lines)}");
            Assert.Contains(lines, l => l.StartsWith("docket_ledger_append_duration_seconds_bucket{", StringComparison.Ordinal) && l.Contains("le=\"0.001\"", StringComparison.Ordinal));
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Filing_and_assignment_make_spans_on_the_Docket_source()
    {
        var spans = new List<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == LiveTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                lock (spans)
                {
                    spans.Add(a.OperationName);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await fixture.Factory.ClientFor(TestUsers.Registrar).FileAsync("simple_civil");
        lock (spans)
        {
            Assert.Contains("docket.file", spans);
            Assert.Contains("docket.assign", spans);
        }
    }

    [Fact]
    public async Task The_Orleans_dashboard_needs_credentials_and_the_admin_role()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Factory.CreateClient().GetAsync(new Uri("/dashboard", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Factory.ClientFor(TestUsers.Registrar).GetAsync(new Uri("/dashboard", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Factory.ClientFor(TestUsers.Admin).GetAsync(new Uri("/dashboard", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Factory.ClientFor(TestUsers.Auditor).GetAsync(new Uri("/dashboard", UriKind.Relative))).StatusCode);
    }

    /// <summary>A bad exporter configuration or an unreachable collector never stops a filing (its assignment).</summary>
    [Theory]
    [InlineData("not a url", null)]
    [InlineData("http://127.0.0.1:1", null)]
    [InlineData("http://127.0.0.1:1", "http/protobuf")]
    [InlineData("http://127.0.0.1:1", "carrier-pigeon")]
    public async Task A_misconfigured_or_unreachable_trace_exporter_does_not_stop_assignment(string endpoint, string? protocol)
    {
        var settings = new Dictionary<string, string?> { ["Docket:Tracing:Otlp:Endpoint"] = endpoint };
        if (protocol is not null)
        {
            settings["Docket:Tracing:Otlp:Protocol"] = protocol;
        }
        await using var factory = new DocketFactory(settings: settings);
        var registrar = factory.ClientFor(TestUsers.Registrar);
        for (var i = 0; i < 3; i++)
        {
            var filed = await registrar.FileAsync("simple_civil");
            Assert.StartsWith("live-", filed.Str("id"), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode);
    }

    /// <summary>Files simple civil cases until one goes to a civil team whose judge the tests know, then closes it.</summary>
    private async Task FileAndCloseASimpleCivilCaseAsync()
    {
        var registrar = fixture.Factory.ClientFor(TestUsers.Registrar);
        string? id = null;
        HttpClient? judge = null;
        for (var i = 0; i < 50 && judge is null; i++)
        {
            var filed = await registrar.FileAsync("simple_civil");
            var key = filed.Str("team") switch { "civil-1" => TestUsers.JudgeCivil1, "civil-2" => TestUsers.JudgeCivil2, _ => null };
            if (key is not null)
            {
                (id, judge) = (filed.Str("id"), fixture.Factory.ClientFor(key));
            }
        }
        Assert.NotNull(judge);
        foreach (var node in new[] { "served", "hearing_scheduled", "hearing", "judgment" })
        {
            var (status, body, _) = await judge.PostJsonAsync($"/api/cases/{id}/events", new { node });
            Assert.True(status == HttpStatusCode.OK, $"{node}: {status} {body}");
        }
    }
}
