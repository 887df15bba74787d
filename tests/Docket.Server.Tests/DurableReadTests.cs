using System.Net;
using System.Text.Json;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Grains;
using Microsoft.Extensions.DependencyInjection;

namespace Docket.Server.Tests;

/// <summary>
/// A court decides a command in memory and then writes its entry; a reader asking meanwhile is answered only once the
/// entries its answer reflects are durable, so no reader sees what a lost write could take back.
/// </summary>
public sealed class DurableReadTests
{
    [Fact]
    public async Task The_kpis_and_the_queue_answer_only_once_a_filing_they_count_is_durable()
    {
        var journal = new HeldAppends(new InMemoryCourtJournal());
        await using var server = new DocketFactory(services: s => s.AddSingleton<ICourtJournal>(journal));
        var registrar = server.ClientFor(TestUsers.Registrar);
        var president = server.ClientFor(TestUsers.President);
        await registrar.FileAsync("simple_civil");
        var (_, before, _) = await president.GetJsonAsync("/api/courts/live/kpis");

        journal.Hold();
        var filing = registrar.FileAsync("simple_civil");
        await journal.Holding.Task;
        var kpis = president.GetJsonAsync("/api/courts/live/kpis");
        var queue = president.GetJsonAsync("/api/courts/live/queue");
        await Task.Delay(500);
        Assert.False(kpis.IsCompleted, "the KPIs answered before the filing they count was written");
        Assert.False(queue.IsCompleted, "the queue answered before the filing in the court's state was written");

        journal.Release();
        await filing;
        var (status, after, _) = await kpis;
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(before.GetProperty("filed").GetInt64() + 1, after.GetProperty("filed").GetInt64());
        Assert.Equal(HttpStatusCode.OK, (await queue).Status);
    }

    /// <summary>
    /// The other readers of the court's state — the case, the court's warnings, absences, attendance, quality-review
    /// year and seed commitments — answer only once a filing made before them is durable; each team's and judge's
    /// caseload (their grains active and holding dockets) shows it only once durable (a team it did not go to answers
    /// at once, without it); the ledger export, read from storage, leaves it out meanwhile.
    /// </summary>
    [Fact]
    public async Task No_reader_answers_with_a_filing_whose_write_is_on_its_way()
    {
        var journal = new HeldAppends(new InMemoryCourtJournal());
        await using var server = new DocketFactory(services: s => s.AddSingleton<ICourtJournal>(journal));
        var registrar = server.ClientFor(TestUsers.Registrar);
        var president = server.ClientFor(TestUsers.President);
        var auditor = server.ClientFor(TestUsers.Auditor);
        var admin = server.ClientFor(TestUsers.Admin);
        var first = await registrar.FileAsync("simple_civil");
        string[] teams = ["civil-1", "civil-2", "civil-3", "lead-1"];
        // The grains that hold the teams' and judges' dockets, and the first case's, active before the filing.
        foreach (var team in teams)
        {
            Assert.Equal(HttpStatusCode.OK, (await president.GetJsonAsync($"/api/teams/{team}/caseload")).Status);
            Assert.Equal(HttpStatusCode.OK, (await president.GetJsonAsync($"/api/teams/{team}/judges/judge-1/caseload")).Status);
        }
        Assert.Equal(HttpStatusCode.OK, (await president.GetJsonAsync($"/api/cases/{first.Str("id")}")).Status);
        var exported = (await auditor.GetStringAsync(new Uri("/api/courts/live/ledger", UriKind.Relative))).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;

        journal.Hold();
        var filing = registrar.FileAsync("simple_civil");
        await journal.Holding.Task;
        var reads = new Dictionary<string, Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)>>
        {
            ["case"] = president.GetJsonAsync("/api/cases/live-2"),
            ["warnings"] = president.GetJsonAsync("/api/courts/live/warnings"),
            ["attendance"] = president.GetJsonAsync("/api/courts/live/meetings/attendance"),
            ["quality-review"] = president.GetJsonAsync("/api/courts/live/quality-review"),
            ["absences"] = president.GetJsonAsync("/api/teams/civil-1/absences"),
            ["commitments"] = admin.GetJsonAsync("/api/audit/commitments"),
        };
        foreach (var team in teams)
        {
            reads[$"{team} caseload"] = president.GetJsonAsync($"/api/teams/{team}/caseload");
            reads[$"{team} judge-1 caseload"] = president.GetJsonAsync($"/api/teams/{team}/judges/judge-1/caseload");
        }
        var export = auditor.GetStringAsync(new Uri("/api/courts/live/ledger", UriKind.Relative));
        await Task.Delay(500);
        var early = reads.Where(r => r.Value.IsCompleted).ToDictionary(r => r.Key, r => r.Value.Result.Body);
        var exportedMeanwhile = (await export).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;

        journal.Release();
        var filed = await filing;
        var filedTo = filed.Str("team");
        Assert.Contains($"{filedTo} caseload", reads.Keys);
        foreach (var (name, body) in early)
        {
            Assert.True(name.EndsWith(" caseload", StringComparison.Ordinal) && !name.StartsWith(filedTo + " ", StringComparison.Ordinal),
                $"{name} answered while the filing was still being written");
            Assert.DoesNotContain(body.GetProperty("cases").EnumerateArray(), c => c.Str("id") == filed.Str("id"));
        }
        Assert.Equal(exported, exportedMeanwhile);
        foreach (var (name, read) in reads)
        {
            var (status, body, _) = await read;
            Assert.True(status == HttpStatusCode.OK, $"{name} answered {status}: {body}");
        }
        Assert.Equal(filed.Str("id"), (await reads["case"]).Body.GetProperty("case").Str("id"));
        Assert.Contains((await reads[$"{filedTo} caseload"]).Body.GetProperty("cases").EnumerateArray(), c => c.Str("id") == filed.Str("id"));
    }

    /// <summary>Appends held back, once <see cref="Hold"/> is called, until <see cref="Release"/>.</summary>
    private sealed class HeldAppends(ICourtJournal inner) : CourtJournalDecorator(inner)
    {
        private TaskCompletionSource? _gate;

        public TaskCompletionSource Holding { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Hold() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _gate!.SetResult();

        public override async Task AppendAsync(string court, IReadOnlyList<LedgerRecord> entries, IReadOnlyList<FinishedCase>? finished = null, CancellationToken cancellationToken = default)
        {
            if (_gate is { } gate)
            {
                Holding.TrySetResult();
                await gate.Task;
            }
            await Inner.AppendAsync(court, entries, finished, cancellationToken);
        }
    }
}
