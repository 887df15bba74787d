using Docket.Abstractions;
using Docket.Domain.Courts;

namespace Docket.Grains;

/// <summary>Calls made a few at a time: each turn's calls run together, the next turn starts when they have all answered.</summary>
public static class InTurns
{
    /// <summary>
    /// Runs <paramref name="calls"/> at most <paramref name="atOnce"/> at a time (at least 1) and returns their answers
    /// in the order of the calls.
    /// </summary>
    public static async Task<T[]> RunAsync<T>(IReadOnlyList<Func<Task<T>>> calls, int atOnce)
    {
        var answers = new T[calls.Count];
        var turn = Math.Max(1, atOnce);
        for (var start = 0; start < calls.Count; start += turn)
        {
            var end = Math.Min(calls.Count, start + turn);
            var running = new Task<T>[end - start];
            for (var i = start; i < end; i++)
            {
                running[i - start] = calls[i]();
            }
            var done = await Task.WhenAll(running);
            done.CopyTo(answers, start);
        }
        return answers;
    }
}

/// <summary>How a deadline watch, a team's or the court's, asks its due cases to decide their warnings.</summary>
public static class DueCases
{
    /// <summary>
    /// Asks each case's grain to decide its warnings (<see cref="ILiveCaseGrain.WatchAsync"/>), <paramref name="atOnce"/>
    /// at a time (<see cref="DeadlineWatchOptions.CasesAtOnce"/>): each folds its record from storage, so thousands
    /// due at once — a court restarted after a while — would otherwise take the cores and the court's turns from the filings.
    /// </summary>
    public static async Task<CourtWarning[]> WatchAsync(IGrainFactory grains, IEnumerable<string> caseIds, int atOnce) =>
        [.. (await InTurns.RunAsync([.. caseIds.Select(id => (Func<Task<CourtWarning[]>>)(() => grains.GetGrain<ILiveCaseGrain>(id).WatchAsync()))], atOnce))
            .SelectMany(w => w)];
}
