using System.Net;
using System.Text.Json;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Grains;
using Microsoft.Extensions.DependencyInjection;

namespace Docket.Server.Tests;

/// <summary>
/// A command whose ledger append fails leaves nothing of it anywhere: not in the case's grain, not in a team's
/// docket, not in the ledger the court rebuilds from; and a filing retried under its Idempotency-Key after its first
/// attempt was lost files once.
/// </summary>
public sealed class FailedAppendTests
{
    [Fact]
    public async Task A_failed_append_leaves_nothing_half_applied_and_its_keyed_filing_is_filed_once_when_retried()
    {
        var journal = new FailingAppends(new InMemoryCourtJournal());
        await using var server = new DocketFactory(services: s => s.AddSingleton<ICourtJournal>(journal));
        var registrar = server.ClientFor(TestUsers.Registrar);
        var president = server.ClientFor(TestUsers.President);
        var auditor = server.ClientFor(TestUsers.Auditor);
        var (id, judge, team) = await FileCivilWithJudgeAsync(server, registrar);
        var caseBefore = await ReadOkAsync(president, $"/api/cases/{id}");
        var caseloadBefore = await ReadOkAsync(president, $"/api/teams/{team}/caseload");
        var judgeBefore = await ReadOkAsync(president, $"/api/teams/{team}/judges/judge-1/caseload");

        // A node reported on the case: its append fails.
        journal.FailNext();
        var (reached, _, _) = await judge.PostJsonAsync($"/api/cases/{id}/events", new { node = "served" });
        Assert.True((int)reached >= 500, $"a report whose append failed answered {reached}");
        var caseAfter = await ReadOkAsync(president, $"/api/cases/{id}");
        Assert.Equal(caseBefore.GetProperty("case").GetProperty("version").GetInt64(), caseAfter.GetProperty("case").GetProperty("version").GetInt64());
        Assert.DoesNotContain(caseAfter.GetProperty("case").GetProperty("nodes").EnumerateArray(), n => n.Str("node") == "served");

        // A keyed filing: its append fails.
        journal.FailNext();
        var (filed, _, _) = await registrar.PostJsonAsync("/api/courts/live/cases", new { type = "simple_civil" }, r => r.Headers.Add("Idempotency-Key", "lost-once"));
        Assert.True((int)filed >= 500, $"a filing whose append failed answered {filed}");
        Assert.Equal(JsonSerializer.Serialize(caseloadBefore.GetProperty("cases")), JsonSerializer.Serialize((await ReadOkAsync(president, $"/api/teams/{team}/caseload")).GetProperty("cases")));
        Assert.Equal(JsonSerializer.Serialize(judgeBefore.GetProperty("cases")), JsonSerializer.Serialize((await ReadOkAsync(president, $"/api/teams/{team}/judges/judge-1/caseload")).GetProperty("cases")));
        Assert.Equal(HttpStatusCode.NotFound, (await AnsweredAsync(president, $"/api/cases/live-{Number(id) + 1}")).Status);

        // The node reported again, and the filing retried under its key: each made once.
        Assert.Equal(HttpStatusCode.OK, (await judge.PostJsonAsync($"/api/cases/{id}/events", new { node = "served" })).Status);
        var retried = await registrar.FileAsync("simple_civil", key: "lost-once");
        Assert.False(retried.GetProperty("replayed").GetBoolean());
        var again = await registrar.FileAsync("simple_civil", key: "lost-once");
        Assert.True(again.GetProperty("replayed").GetBoolean());
        Assert.Equal(retried.Str("id"), again.Str("id"));

        var ledger = (await auditor.GetStringAsync(new Uri("/api/courts/live/ledger", UriKind.Relative)))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => LedgerEntry.Parse(l)).ToList();
        Assert.Equal(Enumerable.Range(1, ledger.Count).Select(i => (long)i), ledger.Select(e => e.Seq));
        Assert.Single(ledger, e => e.IdempotencyKey == "lost-once");
        Assert.Single(ledger, e => e.Case == id && e.Node == "served");
    }

    private static long Number(string id) => long.Parse(id[(id.LastIndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A read answered other than with a server error: the court rebuilding from its ledger answers 5xx meanwhile.</summary>
    private static async Task<(HttpStatusCode Status, JsonElement Body)> AnsweredAsync(HttpClient client, string path)
    {
        for (var i = 0; ; i++)
        {
            var (status, body, _) = await client.GetJsonAsync(path);
            if ((int)status < 500 || i == 100)
            {
                return (status, body);
            }
            await Task.Delay(100);
        }
    }

    private static async Task<JsonElement> ReadOkAsync(HttpClient client, string path)
    {
        var (status, body) = await AnsweredAsync(client, path);
        Assert.True(status == HttpStatusCode.OK, $"{path} answered {status}: {body}");
        return body;
    }

    private static async Task<(string Id, HttpClient Judge, string Team)> FileCivilWithJudgeAsync(DocketFactory server, HttpClient registrar)
    {
        for (var i = 0; i < 50; i++)
        {
            var filed = await registrar.FileAsync("simple_civil");
            var key = filed.Str("team") switch { "civil-1" => TestUsers.JudgeCivil1, "civil-2" => TestUsers.JudgeCivil2, _ => null };
            if (key is not null)
            {
                return (filed.Str("id"), server.ClientFor(key), filed.Str("team"));
            }
        }
        throw new InvalidOperationException("no case reached civil-1 or civil-2 in 50 filings");
    }

    /// <summary>The next append, once <see cref="FailNext"/> is called, fails without writing anything.</summary>
    private sealed class FailingAppends(ICourtJournal inner) : CourtJournalDecorator(inner)
    {
        private int _fail;

        public void FailNext() => Volatile.Write(ref _fail, 1);

        public override Task AppendAsync(string court, IReadOnlyList<LedgerRecord> entries, IReadOnlyList<FinishedCase>? finished = null, CancellationToken cancellationToken = default) =>
            Interlocked.Exchange(ref _fail, 0) == 1
                ? Task.FromException(new IOException($"court {court}: the disk refused entries {entries[0].Seq}-{entries[^1].Seq}"))
                : Inner.AppendAsync(court, entries, finished, cancellationToken);
    }
}
