using System.Net;
using System.Text.Json;
using Docket.Grains;
using Microsoft.Extensions.DependencyInjection;

namespace Docket.Server.Tests;

/// <summary>
/// A case's grain folds its record from the case's entries in storage, taken through the court's mark of the case (its
/// last durable entry and the digest of its entries the court chained as it verified them): an untouched case reads as
/// its filing answered; a case whose stored entry was changed after the court took it — its hash kept, or recomputed —
/// is not served, and the court closes, its verification then naming the entry (or, the hash recomputed, the next
/// entry, whose link to it no longer matches).
/// </summary>
public sealed class CaseFoldTests
{
    [Fact]
    public async Task A_case_read_is_folded_from_storage_as_the_court_wrote_it()
    {
        await using var server = new DocketFactory(services: s => s.AddSingleton<ICourtJournal>(new InMemoryCourtJournal()));
        var registrar = server.ClientFor(TestUsers.Registrar);
        var filed = await registrar.FileAsync("simple_civil");
        var (status, read, _) = await registrar.GetJsonAsync($"/api/cases/{filed.Str("id")}");
        Assert.Equal(HttpStatusCode.OK, status);
        foreach (var field in new[] { "id", "status", "team", "judge", "policy" })
        {
            Assert.Equal(filed.GetProperty(field).ToString(), read.GetProperty("case").GetProperty(field).ToString());
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
}
