using Docket.Abstractions;
using Docket.Domain.Courts;
using Microsoft.Extensions.Options;

namespace Docket.Grains;

/// <summary>
/// A fixed number of slots that calls take in turn, however many callers share them: a call waits for a free slot,
/// runs, and frees it.
/// </summary>
public sealed class Slots(int count)
{
    private readonly SemaphoreSlim _free = new(Math.Max(1, count));

    /// <summary>How many calls run at once at most (at least 1).</summary>
    public int Count { get; } = Math.Max(1, count);

    /// <summary>Runs <paramref name="calls"/> as slots come free and returns their answers in the order of the calls.</summary>
    public Task<T[]> RunAsync<T>(IEnumerable<Func<Task<T>>> calls) => Task.WhenAll(calls.Select(RunOneAsync));

    private async Task<T> RunOneAsync<T>(Func<Task<T>> call)
    {
        await _free.WaitAsync();
        try
        {
            return await call();
        }
        finally
        {
            _free.Release();
        }
    }
}

/// <summary>
/// How the deadline watches — every team's and the court's, in this silo — ask their due cases to decide their
/// warnings: <see cref="DeadlineWatchOptions.CasesAtOnce"/> case grains at a time between them all. Each case asked
/// folds its record from storage and has the court ledger its warnings; a court restarted after a while wakes every
/// team with a due case at once, and each team asking its own few at a time still made hundreds at once, which took
/// the cores and the court's turns from the filings coming in (bench/README.md, "Restarts").
/// </summary>
public sealed class DueCases(IOptions<DeadlineWatchOptions> options)
{
    private readonly Slots _slots = new(options.Value.CasesAtOnce);

    /// <summary>Asks each case's grain to decide its warnings (<see cref="ILiveCaseGrain.WatchAsync"/>) as slots come free.</summary>
    public async Task<CourtWarning[]> WatchAsync(IGrainFactory grains, IEnumerable<string> caseIds) =>
        [.. (await _slots.RunAsync(caseIds.Select(id => (Func<Task<CourtWarning[]>>)(() => grains.GetGrain<ILiveCaseGrain>(id).WatchAsync()))))
            .SelectMany(w => w)];
}
