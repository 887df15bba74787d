namespace Docket.Domain.Courts;

/// <summary>
/// A value per case number (numbers run 1, 2, 3, … in filing order), kept in chunks of 2,048 numbers: a chunk is made
/// when its first case is added and dropped when its last one leaves. Used instead of a dictionary for what a court
/// holds per case in progress: growing never rehashes hundreds of thousands of entries in the court's turn (a
/// dictionary doubling at 262,144 open cases stopped filings for tens of milliseconds), and the numbers come out in
/// order without sorting. Memory follows the chunks that still hold a case in progress. <see cref="Freeze"/> hands the
/// chunks to a saved state as they are and marks them shared; a later change to a shared chunk copies it first (copy
/// on write), so taking a court's state costs its turn a copy of the chunk list, not of every case.
/// </summary>
internal sealed class CaseSlots<T>
{
    private const int Shift = 11;
    private const int ChunkSize = 1 << Shift;
    private const int Mask = ChunkSize - 1;

    private Chunk?[] _chunks = new Chunk?[64];

    public int Count { get; private set; }

    public bool TryGetValue(long number, out T value)
    {
        if (number >= 1 && ChunkOf(number) is { } chunk && chunk.Has[(number - 1) & Mask])
        {
            value = chunk.Values[(number - 1) & Mask];
            return true;
        }
        value = default!;
        return false;
    }

    public bool ContainsKey(long number) => TryGetValue(number, out _);

    public T this[long number]
    {
        get => TryGetValue(number, out var value) ? value : throw new KeyNotFoundException($"no case {number}");
        set => Put(number, value, replace: true);
    }

    /// <summary>Adds case <paramref name="number"/>'s value; throws when it has one.</summary>
    public void Add(long number, T value) => Put(number, value, replace: false);

    public bool Remove(long number) => Remove(number, out _);

    public bool Remove(long number, out T value)
    {
        var c = (int)((number - 1) >> Shift);
        if (number < 1 || ChunkOf(number) is not { } chunk || !chunk.Has[(number - 1) & Mask])
        {
            value = default!;
            return false;
        }
        chunk = Writable(c);
        var i = (number - 1) & Mask;
        value = chunk.Values[i];
        chunk.Values[i] = default!;
        chunk.Has[i] = false;
        Count--;
        if (--chunk.Count == 0)
        {
            _chunks[c] = null;
        }
        return true;
    }

    /// <summary>The case numbers held, ascending.</summary>
    public IEnumerable<long> Keys
    {
        get
        {
            for (var c = 0; c < _chunks.Length; c++)
            {
                if (_chunks[c] is not { } chunk)
                {
                    continue;
                }
                for (var i = 0; i < ChunkSize; i++)
                {
                    if (chunk.Has[i])
                    {
                        yield return ((long)c << Shift) + i + 1;
                    }
                }
            }
        }
    }

    /// <summary>The values, in ascending case number.</summary>
    public IEnumerable<T> Values => Keys.Select(n => this[n]);

    private Chunk? ChunkOf(long number)
    {
        var c = (number - 1) >> Shift;
        return c < _chunks.Length ? _chunks[c] : null;
    }

    private void Put(long number, T value, bool replace)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        var c = (int)((number - 1) >> Shift);
        if (c >= _chunks.Length)
        {
            Array.Resize(ref _chunks, Math.Max(c + 1, _chunks.Length * 2));
        }
        var chunk = _chunks[c] is null ? (_chunks[c] = new Chunk()) : Writable(c);
        var i = (number - 1) & Mask;
        if (chunk.Has[i])
        {
            if (!replace)
            {
                throw new ArgumentException($"case {number} is already held", nameof(number));
            }
        }
        else
        {
            chunk.Has[i] = true;
            chunk.Count++;
            Count++;
        }
        chunk.Values[i] = value;
    }

    /// <summary>The values as they are now, unchanged by later changes (a saved state's view).</summary>
    public Frozen Freeze()
    {
        foreach (var chunk in _chunks)
        {
            if (chunk is not null)
            {
                chunk.Shared = true;
            }
        }
        return new Frozen((Chunk?[])_chunks.Clone(), Count);
    }

    private Chunk Writable(int c)
    {
        var chunk = _chunks[c]!;
        return chunk.Shared ? (_chunks[c] = chunk.Copy()) : chunk;
    }

    /// <summary>A frozen view (<see cref="Freeze"/>): read from any thread while the court goes on.</summary>
    public sealed class Frozen(Chunk?[] chunks, int count)
    {
        public int Count { get; } = count;

        public bool TryGetValue(long number, out T value)
        {
            var c = (number - 1) >> Shift;
            if (number >= 1 && c < chunks.Length && chunks[c] is { } chunk && chunk.Has[(number - 1) & Mask])
            {
                value = chunk.Values[(number - 1) & Mask];
                return true;
            }
            value = default!;
            return false;
        }

        /// <summary>The numbers and values, ascending.</summary>
        public IEnumerable<(long Number, T Value)> Entries()
        {
            for (var c = 0; c < chunks.Length; c++)
            {
                if (chunks[c] is not { } chunk)
                {
                    continue;
                }
                for (var i = 0; i < ChunkSize; i++)
                {
                    if (chunk.Has[i])
                    {
                        yield return (((long)c << Shift) + i + 1, chunk.Values[i]);
                    }
                }
            }
        }
    }

    public sealed class Chunk
    {
        public T[] Values { get; private init; } = new T[ChunkSize];
        public bool[] Has { get; private init; } = new bool[ChunkSize];
        public int Count { get; set; }
        public bool Shared { get; set; }

        public Chunk Copy() => new() { Values = (T[])Values.Clone(), Has = (bool[])Has.Clone(), Count = Count };
    }
}
