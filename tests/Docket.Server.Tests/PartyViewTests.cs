using System.Net;
using System.Text.Json;
using Docket.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace Docket.Server.Tests;

/// <summary>A server of its own for the parties' view: its wrong codes count against one client address, apart from other tests'.</summary>
public sealed class PartyFixture : ApiFixture
{
    protected override Task<DocketFactory?> CreateFactoryAsync() => Task.FromResult<DocketFactory?>(new DocketFactory(settings: new Dictionary<string, string?>
    {
        ["Docket:Public:FailuresPerMinute"] = "1000",
        ["Docket:Public:EventsPollMilliseconds"] = "100",
    }));
}

/// <summary>The parties' view: codes given at filing, read with nothing else, re-issued by the registrar, never in the ledger.</summary>
public sealed class PartyViewTests(PartyFixture fixture) : IClassFixture<PartyFixture>
{
    private readonly HttpClient _registrar = fixture.Factory.ClientFor(TestUsers.Registrar);
    private readonly HttpClient _anonymous = fixture.Factory.CreateClient();

    [Fact]
    public async Task A_filing_answers_a_16_character_base32_code_once_and_a_replayed_filing_does_not_repeat_it()
    {
        var key = Guid.NewGuid().ToString("N");
        var filed = await _registrar.FileAsync("simple_civil", key: key);
        var code = filed.Str("party_code");
        Assert.Matches("^[A-Z2-7]{16}$", code);

        var again = await _registrar.FileAsync("simple_civil", key: key);
        Assert.True(again.GetProperty("replayed").GetBoolean());
        Assert.False(again.TryGetProperty("party_code", out _));
        // The code given first still reads the case: the replay changed nothing.
        Assert.Equal(HttpStatusCode.OK, (await ReadAsync(filed.Str("id"), code)).Status);
    }

    [Fact]
    public async Task A_party_reads_its_case_s_progress_team_and_limit_and_never_the_judge()
    {
        var (id, code, judge) = await FileCivilWithJudgeAsync();
        Assert.Equal(HttpStatusCode.OK, (await judge.PostJsonAsync($"/api/cases/{id}/events", new { node = "served" })).Status);

        var (status, view, _) = await ReadAsync(id, code);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(id, view.Str("id"));
        Assert.Matches("^civil-[12]$", view.Str("team"));
        Assert.Equal(DateTimeOffset.Parse(view.Str("filed_at"), System.Globalization.CultureInfo.InvariantCulture).AddDays(90),
            DateTimeOffset.Parse(view.Str("limit_at"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0, view.GetProperty("extensions").GetInt32());
        var progress = view.GetProperty("progress").EnumerateArray().ToList();
        var served = progress.Single(n => n.Str("node") == "served");
        Assert.Equal("reached", served.Str("state"));
        Assert.NotEqual(JsonValueKind.Null, served.GetProperty("reached_at").ValueKind);
        Assert.Equal("due", progress.Single(n => n.Str("node") == "hearing_scheduled").Str("state"));
        Assert.DoesNotContain("judge", view.GetRawText(), StringComparison.OrdinalIgnoreCase);
        // Staff read the case without its code's hash: only the case's grain holds it.
        var (_, staff, _) = await _registrar.GetJsonAsync($"/api/cases/{id}");
        Assert.Equal(id, staff.GetProperty("case").Str("id"));
        Assert.DoesNotContain("party_code", staff.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_party_never_reads_another_case_and_a_wrong_code_is_answered_as_an_unknown_case()
    {
        var cases = new List<(string Id, string Code)>();
        for (var i = 0; i < 6; i++)
        {
            var filed = await _registrar.FileAsync(i % 2 == 0 ? "simple_civil" : "criminal");
            cases.Add((filed.Str("id"), filed.Str("party_code")));
        }
        var unknownId = "live-999999";
        var random = new Random(14);
        var codes = cases.Select(c => c.Code).Concat(Enumerable.Range(0, 3).Select(_ => new string([.. Enumerable.Range(0, 16).Select(_ => "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"[random.Next(32)])])))
            .Append("").Append("not a code").ToList();

        // A case that does not exist, whatever the code: the answer a wrong code must not be told apart from.
        var (unknownStatus, unknown, _) = await ReadAsync(unknownId, cases[0].Code);
        Assert.Equal(HttpStatusCode.NotFound, unknownStatus);
        foreach (var (id, own) in cases)
        {
            foreach (var code in codes)
            {
                var (status, body, _) = await ReadAsync(id, code);
                if (code == own)
                {
                    Assert.Equal(HttpStatusCode.OK, status);
                    Assert.Equal(id, body.Str("id"));
                }
                else
                {
                    Assert.Equal(HttpStatusCode.NotFound, status);
                    Assert.Equal(WithoutTrace(unknown).Replace(unknownId, id, StringComparison.Ordinal), WithoutTrace(body));
                }
            }
            var (missing, missingBody, _) = await ReadAsync(id, null);
            Assert.Equal(HttpStatusCode.NotFound, missing);
            Assert.Equal(WithoutTrace(unknown).Replace(unknownId, id, StringComparison.Ordinal), WithoutTrace(missingBody));
        }
    }

    [Fact]
    public async Task A_re_issued_code_reads_the_case_the_old_one_no_longer_does_and_only_a_registrar_re_issues()
    {
        var (id, old, judge) = await FileCivilWithJudgeAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await judge.PostJsonAsync($"/api/cases/{id}/party-code", null)).Status);

        var (status, issued, _) = await _registrar.PostJsonAsync($"/api/cases/{id}/party-code", null);

        Assert.Equal(HttpStatusCode.OK, status);
        var code = issued.Str("party_code");
        Assert.NotEqual(old, code);
        var entry = issued.GetProperty("entries").EnumerateArray().Single().GetProperty("entry");
        Assert.Equal("party_code", entry.Str("kind"));
        Assert.Equal("registrar", entry.GetProperty("by").Str("role"));
        Assert.Equal(HttpStatusCode.OK, (await ReadAsync(id, code)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ReadAsync(id, old)).Status);
    }

    [Fact]
    public async Task The_case_s_grain_answers_its_party_by_the_hash_of_its_latest_code_and_nobody_else()
    {
        var (a, _, _) = await FileCivilWithJudgeAsync();
        var (b, _, _) = await FileCivilWithJudgeAsync();
        await _registrar.PostJsonAsync($"/api/cases/{a}/party-code", null);
        var text = await fixture.Factory.ClientFor(TestUsers.Auditor).GetStringAsync($"/api/courts/{DocketFactory.Court}/ledger?format=jsonl");
        var hashes = text.TrimEnd('\n').Split('\n').Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.TryGetProperty("party_code_hmac", out _))
            .GroupBy(e => e.Str("case")).ToDictionary(g => g.Key, g => g.Select(e => e.Str("party_code_hmac")).ToList());
        var grains = fixture.Factory.Services.GetRequiredService<IGrainFactory>();

        var read = await grains.GetGrain<ILiveCaseGrain>(a).GetForPartyAsync(hashes[a][^1]);

        Assert.Equal(a, read?.Case.Id);
        Assert.Null(await grains.GetGrain<ILiveCaseGrain>(a).GetForPartyAsync(hashes[a][0])); // the code re-issued
        Assert.Null(await grains.GetGrain<ILiveCaseGrain>(a).GetForPartyAsync(hashes[b][^1])); // another case's
        Assert.Equal(b, (await grains.GetGrain<ILiveCaseGrain>(b).GetForPartyAsync(hashes[b][^1]))?.Case.Id);
        Assert.Null(await grains.GetGrain<ILiveCaseGrain>($"{DocketFactory.Court}-999999").GetForPartyAsync(hashes[b][^1]));
    }

    [Fact]
    public async Task The_ledger_export_holds_the_codes_keyed_hashes_never_the_codes()
    {
        var (id, code, _) = await FileCivilWithJudgeAsync();
        var (_, reissued, _) = await _registrar.PostJsonAsync($"/api/cases/{id}/party-code", null);
        var auditor = fixture.Factory.ClientFor(TestUsers.Auditor);

        var text = await auditor.GetStringAsync($"/api/courts/{DocketFactory.Court}/ledger?format=jsonl");

        Assert.DoesNotContain(code, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(reissued.Str("party_code"), text, StringComparison.OrdinalIgnoreCase);
        var entries = text.TrimEnd('\n').Split('\n').Select(l => JsonDocument.Parse(l).RootElement).Where(e => e.TryGetProperty("case", out var c) && c.GetString() == id).ToList();
        var hashes = entries.Where(e => e.TryGetProperty("party_code_hmac", out _)).Select(e => e.Str("party_code_hmac")).ToList();
        Assert.Equal(2, hashes.Count);
        Assert.All(hashes, h => Assert.Matches("^[0-9a-f]{64}$", h));
        Assert.NotEqual(hashes[0], hashes[1]);
        var (verified, body, _) = await auditor.GetJsonAsync($"/api/audit/verify?court={DocketFactory.Court}");
        Assert.True(verified == HttpStatusCode.OK, $"{verified}: {body}");
        Assert.True(body.GetProperty("valid").GetBoolean(), body.GetRawText());
    }

    [Fact]
    public async Task The_events_stream_gives_the_timeline_at_connect_then_a_node_reported_afterwards()
    {
        var (id, code, judge) = await FileCivilWithJudgeAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/public/cases/{id}/events");
        request.Headers.Add("X-Party-Code", code);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await _anonymous.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        var first = await NextEventAsync(reader, timeout.Token);
        Assert.Equal("case", first.Event);
        Assert.Equal(id, first.Data.Str("id"));
        Assert.DoesNotContain(first.Data.GetProperty("progress").EnumerateArray(), n => n.Str("state") == "reached");

        Assert.Equal(HttpStatusCode.OK, (await judge.PostJsonAsync($"/api/cases/{id}/events", new { node = "served" })).Status);

        var node = await NextEventAsync(reader, timeout.Token);
        Assert.Equal("node", node.Event);
        Assert.Equal("served", node.Data.Str("node"));
        Assert.Equal("reached", node.Data.Str("state"));
        var again = await NextEventAsync(reader, timeout.Token);
        Assert.Equal("case", again.Event);
        Assert.Contains(again.Data.GetProperty("progress").EnumerateArray(), n => n.Str("node") == "served" && n.Str("state") == "reached");
    }

    [Fact]
    public async Task Head_on_the_events_stream_answers_its_headers_and_ends_while_the_case_is_open()
    {
        var (id, code, _) = await FileCivilWithJudgeAsync();
        using var request = new HttpRequestMessage(HttpMethod.Head, $"/api/public/cases/{id}/events");
        request.Headers.Add("X-Party-Code", code);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var response = await _anonymous.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        // The response ends when the server's request does: a HEAD does not follow the open case until it closes.
        Assert.Equal("", await response.Content.ReadAsStringAsync(timeout.Token));
    }

    [Fact]
    public async Task The_events_stream_ends_once_its_code_is_re_issued()
    {
        var (id, code, _) = await FileCivilWithJudgeAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/public/cases/{id}/events");
        request.Headers.Add("X-Party-Code", code);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await _anonymous.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        Assert.Equal("case", (await NextEventAsync(reader, timeout.Token)).Event);

        Assert.Equal(HttpStatusCode.OK, (await _registrar.PostJsonAsync($"/api/cases/{id}/party-code", null)).Status);

        await Assert.ThrowsAsync<InvalidOperationException>(() => NextEventAsync(reader, timeout.Token));
    }

    [Fact]
    public async Task The_events_stream_refuses_a_wrong_code_as_an_unknown_case()
    {
        var (id, _, _) = await FileCivilWithJudgeAsync();
        var (status, _, _) = await _anonymous.SendAsync(HttpMethod.Get, $"/api/public/cases/{id}/events", configure: r => r.Headers.Add("X-Party-Code", "AAAAAAAAAAAAAAAA"));
        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task More_wrong_codes_a_minute_than_configured_from_one_address_are_answered_429()
    {
        await using var factory = new DocketFactory(settings: new Dictionary<string, string?> { ["Docket:Public:FailuresPerMinute"] = "3" });
        var registrar = factory.ClientFor(TestUsers.Registrar);
        var anonymous = factory.CreateClient();
        var filed = await registrar.FileAsync("simple_civil");
        var id = filed.Str("id");

        // Right codes are not failures.
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await ReadAsync(anonymous, id, filed.Str("party_code"))).Status);
        }
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await ReadAsync(anonymous, id, "AAAAAAAAAAAAAAAA")).Status);
        }
        var (status, problem, response) = await ReadAsync(anonymous, id, filed.Str("party_code"));
        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Contains("3 wrong or missing party codes", problem.Str("detail"));
        Assert.Equal("60", response.Headers.GetValues("Retry-After").Single());
    }

    [Fact]
    public async Task The_track_page_is_served_without_credentials()
    {
        var page = await _anonymous.GetAsync("/track");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("/api/public/cases/", html);
        Assert.Contains("X-Party-Code", html);
    }

    private Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> ReadAsync(string id, string? code) => ReadAsync(_anonymous, id, code);

    private static Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> ReadAsync(HttpClient client, string id, string? code) =>
        client.SendAsync(HttpMethod.Get, $"/api/public/cases/{id}", configure: r =>
        {
            if (code is not null)
            {
                r.Headers.TryAddWithoutValidation("X-Party-Code", code);
            }
        });

    private static string WithoutTrace(JsonElement problem) =>
        JsonSerializer.Serialize(problem.EnumerateObject().Where(p => p.Name != "trace_id").ToDictionary(p => p.Name, p => p.Value.GetRawText()));

    private static async Task<(string Event, JsonElement Data)> NextEventAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        string? type = null;
        var data = "";
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0 && type is not null)
            {
                return (type, JsonDocument.Parse(data).RootElement.Clone());
            }
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                type = line[7..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data += line[6..];
            }
        }
        throw new InvalidOperationException("the stream ended");
    }

    /// <summary>Files civil cases until one lands with a team whose judge is a test user.</summary>
    private async Task<(string Id, string Code, HttpClient Judge)> FileCivilWithJudgeAsync()
    {
        for (var i = 0; i < 50; i++)
        {
            var filed = await _registrar.FileAsync("simple_civil");
            var key = filed.Str("team") switch { "civil-1" => TestUsers.JudgeCivil1, "civil-2" => TestUsers.JudgeCivil2, _ => null };
            if (key is not null)
            {
                return (filed.Str("id"), filed.Str("party_code"), fixture.Factory.ClientFor(key));
            }
        }
        throw new InvalidOperationException("no case reached civil-1 or civil-2 in 50 filings");
    }
}
