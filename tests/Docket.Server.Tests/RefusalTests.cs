using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Docket.Server.Tests;

/// <summary>
/// Every refusal is a problem document, those Kestrel makes itself too (a malformed request line, headers over its
/// limits, a body sent past the limit), and the body limit enforced is the documented one; two Idempotency-Key
/// header lines are refused. Against the server as a process, over raw HTTP/1.1 where a client library would not
/// send what is tested.
/// </summary>
public sealed class RefusalTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "docket-refusals-" + Guid.NewGuid().ToString("N"));
    private ServerProcess? _server;

    private ServerProcess Server => _server!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        await File.WriteAllTextAsync(Path.Combine(_dir, "users.json"), TestUsers.Json());
        _server = await ServerProcess.StartAsync(Path.Combine(_dir, "data"), Path.Combine(_dir, "users.json"), ["--storage", "memory"]);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Two_Idempotency_Key_header_lines_are_refused_400_not_joined_into_one_key()
    {
        const string Body = "{\"type\":\"simple_civil\"}";
        var (status, problem, _) = await RawAsync(
            $"POST /api/courts/live/cases HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: {TestUsers.Registrar}\r\nContent-Type: application/json\r\n"
            + $"Idempotency-Key: dup-a\r\nIdempotency-Key: dup-b\r\nContent-Length: {Body.Length}\r\n\r\n{Body}");
        Assert.Equal(400, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty("Idempotency-Key", out _), problem.ToString());

        // Nothing was filed under either key, nor under the two joined.
        using var auditor = Client(TestUsers.Auditor);
        var keys = (await CaseApiTests.AllEntriesAsync(auditor)).Where(e => e.TryGetProperty("idempotency_key", out _)).Select(e => e.Str("idempotency_key"));
        Assert.DoesNotContain(keys, k => k.Contains("dup-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_X_Api_Key_header_lines_are_refused_401_whichever_comes_first()
    {
        foreach (var (first, second) in new[] { (TestUsers.Registrar, TestUsers.Auditor), (TestUsers.Auditor, TestUsers.Registrar) })
        {
            var (status, problem, _) = await RawAsync(
                $"GET /api/courts/live/kpis HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: {first}\r\nX-Api-Key: {second}\r\n\r\n");
            Assert.Equal(401, status);
            Assert.Contains("one X-Api-Key header", problem.Str("detail"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_body_past_the_documented_limit_is_refused_413_quoting_that_limit_whether_its_length_is_declared_or_not()
    {
        const int Limit = 65536; // docs/api.md, Docket:Limits:MaxBodyBytes
        // Just past the limit: the whole body fits in the loopback socket's buffers, so the client has sent it all
        // when the server answers and closes.
        var body = "{\"type\":\"" + new string('x', Limit) + "\"}";
        foreach (var chunked in new[] { false, true })
        {
            var framing = chunked
                ? $"Transfer-Encoding: chunked\r\n\r\n{body.Length:x}\r\n{body}\r\n0\r\n\r\n"
                : $"Content-Length: {body.Length}\r\n\r\n{body}";
            var (status, problem, head) = await RawAsync(
                $"POST /api/courts/live/cases HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: {TestUsers.Registrar}\r\nContent-Type: application/json\r\n{framing}");
            Assert.Equal(413, status);
            Assert.Contains("Content-Type: application/problem+json", head, StringComparison.Ordinal);
            Assert.Equal($"the body may hold at most {Limit} bytes", problem.Str("detail"));
        }
    }

    [Fact]
    public async Task Headers_over_kestrels_limit_are_refused_431_in_problem_json()
    {
        var (status, problem, head) = await RawAsync(
            $"GET /api/courts HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: {TestUsers.Registrar}\r\nX-Large: {new string('a', 40_000)}\r\n\r\n");
        Assert.Equal(431, status);
        Assert.Contains("Content-Type: application/problem+json", head, StringComparison.Ordinal);
        Assert.Equal(431, problem.GetProperty("status").GetInt32());
        Assert.Contains("32768 bytes", problem.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_request_line_is_refused_400_in_problem_json_and_a_good_request_before_it_is_untouched()
    {
        var (status, problem, head) = await RawAsync("GARBAGE\r\n\r\n");
        Assert.Equal(400, status);
        Assert.Contains("Content-Type: application/problem+json", head, StringComparison.Ordinal);
        Assert.Contains("not well-formed HTTP/1.1", problem.Str("detail"), StringComparison.Ordinal);

        // On one connection: a good request, then a request line too long: the first answer is the health check's.
        var both = await SendRawAsync($"GET /health HTTP/1.1\r\nHost: localhost\r\n\r\nGET /{new string('a', 10_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 200 OK", both, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"ok\"", both, StringComparison.Ordinal);
        Assert.Contains("HTTP/1.1 414", both, StringComparison.Ordinal);
        Assert.Contains("the request line may hold at most 8192 bytes", both, StringComparison.Ordinal);
    }

    /// <summary>Sends raw bytes and reads the answer (one response, the connection closed or quiet for a moment).</summary>
    private async Task<(int Status, JsonElement Problem, string Head)> RawAsync(string request)
    {
        var text = await SendRawAsync(request);
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(split > 0, $"no HTTP answer: {text}");
        var head = text[..split];
        var body = text[(split + 4)..];
        if (head.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase))
        {
            // One chunk: its size line, the data, then the last chunk.
            var line = body.IndexOf("\r\n", StringComparison.Ordinal);
            body = body.Substring(line + 2, Convert.ToInt32(body[..line], 16));
        }
        var status = int.Parse(head.AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture);
        return (status, JsonDocument.Parse(body).RootElement.Clone(), head);
    }

    private async Task<string> SendRawAsync(string request)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(IPAddress.Loopback, Server.Port);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        var answer = new MemoryStream();
        var buffer = new byte[65536];
        using var quiet = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(buffer, quiet.Token);
                if (read == 0)
                {
                    break;
                }
                answer.Write(buffer, 0, read);
                // A keep-alive answer ends with its body; give the server a moment for anything after it.
                quiet.CancelAfter(TimeSpan.FromSeconds(1));
            }
        }
        catch (OperationCanceledException)
        {
        }
        return Encoding.ASCII.GetString(answer.ToArray());
    }

    private HttpClient Client(string apiKey)
    {
        var client = new HttpClient { BaseAddress = Server.Client.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }
}
