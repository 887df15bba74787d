using Docket.Domain.Simulation;

namespace Docket.Domain.Statistics;

/// <summary>
/// Folds a court's done cases into its <see cref="CaseFold"/> in the order they were done: inline, or (for a large
/// court, <c>offLoop</c>) mostly on another thread than the court's loop. Off the loop, the loop hands over a copy of
/// each done case's record (so a slot given to a later case, or a field written after, changes nothing); the copies
/// go in batches to one worker on the thread pool, and the fold takes them strictly in order, one batch at a time,
/// whoever folds them. <see cref="Fold"/> first folds what is left on the calling thread, so a reader sees every case
/// done so far and the same sums, in the same order, as a fold done inline. When the worker falls behind (every core
/// busy with other courts), the loop folds the queue itself rather than let it grow. A fold that fails on the worker
/// stops it, and the loop's next hand-over or read throws.
/// </summary>
internal sealed class DoneCaseFolder
{
    /// <summary>Courts expected to hold at least this many cases fold off their loop; smaller ones gain too little for the batches' memory.</summary>
    public const int OffLoopCases = 65_536;

    /// <summary>Cases a batch holds: few enough hand-overs that waking the worker costs nothing to speak of (each wake is tens of microseconds).</summary>
    internal const int BatchSize = 4096;
    private const int MaxQueuedBatches = 4;

    private readonly CaseFold _fold;
    private readonly Queue<Batch> _queued = new();
    private readonly Stack<CaseRecord[]> _spare = new();
    private readonly Lock _queueGate = new();
    private readonly Lock _foldGate = new();
    private readonly bool _offLoop;
    private CaseRecord[] _filling = [];
    private int _filled;
    private bool _workerQueued;
    private volatile Exception? _failure;

    public DoneCaseFolder(CaseFold fold, bool offLoop)
    {
        _fold = fold;
        _offLoop = offLoop;
        if (offLoop)
        {
            _filling = new CaseRecord[BatchSize];
        }
    }

    /// <summary>Every case handed over so far, folded; only the court's loop thread calls this, between its steps.</summary>
    public CaseFold Fold
    {
        get
        {
            if (!_offLoop)
            {
                return _fold;
            }
            if (_filled > 0)
            {
                Post();
            }
            FoldQueued();
            return _fold;
        }
    }

    /// <summary>Hands over a done case as it stands now.</summary>
    public void Add(in CaseRecord record)
    {
        if (!_offLoop)
        {
            _fold.Add(in record);
            return;
        }
        _filling[_filled++] = record;
        if (_filled == BatchSize)
        {
            Post();
        }
    }

    private void Post()
    {
        bool startWorker, behind;
        lock (_queueGate)
        {
            _queued.Enqueue(new Batch(_filling, _filled));
            _filling = _spare.Count > 0 ? _spare.Pop() : new CaseRecord[BatchSize];
            _filled = 0;
            startWorker = !_workerQueued;
            _workerQueued = true;
            behind = _queued.Count > MaxQueuedBatches;
        }
        if (behind || _failure is not null)
        {
            FoldQueued();
        }
        else if (startWorker)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static folder => folder.Work(), this, preferLocal: false);
        }
    }

    private void Work()
    {
        try
        {
            FoldQueued();
        }
        catch (InvalidOperationException)
        {
            // Recorded by FoldQueued: the loop's next hand-over or read of the fold throws it.
        }
        lock (_queueGate)
        {
            _workerQueued = false;
            if (_failure is null && _queued.Count > 0)
            {
                _workerQueued = true;
                ThreadPool.UnsafeQueueUserWorkItem(static folder => folder.Work(), this, preferLocal: false);
            }
        }
    }

    /// <summary>Folds every queued batch in order: a batch is taken off the queue only while the fold is held.</summary>
    private void FoldQueued()
    {
        lock (_foldGate)
        {
            if (_failure is { } failed)
            {
                throw Failed(failed);
            }
            try
            {
                while (true)
                {
                    Batch batch;
                    lock (_queueGate)
                    {
                        if (!_queued.TryDequeue(out batch))
                        {
                            return;
                        }
                    }
                    for (var i = 0; i < batch.Count; i++)
                    {
                        _fold.Add(in batch.Records[i]);
                    }
                    lock (_queueGate)
                    {
                        _spare.Push(batch.Records);
                    }
                }
            }
            catch (Exception e)
            {
                // The fold is short of a batch from here on: every later read fails rather than answer short.
                _failure = e;
                throw Failed(e);
            }
        }
    }

    private static InvalidOperationException Failed(Exception cause) => new("folding the court's done cases failed", cause);

    private readonly record struct Batch(CaseRecord[] Records, int Count);
}
