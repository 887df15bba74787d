using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Docket.Server.Tests;

/// <summary>Small helpers for calling the API and reading its JSON.</summary>
public static class Http
{
    public static async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> SendAsync(
        this HttpClient client, HttpMethod method, string path, object? body = null, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is string raw)
        {
            request.Content = new StringContent(raw, Encoding.UTF8, "application/json");
        }
        else if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        configure?.Invoke(request);
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (response.StatusCode, json, response);
    }

    public static Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> GetJsonAsync(this HttpClient client, string path) =>
        client.SendAsync(HttpMethod.Get, path);

    public static Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> PostJsonAsync(
        this HttpClient client, string path, object? body, Action<HttpRequestMessage>? configure = null) =>
        client.SendAsync(HttpMethod.Post, path, body ?? "{}", configure);

    /// <summary>Files a case and returns the answer's body (asserting 201).</summary>
    public static async Task<JsonElement> FileAsync(this HttpClient registrar, string type, bool flagged = false, string? key = null)
    {
        var (status, body, _) = await registrar.PostJsonAsync($"/api/courts/{DocketFactory.Court}/cases", new { type, flags = new { flagged } },
            r => { if (key is not null) { r.Headers.Add("Idempotency-Key", key); } });
        Assert.True(status == HttpStatusCode.Created, $"filing answered {status}: {body}");
        return body;
    }

    public static string Str(this JsonElement e, string name) => e.GetProperty(name).GetString()!;
}
