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
    [InlineData("/api/audit/assignments?court=live&after=-5", "after")]
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

    [Theory]
    [InlineData("{\"type\":\"simple_civil\",\"team\":\"civil-1\"}", "team", "unknown field 'team': a field the route does not take is refused")]
    [InlineData("{\"type\":\"simple_civil\",\"flags\":{\"flaged\":true}}", "flags.flaged", "unknown field 'flaged' in flags:")]
    [InlineData("{\"type\":\"criminal\",\"type\":\"simple_civil\"}", "type", "the field 'type' is given twice")]
    [InlineData("{\"type\":\"simple_\\ud800\"}", "type", "the text is not valid UTF-8 (or holds a lone surrogate escape)")]
    [InlineData("{\"type\":\"simple_civil\",\"a b\":1}", "a b", "unknown field 'a b':")]
    public async Task A_filing_with_a_field_the_route_does_not_take_given_twice_or_not_text_is_400_naming_it_and_files_nothing(string body, string field, string says)
    {
        var registrar = fixture.Factory.ClientFor(TestUsers.Registrar);
        var before = NumberOf(await registrar.FileAsync("simple_civil"));
        var (status, problem, _) = await registrar.PostJsonAsync("/api/courts/live/cases", body);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Contains(says, problem.Str("detail"), StringComparison.Ordinal);
        // Nothing filed: the next filing is the next number.
        Assert.Equal(before + 1, NumberOf(await registrar.FileAsync("simple_civil")));
    }

    private static long NumberOf(System.Text.Json.JsonElement filed) => long.Parse(filed.Str("id").Split('-')[^1], System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_string_of_bytes_that_are_not_utf8_is_400_saying_so()
    {
        using var content = new ByteArrayContent([.. "{\"type\":\"simple_"u8, 0xFF, .. "\"}"u8]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await fixture.Factory.ClientFor(TestUsers.Registrar).PostAsync("/api/courts/live/cases", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("the text is not valid UTF-8", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_declared_in_another_charset_is_415_and_one_with_a_byte_order_mark_is_read()
    {
        var registrar = fixture.Factory.ClientFor(TestUsers.Registrar);
        using (var utf16 = new ByteArrayContent("{\"type\":\"simple_civil\"}"u8.ToArray()))
        {
            utf16.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("application/json; charset=utf-16");
            using var refused = await registrar.PostAsync("/api/courts/live/cases", utf16);
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.StatusCode);
            Assert.Contains("UTF-8", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using var marked = new ByteArrayContent([.. "\uFEFF"u8, .. "{\"type\":\"simple_civil\"}"u8]);
        marked.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("application/json; charset=utf-8");
        using var filed = await registrar.PostAsync("/api/courts/live/cases", marked);
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
    }

    [Fact]
    public async Task A_malformed_body_after_a_byte_order_mark_is_placed_at_its_byte_as_sent()
    {
        // The brace after the stray comma, where the reader stops, is the 27th byte as sent: the mark's three, then the 24th of the JSON.
        using var marked = new ByteArrayContent([.. "\uFEFF"u8, .. "{\"type\":\"simple_civil\",}"u8]);
        marked.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("application/json");
        using var refused = await fixture.Factory.ClientFor(TestUsers.Registrar).PostAsync("/api/courts/live/cases", marked);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("(line 1, byte 27)", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_route_whose_body_is_optional_takes_an_empty_one_sent_as_json()
    {
        var filed = await fixture.Factory.ClientFor(TestUsers.Registrar).FileAsync("simple_civil");
        // Sent with a type and no length (chunked), as a client that sets its JSON type on every request sends it.
        using var content = new OfNoLength();
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{filed.Str("id")}/unlock") { Content = content };
        using var response = await fixture.Factory.ClientFor(TestUsers.President).SendAsync(request);
        // Past the body: the case is not locked.
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task A_team_id_is_decoded_once()
    {
        var client = fixture.Factory.ClientFor(TestUsers.President);
        Assert.Equal(HttpStatusCode.OK, (await client.GetJsonAsync("/api/teams/civil%2D1/absences")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetJsonAsync("/api/teams/civil%252D1/absences")).Status);
    }

    /// <summary>An empty body whose length is not declared.</summary>
    private sealed class OfNoLength : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => Task.CompletedTask;

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
