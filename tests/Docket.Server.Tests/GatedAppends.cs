using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Grains;

namespace Docket.Server.Tests;

/// <summary>
/// A journal whose appends, once <see cref="Hold"/> is called, each wait at a gate of their own (numbered from 0 in
/// the order they come) until <see cref="Release"/> writes them or <see cref="Fail"/> fails them unwritten.
/// </summary>
internal sealed class GatedAppends(ICourtJournal inner) : CourtJournalDecorator(inner)
{
    private readonly List<TaskCompletionSource> _gates = [];
    private readonly Lock _lock = new();
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _holding;

    public void Hold()
    {
        lock (_lock)
        {
            _holding = true;
        }
    }

    /// <summary>Waits until <paramref name="count"/> appends are held (or were).</summary>
    public async Task HeldAsync(int count)
    {
        while (true)
        {
            Task arrived;
            lock (_lock)
            {
                if (_gates.Count >= count)
                {
                    return;
                }
                arrived = _arrived.Task;
            }
            await arrived.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    public void Release(int index)
    {
        lock (_lock)
        {
            _gates[index].TrySetResult();
        }
    }

    public void Fail(int index)
    {
        lock (_lock)
        {
            _gates[index].TrySetException(new IOException($"append {index} refused by the test's disk"));
        }
    }

    /// <summary>Writes every append held and holds no more (so a test's server can stop whatever it asserted).</summary>
    public void ReleaseAll()
    {
        lock (_lock)
        {
            _holding = false;
            _gates.ForEach(g => g.TrySetResult());
        }
    }

    public override async Task AppendAsync(string court, IReadOnlyList<LedgerRecord> entries, IReadOnlyList<FinishedCase>? finished = null, CancellationToken cancellationToken = default)
    {
        Task? gate = null;
        lock (_lock)
        {
            if (_holding)
            {
                var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _gates.Add(held);
                gate = held.Task;
                var arrived = _arrived;
                _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                arrived.SetResult();
            }
        }
        if (gate is not null)
        {
            await gate;
        }
        await Inner.AppendAsync(court, entries, finished, cancellationToken);
    }
}
