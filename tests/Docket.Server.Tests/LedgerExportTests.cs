using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Domain.Replay;
using Docket.Domain.Scenarios;
using Docket.Grains;
using Microsoft.Extensions.DependencyInjection;

namespace Docket.Server.Tests;

/// <summary>
/// <c>GET /api/courts/{court}/ledger?format=jsonl</c>: the court's whole ledger, one entry a line, each line the text
/// that was hashed — so an auditor re-computes every hash and link from the file alone.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class LedgerExportTests(ApiFixture fixture)
{
    private readonly DocketFactory _factory = fixture.Factory;

    [Fact]
    public async Task Head_on_the_export_answers_the_exports_headers_with_no_body_and_reads_no_page_of_the_ledger()
    {
        var journal = new CountedExportPages(new InMemoryCourtJournal());
        await using var server = new DocketFactory(services: s => s.AddSingleton<ICourtJournal>(journal));
        await server.ClientFor(TestUsers.Registrar).FileAsync("simple_civil");
        var auditor = server.ClientFor(TestUsers.Auditor);
        var path = $"/api/courts/{DocketFactory.Court}/ledger?format=jsonl";
        using (var get = await auditor.GetAsync(path))
        {
            Assert.NotEqual("", await get.Content.ReadAsStringAsync());
        }
        var pages = journal.Pages;
        Assert.True(pages > 0, "the export's GET read no page: the count would not see a HEAD read one");

        using var request = new HttpRequestMessage(HttpMethod.Head, path);
        using var response = await auditor.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Equal(pages, journal.Pages);
    }

    /// <summary>Counts the reads of a page of the export's size.</summary>
    private sealed class CountedExportPages(ICourtJournal inner) : CourtJournalDecorator(inner)
    {
        private int _pages;

        public int Pages => Volatile.Read(ref _pages);

        public override Task<IReadOnlyList<LedgerRecord>> ReadAsync(string court, long afterSeq, int limit, CancellationToken cancellationToken = default)
        {
            if (limit == Docket.Server.Api.AuditEndpoints.ExportPage)
            {
                Interlocked.Increment(ref _pages);
            }
            return base.ReadAsync(court, afterSeq, limit, cancellationToken);
        }
    }

    [Fact]
    public async Task The_export_is_one_entry_a_line_each_hashing_to_its_stored_hash_and_linking_to_the_previous()
    {
        var registrar = _factory.ClientFor(TestUsers.Registrar);
        // Uncapped civil cases only: the criminal pool's cap of 1 is other tests' of this shared court.
        for (var i = 0; i < 5; i++)
        {
            await registrar.FileAsync("simple_civil");
        }
        var auditor = _factory.ClientFor(TestUsers.Auditor);
        using var response = await auditor.GetAsync($"/api/courts/{DocketFactory.Court}/ledger?format=jsonl");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        var lines = text[..^1].Split('\n');

        // The stored entries and hashes, as the audit route lists them.
        var stored = new Dictionary<long, string>();
        long after = 0;
        while (true)
        {
            var (status, page, _) = await auditor.GetJsonAsync($"/api/audit/assignments?court={DocketFactory.Court}&kind=all&after={after}&limit=1000");
            Assert.Equal(HttpStatusCode.OK, status);
            foreach (var e in page.GetProperty("entries").EnumerateArray())
            {
                stored[e.GetProperty("seq").GetInt64()] = e.Str("hash");
            }
            if (page.GetProperty("next_after").ValueKind == JsonValueKind.Null)
            {
                break;
            }
            after = page.GetProperty("next_after").GetInt64();
        }
        Assert.True(lines.Length >= 6, $"{lines.Length} lines");
        Assert.Equal(stored.Count, lines.Length);

        var prev = new string('0', 64);
        for (var i = 0; i < lines.Length; i++)
        {
            using var entry = JsonDocument.Parse(lines[i]);
            Assert.Equal(i + 1, entry.RootElement.GetProperty("seq").GetInt64());
            Assert.Equal(prev, entry.RootElement.Str("prev"));
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(lines[i])));
            Assert.Equal(stored[i + 1], hash);
            prev = hash;
        }
    }

    [Fact]
    public async Task The_live_courts_export_after_a_seed_rotation_replays_one_to_one_on_the_simulators_court()
    {
        // A server of its own: the rotation would change the shared court's epoch under the other tests.
        await using var factory = new DocketFactory();
        var loaded = ScenarioLoader.Load(File.ReadAllText(DocketFactory.ScenarioPath), DocketFactory.ScenarioPath);
        var registrar = factory.ClientFor(TestUsers.Registrar);
        var clerk = factory.ClientFor(TestUsers.Clerk);
        string[] types = ["simple_civil", "criminal", "detention_review", "criminal", "simple_civil"];
        var filed = 0;
        var criminal = new List<string>();
        for (var i = 0; i < 25; i++)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(17));
            var body = await registrar.FileAsync(types[i % types.Length], flagged: i % 7 == 3);
            filed++;
            if (body.GetProperty("case").GetProperty("case").Str("type") != "simple_civil")
            {
                criminal.Add(body.Str("id"));
            }
            // Now and then the oldest open criminal case closes: its team (cap 1) pulls the next waiting one.
            if (i % 4 == 1)
            {
                foreach (var id in criminal)
                {
                    var (_, details, _) = await clerk.GetJsonAsync($"/api/cases/{id}");
                    // A four-type case waits for its professional judges' meeting, a week away: not closed here.
                    if (details.GetProperty("case").Str("status") != "pending" || MeetingStage(details.GetProperty("case")) == "required")
                    {
                        continue;
                    }
                    var type = loaded.Scenario!.CaseTypes.First(t => t.Id == details.GetProperty("case").Str("type"));
                    foreach (var stage in type.Stages.Select(s => s.Task))
                    {
                        var (reported, answer, _) = await clerk.PostJsonAsync($"/api/cases/{id}/events", new { node = stage });
                        Assert.True(reported == HttpStatusCode.OK, answer.ToString());
                        if (answer.GetProperty("case").GetProperty("case").Str("status") == "closed")
                        {
                            break;
                        }
                    }
                    break;
                }
            }
        }
        var admin = factory.ClientFor(TestUsers.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync($"/api/audit/courts/{DocketFactory.Court}/rotate-seed", null)).Status);
        var text = await factory.ClientFor(TestUsers.Auditor).GetStringAsync($"/api/courts/{DocketFactory.Court}/ledger?format=jsonl");

        var lines = LedgerFile.Read(text[..^1].Split('\n'), "export.jsonl");
        var court = LedgerReplay.CourtOf(new Organization(loaded.Scenario!, DocketFactory.ScenarioPath), lines, "export.jsonl");
        Assert.True(LedgerReplay.SameLayout(court, lines));
        LedgerReplay.CheckTeams(court, lines, "export.jsonl");
        var result = LedgerReplay.Run(court, lines, LedgerFile.RevealedSecrets(lines, "export.jsonl"), "export.jsonl");
        Assert.True(result.Reproduced, string.Join("\n", result.Mismatches));
        Assert.Equal(filed, result.Cases);
        Assert.Equal(filed, result.SameTeam);
        Assert.Equal(filed, result.SameJudge);
        Assert.Equal(0, result.Unrevealed);
        Assert.Contains(lines, l => l.Entry.Kind == "pull");
    }

    /// <summary>The stage of the case's professional judges' meeting, or null when it has none.</summary>
    internal static string? MeetingStage(JsonElement c) =>
        c.TryGetProperty("meeting", out var meeting) && meeting.ValueKind == JsonValueKind.Object ? meeting.Str("stage") : null;

    [Fact]
    public async Task Another_format_is_400_an_unknown_court_404_and_a_registrar_403()
    {
        var auditor = _factory.ClientFor(TestUsers.Auditor);
        var (csv, body, _) = await auditor.GetJsonAsync($"/api/courts/{DocketFactory.Court}/ledger?format=csv");
        Assert.Equal(HttpStatusCode.BadRequest, csv);
        Assert.True(body.GetProperty("errors").TryGetProperty("format", out _), body.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetJsonAsync("/api/courts/nowhere/ledger?format=jsonl")).Status);
        var registrar = _factory.ClientFor(TestUsers.Registrar);
        Assert.Equal(HttpStatusCode.Forbidden, (await registrar.GetJsonAsync($"/api/courts/{DocketFactory.Court}/ledger?format=jsonl")).Status);
        var admin = _factory.ClientFor(TestUsers.Admin);
        using var ok = await admin.GetAsync($"/api/courts/{DocketFactory.Court}/ledger");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }
}
