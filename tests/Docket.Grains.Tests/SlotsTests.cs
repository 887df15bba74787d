using Docket.Grains;

namespace Docket.Grains.Tests;

public sealed class SlotsTests
{
    [Theory]
    [InlineData(20, 8)]
    [InlineData(5, 8)]
    [InlineData(9, 1)]
    [InlineData(3, 0)]
    public async Task Calls_run_at_most_the_slots_at_a_time_and_answer_in_order(int calls, int count)
    {
        var slots = new Slots(count);
        var counter = new Concurrency();

        var answers = await slots.RunAsync(Enumerable.Range(0, calls).Select(i => (Func<Task<int>>)(() => counter.RunAsync(i * i))));

        Assert.Equal(Enumerable.Range(0, calls).Select(i => i * i), answers);
        Assert.Equal(Math.Min(calls, Math.Max(1, count)), counter.Most);
        Assert.Equal(Math.Max(1, count), slots.Count);
    }

    [Fact]
    public async Task Callers_sharing_the_slots_run_no_more_between_them_than_there_are_slots()
    {
        var slots = new Slots(3);
        var counter = new Concurrency();

        var callers = Enumerable.Range(0, 10)
            .Select(caller => slots.RunAsync(Enumerable.Range(0, 4).Select(i => (Func<Task<int>>)(() => counter.RunAsync(caller * 10 + i)))))
            .ToList();
        var answers = await Task.WhenAll(callers);

        Assert.Equal(3, counter.Most);
        Assert.Equal(Enumerable.Range(0, 10).Select(caller => Enumerable.Range(0, 4).Select(i => caller * 10 + i)), answers);
    }

    private sealed class Concurrency
    {
        private readonly Lock _lock = new();
        private int _running;

        public int Most { get; private set; }

        public async Task<int> RunAsync(int answer)
        {
            lock (_lock)
            {
                Most = Math.Max(Most, ++_running);
            }
            await Task.Delay(5);
            lock (_lock)
            {
                _running--;
            }
            return answer;
        }
    }
}
