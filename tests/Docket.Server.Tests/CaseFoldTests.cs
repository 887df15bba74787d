using System.Net;
using System.Text.Json;
using Docket.Grains;
using Microsoft.Extensions.DependencyInjection;

namespace Docket.Server.Tests;

/// <summary>
/// A case's grain folds its record from the case's entries in storage, taken through the court's mark of the case (its
/// last durable entry and the digest of its entries the court chained as it verified them), once, then applies the
/// entries the court appends for its commands: an untouched case reads as its filing answered, with its report; a case whose stored entry was changed after the court took it — its hash kept, or recomputed —
/// is not served, and the court closes, its verification then naming the entry (or, the hash recomputed, the next
/// entry, whose link to it no longer matches).
/// </summary>
public sealed class CaseFoldTests
{
    [Fact]
    public async Task A_case_is_folded_from_storage_once_and_then_kept_with_the_entries_the_court_appends()
    {
        var journal = new CountedCaseReads(new InMemoryCourtJournal());
        await using var server = new DocketFactory(services: s => s.AddSingleton<ICourtJournal>(journal));
        var registrar = server.ClientFor(TestUsers.Registrar);
        JsonElement filed = default;
        for (var i = 0; i < 40 && filed.ValueKind == JsonValueKind.Undefined; i++)
        {
            var f = await registrar.FileAsync("simple_civil");
            if (f.Str("status") == "pending" && f.Str("team") == "civil-1")
            {
                filed = f;
            }
        }
        Assert.Equal(JsonValueKind.Object, filed.ValueKind);
        var id = filed.Str("id");
        Assert.Equal(0, journal.ReadsOf(id));

        // The judge's report goes through the case's grain, which folds the case from storage first.
        var judge = server.ClientFor(TestUsers.JudgeCivil1);
        Assert.Equal(HttpStatusCode.OK, (await judge.PostJsonAsync($"/api/cases/{id}/events", new { node = "served" })).Status);
        Assert.Equal(1, journal.ReadsOf(id));
        var (status, read, _) = await registrar.GetJsonAsync($"/api/cases/{id}");
        Assert.Equal(HttpStatusCode.OK, status);
        foreach (var field in new[] { "id", "team", "judge", "policy" })
        {
            Assert.Equal(filed.GetProperty(field).ToString(), read.GetProperty("case").GetProperty(field).ToString());
        }
        Assert.Contains(read.GetProperty("case").GetProperty("nodes").EnumerateArray(), n => n.ToString().Contains("served", StringComparison.Ordinal));
        // The report's entry was applied to the record the grain held: storage was not read again.
        Assert.Equal(1, journal.ReadsOf(id));
    }

    /// <summary>Counts each case's reads of its entries.</summary>
    private sealed class CountedCaseReads(ICourtJournal inner) : CourtJournalDecorator(inner)
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _reads = new();

        public int ReadsOf(string caseId) => _reads.GetValueOrDefault(caseId);

        public override Task<IReadOnlyList<Domain.Ledger.LedgerRecord>> ReadCaseAsync(string court, string caseId, CancellationToken cancellationToken = default)
        {
            _reads.AddOrUpdate(caseId, 1, (_, n) => n + 1);
            return base.ReadCaseAsync(court, caseId, cancellationToken);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_case_whose_stored_entry_changed_is_not_served_and_closes_the_court(bool rehash)
    {
        var journal = new InMemoryCourtJournal();
        await using var server = new DocketFactory(services: s => s.AddSingleton<ICourtJournal>(journal));
        var registrar = server.ClientFor(TestUsers.Registrar);
        var target = await registrar.FileAsync("simple_civil");
        await registrar.FileAsync("simple_civil");
        var seq = target.GetProperty("assignment").GetProperty("seq").GetInt64();

        // Trailing white space: the entry still parses, its text no longer matches the hash the court verified.
        journal.Tamper(DocketFactory.Court, seq, json => json + " ", rehash);
        var (status, refused, _) = await registrar.GetJsonAsync($"/api/cases/{target.Str("id")}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains(target.Str("id"), refused.Str("detail"));
        Assert.Contains(rehash ? "digest" : "hash", refused.Str("detail"));

        // The court serves nothing more, and its verification names the entry.
        var president = server.ClientFor(TestUsers.President);
        JsonElement closed = default;
        for (var wait = 0; wait < 150; wait++)
        {
            var (kpis, body, _) = await president.GetJsonAsync($"/api/courts/{DocketFactory.Court}/kpis");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, kpis);
            closed = body;
            if (body.GetProperty("first_invalid_seq").ValueKind == JsonValueKind.Number)
            {
                break;
            }
            await Task.Delay(200);
        }
        // Its hash recomputed, the entry matches its text; the next entry's link to it does not.
        Assert.Equal(rehash ? seq + 1 : seq, closed.GetProperty("first_invalid_seq").GetInt64());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_retried_filing_whose_stored_entry_changed_closes_the_court_naming_the_entry(bool rehash)
    {
        var journal = new InMemoryCourtJournal();
        await using var server = new DocketFactory(services: s => s.AddSingleton<ICourtJournal>(journal));
        var registrar = server.ClientFor(TestUsers.Registrar);
        var first = await registrar.FileAsync("simple_civil", key: "retried-filing");
        var seq = first.GetProperty("assignment").GetProperty("seq").GetInt64();

        // Changed after the court verified it: white space (the hash no longer the text's), or a risk level no court
        // knows with the hash recomputed.
        journal.Tamper(DocketFactory.Court, seq, json => rehash ? json.Replace("\"risk\":\"none\"", "\"risk\":\"huge\"", StringComparison.Ordinal) : json + " ", rehash);
        var (status, refused, _) = await registrar.PostJsonAsync($"/api/courts/{DocketFactory.Court}/cases", new { type = "simple_civil", flags = new { flagged = false } },
            r => r.Headers.Add("Idempotency-Key", "retried-filing"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains(rehash ? $"entry {seq} names an unknown risk level 'huge'" : $"entry {seq}'s text does not match its stored hash", refused.Str("detail"), StringComparison.Ordinal);
    }
}
