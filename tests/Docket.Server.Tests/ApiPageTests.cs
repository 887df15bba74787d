using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Docket.Server.Tests;

/// <summary>
/// The API page: the OpenAPI document's groups, security, headers, enums and examples; Scalar's options; and the
/// Orleans Dashboard (left out of the document) opened with HTTP Basic by an admin of every court.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ApiPageTests(ApiFixture fixture)
{
    private async Task<JsonElement> DocumentAsync()
    {
        var (status, body, _) = await fixture.Factory.CreateClient().GetJsonAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, status);
        return body;
    }

    private static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (p.Name, o.Name, o.Value)));

    [Fact]
    public async Task The_openapi_document_groups_every_operation_as_cases_courts_teams_audit_parties_or_health()
    {
        var document = await DocumentAsync();
        string[] groups = ["Cases", "Courts", "Teams", "Audit", "Parties", "Health"];
        Assert.Equal(groups, document.GetProperty("tags").EnumerateArray().Select(t => t.Str("name")));
        Assert.All(document.GetProperty("tags").EnumerateArray(), t => Assert.False(string.IsNullOrWhiteSpace(t.Str("description"))));
        foreach (var (path, method, operation) in Operations(document))
        {
            var tags = operation.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ToList();
            Assert.True(tags.Count == 1 && groups.Contains(tags[0]), $"{method} {path} is tagged {string.Join(", ", tags)}");
            Assert.False(string.IsNullOrWhiteSpace(operation.Str("summary")), $"{method} {path} has no summary");
        }
        Assert.Equal("Cases", Operations(document).Single(o => o.Path == "/api/courts/{court}/cases").Operation.GetProperty("tags")[0].GetString());
        Assert.Equal("Teams", Operations(document).Single(o => o.Path == "/api/teams/{team}/caseload").Operation.GetProperty("tags")[0].GetString());
        Assert.Equal("Health", Operations(document).Single(o => o.Path == "/health").Operation.GetProperty("tags")[0].GetString());
        Assert.Equal("Parties", Operations(document).Single(o => o.Path == "/api/public/cases/{id}").Operation.GetProperty("tags")[0].GetString());
    }

    [Fact]
    public async Task The_openapi_document_leaves_out_the_orleans_dashboard_and_the_metrics()
    {
        var paths = (await DocumentAsync()).GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.DoesNotContain(paths, p => p.StartsWith("/dashboard", StringComparison.Ordinal) || p.StartsWith("/metrics", StringComparison.Ordinal));
        Assert.All(paths, p => Assert.True(p == "/health" || p.StartsWith("/api/", StringComparison.Ordinal), p));
    }

    [Fact]
    public async Task The_document_has_the_absence_withdrawal_with_its_entry_seq_and_an_example_body()
    {
        var withdraw = Operations(await DocumentAsync()).Single(o => o.Path == "/api/teams/{team}/absences/{seq}/withdraw" && o.Method == "post").Operation;
        Assert.Equal("WithdrawAbsence", withdraw.Str("operationId"));
        Assert.Contains(withdraw.GetProperty("parameters").EnumerateArray(), p => p.Str("name") == "seq" && p.Str("in") == "path");
        Assert.Equal("back early", withdraw.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example").Str("reason"));
        Assert.True(withdraw.GetProperty("responses").TryGetProperty("409", out _));
    }

    [Fact]
    public async Task The_parties_routes_require_the_party_code_header_and_no_credentials()
    {
        foreach (var (path, method, operation) in Operations(await DocumentAsync()).Where(o => o.Path.StartsWith("/api/public/", StringComparison.Ordinal)))
        {
            Assert.Contains(operation.GetProperty("parameters").EnumerateArray(), p => p.Str("name") == "X-Party-Code" && p.Str("in") == "header" && p.GetProperty("required").GetBoolean());
            Assert.False(operation.TryGetProperty("security", out _), $"{method} {path}");
            Assert.True(operation.GetProperty("responses").TryGetProperty("429", out _), $"{method} {path}");
        }
        Assert.Equal(2, Operations(await DocumentAsync()).Count(o => o.Path.StartsWith("/api/public/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Only_anonymous_operations_go_without_a_security_requirement()
    {
        foreach (var (path, method, operation) in Operations(await DocumentAsync()))
        {
            var secured = operation.TryGetProperty("security", out var security) && security.GetArrayLength() > 0;
            var anonymous = path == "/health" || path.StartsWith("/api/public/", StringComparison.Ordinal);
            Assert.True(secured != anonymous, $"{method} {path}: security {(secured ? "required" : "absent")}");
        }
    }

    [Fact]
    public async Task Filing_documents_the_idempotency_key_header_and_an_example_of_the_running_scenario()
    {
        var document = await DocumentAsync();
        var filing = Operations(document).Single(o => o.Path == "/api/courts/{court}/cases" && o.Method == "post").Operation;
        var header = filing.GetProperty("parameters").EnumerateArray().Single(p => p.Str("name") == "Idempotency-Key");
        Assert.Equal("header", header.Str("in"));
        Assert.False(header.TryGetProperty("required", out var required) && required.GetBoolean());
        Assert.Equal(200, header.GetProperty("schema").GetProperty("maxLength").GetInt32());
        var example = filing.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example");
        Assert.Equal("simple_civil", example.Str("type"));
        var report = Operations(document).Single(o => o.Path == "/api/cases/{id}/events").Operation;
        Assert.Equal("served", report.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example").Str("node"));
    }

    [Fact]
    public async Task Case_types_are_an_enum_of_the_running_scenario_and_risk_an_enum_of_the_levels()
    {
        var schemas = (await DocumentAsync()).GetProperty("components").GetProperty("schemas");
        var filing = schemas.GetProperty("FileCaseRequest");
        var types = filing.GetProperty("properties").GetProperty("type").GetProperty("enum").EnumerateArray().Select(e => e.GetString()).ToList();
        var (_, courts, _) = await fixture.Factory.ClientFor(TestUsers.Clerk).GetJsonAsync("/api/courts");
        Assert.Equal(courts[0].GetProperty("case_types").EnumerateArray().Select(e => e.GetString()), types);
        Assert.Equal(["type"], filing.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        var risk = schemas.GetProperty("CaseFlags").GetProperty("properties").GetProperty("risk").GetProperty("enum").EnumerateArray().Select(e => e.GetString());
        Assert.Equal(["none", "ordinary", "larger", "major"], risk);
    }

    [Fact]
    public async Task Every_court_parameter_is_an_enum_of_the_running_scenarios_courts_and_a_warning_level_one_of_the_watchers()
    {
        var document = await DocumentAsync();
        var (_, courts, _) = await fixture.Factory.ClientFor(TestUsers.Clerk).GetJsonAsync("/api/courts");
        var ids = courts.EnumerateArray().Select(c => c.Str("id")).ToList();
        var courtParameters = Operations(document)
            .SelectMany(o => o.Operation.TryGetProperty("parameters", out var ps) ? ps.EnumerateArray().Where(p => p.Str("name") == "court") : [])
            .ToList();
        Assert.True(courtParameters.Count >= 8, $"{courtParameters.Count} court parameters");
        Assert.All(courtParameters, p =>
        {
            Assert.Equal(ids, p.GetProperty("schema").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(ids[0], p.Str("example"));
        });
        var warnings = Operations(document).Single(o => o.Path == "/api/courts/{court}/warnings").Operation;
        var level = warnings.GetProperty("parameters").EnumerateArray().Single(p => p.Str("name") == "level");
        Assert.Equal(Docket.Domain.Deadlines.WarningLevels.All.Select(Docket.Domain.Deadlines.WarningLevels.NameOf), level.GetProperty("schema").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task The_scalar_page_has_no_developer_tools_agent_mcp_or_telemetry()
    {
        var page = await fixture.Factory.CreateClient().GetStringAsync(new Uri("/scalar/v1", UriKind.Relative));
        Assert.Contains("\"showDeveloperTools\":\"never\"", page, StringComparison.Ordinal);
        Assert.Contains("\"agent\":{\"disabled\":true}", page, StringComparison.Ordinal);
        Assert.Contains("\"mcp\":{\"disabled\":true}", page, StringComparison.Ordinal);
        Assert.Contains("\"telemetry\":false", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_browser_opens_the_dashboard_with_http_basic_as_an_admin_of_every_court()
    {
        var anonymous = await fixture.Factory.CreateClient().GetAsync(new Uri("/dashboard/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains(anonymous.Headers.WwwAuthenticate, h => h.Scheme == "Basic");
        Assert.Equal(HttpStatusCode.OK, await BasicAsync("admin", TestUsers.Admin));
        Assert.Equal(HttpStatusCode.Unauthorized, await BasicAsync("registrar", TestUsers.Admin));
        Assert.Equal(HttpStatusCode.Unauthorized, await BasicAsync("admin", "not-a-key"));
    }

    [Fact]
    public async Task An_auditor_or_a_court_scoped_role_may_not_open_the_dashboard_which_shows_every_court()
    {
        // The dashboard cannot be scoped by court: even an auditor of every court, who reads every court's ledger,
        // does not see the cluster's grains, silos and calls.
        Assert.Equal(HttpStatusCode.Forbidden, await BasicAsync("auditor", TestUsers.Auditor));
        Assert.Equal(HttpStatusCode.Forbidden, await BasicAsync("president", TestUsers.President));
        Assert.Equal(HttpStatusCode.Forbidden, await BasicAsync("auditor-live", TestUsers.AuditorOfLive));
        Assert.Equal(HttpStatusCode.Forbidden,
            (await fixture.Factory.ClientFor(TestUsers.AuditorOfLive).GetAsync(new Uri("/dashboard/", UriKind.Relative))).StatusCode);
    }

    private async Task<HttpStatusCode> BasicAsync(string name, string key)
    {
        var client = fixture.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{name}:{key}")));
        return (await client.GetAsync(new Uri("/dashboard/", UriKind.Relative))).StatusCode;
    }
}
