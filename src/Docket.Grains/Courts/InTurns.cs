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
