using Docket.Grains;

namespace Docket.Grains.Tests;

public sealed class InTurnsTests
{
    [Theory]
    [InlineData(20, 8)]
    [InlineData(5, 8)]
    [InlineData(9, 1)]
    [InlineData(3, 0)]
    public async Task Calls_run_at_most_the_given_number_at_a_time_and_answer_in_order(int calls, int atOnce)
    {
        var running = 0;
        var most = 0;
        var gate = new object();
        var asks = Enumerable.Range(0, calls).Select(i => (Func<Task<int>>)(async () =>
        {
            lock (gate)
            {
                most = Math.Max(most, ++running);
            }
            await Task.Delay(5);
            lock (gate)
            {
                running--;
            }
            return i * i;
        })).ToList();

        var answers = await InTurns.RunAsync(asks, atOnce);

        Assert.Equal(Enumerable.Range(0, calls).Select(i => i * i), answers);
        Assert.Equal(Math.Min(calls, Math.Max(1, atOnce)), most);
    }
}
