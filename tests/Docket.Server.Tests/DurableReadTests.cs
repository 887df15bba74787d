using System.Net;
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
