using System.Net;
using System.Text;

namespace Docket.Server.Tests;

/// <summary>
/// The refusals made before a route's own code runs — a query or route value of the wrong type, a body that is not
/// JSON — are problem documents with a <c>detail</c>, naming the value in <c>errors</c> as the API's own checks do;
/// query values the API checks itself are 400, like the reports' <c>period</c>.
/// </summary>
[Collection(ApiCollection.Name)]
public class QueryRefusalTests(ApiFixture fixture)
{
    [Theory]
    [InlineData("/api/courts/live/kpis?since=yesterday", "since")]
    [InlineData("/api/courts/live/kpis?since=9999-12-31T23:59:59Z", "since")]
    [InlineData("/api/courts/live/warnings?since=abc", "since")]
    [InlineData("/api/audit/assignments?court=live&limit=abc", "limit")]
    [InlineData("/api/audit/assignments?court=live&after=x", "after")]
    [InlineData("/api/audit/assignments?court=live&limit=0", "limit")]
    [InlineData("/api/audit/assignments?court=live&kind=ALL", "kind")]
    [InlineData("/api/audit/verify?wait=abc", "wait")]
    public async Task A_query_value_that_is_not_of_its_type_or_range_is_400_naming_it(string path, string field)
    {
        var (status, problem, response) = await fixture.Factory.ClientFor(TestUsers.Admin).GetJsonAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.False(string.IsNullOrWhiteSpace(problem.Str("detail")), problem.ToString());
    }

    [Fact]
    public async Task An_absence_entry_number_that_is_not_a_number_is_400_naming_it()
    {
        var (status, problem, _) = await fixture.Factory.ClientFor(TestUsers.President).PostJsonAsync("/api/teams/civil-1/absences/abc/withdraw", null);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty("seq", out _), problem.ToString());
    }

    [Fact]
    public async Task A_body_sent_as_another_media_type_is_415_saying_what_to_send()
    {
        using var content = new StringContent("{\"type\":\"simple_civil\"}", Encoding.UTF8, "text/plain");
        using var response = await fixture.Factory.ClientFor(TestUsers.Registrar).PostAsync("/api/courts/live/cases", content);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var detail = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Str("detail");
        Assert.Contains("application/json", detail, StringComparison.Ordinal);
        Assert.Contains("text/plain", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_team_id_is_decoded_once()
    {
        var client = fixture.Factory.ClientFor(TestUsers.President);
        Assert.Equal(HttpStatusCode.OK, (await client.GetJsonAsync("/api/teams/civil%2D1/absences")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetJsonAsync("/api/teams/civil%252D1/absences")).Status);
    }
}
