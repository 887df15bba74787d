using System.Net;

namespace Docket.Server.Tests;

/// <summary>Every route but health needs credentials (401 without, or with wrong ones) and the right role (403).</summary>
[Collection(ApiCollection.Name)]
public sealed class AuthTests(ApiFixture fixture)
{
    /// <summary>Each route, a body it accepts, and an authenticated user whose role may not use it.</summary>
    public static TheoryData<string, string, string?, string> Routes() => new()
    {
        { "POST", "/api/courts/live/cases", "{\"type\":\"simple_civil\"}", TestUsers.JudgeCivil1 },
        { "GET", "/api/cases/{case}", null, TestUsers.JudgeCriminal2 },
        { "POST", "/api/cases/{case}/events", "{\"node\":\"served\"}", TestUsers.Registrar },
        { "POST", "/api/cases/{case}/unlock", "{\"reason\":\"r\"}", TestUsers.JudgeCivil1 },
        { "POST", "/api/cases/{case}/designate", "{\"team\":\"civil-3\",\"reason\":\"r\"}", TestUsers.Registrar },
        { "POST", "/api/cases/{case}/extensions", "{\"days\":10,\"reason\":\"r\"}", TestUsers.HeadCivil },
        { "GET", "/api/teams/civil-1/caseload", null, TestUsers.JudgeCivil2 },
        { "POST", "/api/teams/civil-1/absences", "{\"to\":\"2030-01-01T00:00:00Z\",\"reason\":\"leave\"}", TestUsers.JudgeCivil1 },
        { "GET", "/api/teams/civil-1/absences", null, TestUsers.Registrar },
        { "POST", "/api/teams/civil-1/absences/1/withdraw", null, TestUsers.JudgeCivil1 },
        { "GET", "/api/courts/live/kpis", null, TestUsers.Registrar },
        { "GET", "/api/courts/live/warnings", null, TestUsers.Registrar },
        { "GET", "/api/courts/live/queue", null, TestUsers.JudgeCriminal1 },
        { "POST", "/api/courts/live/deadline-watch", null, TestUsers.President },
        { "GET", "/api/courts", null, "" },
        { "GET", "/api/audit/assignments?court=live", null, TestUsers.President },
        { "GET", "/api/audit/verify", null, TestUsers.Registrar },
        { "GET", "/api/audit/commitments", null, TestUsers.JudgeCivil1 },
        { "POST", "/api/audit/courts/live/rotate-seed", null, TestUsers.Auditor },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Without_credentials_a_route_answers_401(string method, string path, string? body, string forbidden)
    {
        _ = forbidden;
        var url = await ResolveAsync(path);
        var anonymous = fixture.Factory.CreateClient();
        var (status, problem, response) = await anonymous.SendAsync(new HttpMethod(method), url, body);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString());

        var wrongKey = fixture.Factory.ClientFor("not-a-key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrongKey.SendAsync(new HttpMethod(method), url, body)).Status);
        var wrongToken = fixture.Factory.CreateClient();
        wrongToken.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrongToken.SendAsync(new HttpMethod(method), url, body)).Status);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task A_user_whose_role_or_scope_does_not_allow_a_route_gets_403(string method, string path, string? body, string forbidden)
    {
        if (forbidden.Length == 0)
        {
            // Listing courts is open to every authenticated user: nothing to forbid.
            Assert.Equal(HttpStatusCode.OK, (await fixture.Factory.ClientFor(TestUsers.Clerk).GetJsonAsync(path)).Status);
            return;
        }
        var url = await ResolveAsync(path);
        var (status, problem, response) = await fixture.Factory.ClientFor(forbidden).SendAsync(new HttpMethod(method), url, body);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(403, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_bearer_token_authenticates_and_health_is_anonymous()
    {
        var client = fixture.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetJsonAsync("/health")).Status);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestUsers.AuditorToken);
        Assert.Equal(HttpStatusCode.OK, (await client.GetJsonAsync("/api/audit/verify")).Status);
    }

    [Fact]
    public async Task A_key_with_a_bearer_token_of_another_user_or_none_is_refused_and_basic_beside_it_is_left_aside()
    {
        var client = fixture.Factory.ClientFor(TestUsers.Auditor);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetJsonAsync("/api/audit/verify")).Status);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestUsers.AuditorToken);
        Assert.Equal(HttpStatusCode.OK, (await client.GetJsonAsync("/api/audit/verify")).Status);
        var president = fixture.Factory.ClientFor(TestUsers.President);
        president.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestUsers.AuditorToken);
        Assert.Equal(HttpStatusCode.Unauthorized, (await president.GetJsonAsync("/api/courts/live/kpis")).Status);
        // A browser's cached Basic credentials for the dashboard are left aside beside a key.
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String("someone:else"u8));
        Assert.Equal(HttpStatusCode.OK, (await client.GetJsonAsync("/api/audit/verify")).Status);
    }

    [Fact]
    public async Task Head_is_answered_wherever_get_is_with_its_status_and_no_body()
    {
        var anonymous = fixture.Factory.CreateClient();
        using (var health = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/health")))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Empty(await health.Content.ReadAsByteArrayAsync());
        }
        using (var unauthenticated = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/courts/live/kpis")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        }
        using var kpis = await fixture.Factory.ClientFor(TestUsers.President).SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/courts/live/kpis"));
        Assert.Equal(HttpStatusCode.OK, kpis.StatusCode);
        Assert.Empty(await kpis.Content.ReadAsByteArrayAsync());
        using var post = await fixture.Factory.ClientFor(TestUsers.Registrar).SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/cases/live-1/unlock"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
    }

    /// <summary>Routes about a case use a fresh civil case on team civil-1 (so that civil-2's judge is outside it).</summary>
    private async Task<string> ResolveAsync(string path)
    {
        if (!path.Contains("{case}", StringComparison.Ordinal))
        {
            return path;
        }
        var registrar = fixture.Factory.ClientFor(TestUsers.Registrar);
        for (var i = 0; i < 60; i++)
        {
            var filed = await registrar.FileAsync("simple_civil");
            if (filed.Str("team") == "civil-1")
            {
                return path.Replace("{case}", filed.Str("id"), StringComparison.Ordinal);
            }
        }
        throw new InvalidOperationException("no case reached civil-1");
    }
}
