namespace Docket.Domain.Courts;

/// <summary>
/// A value per case number (numbers run 1, 2, 3, … in filing order), kept in chunks of 2,048 numbers: a chunk is made
/// when its first case is added and dropped when its last one leaves. Used instead of a dictionary for what a court
/// holds per case in progress: growing never rehashes hundreds of thousands of entries in the court's turn (a
/// dictionary doubling at 262,144 open cases stopped filings for tens of milliseconds), and the numbers come out in
/// order without sorting. A chunk holding few cases keeps them as a short sorted list (up to
/// <see cref="SparseMost"/>; it becomes a full array past that and a list again at <see cref="SparseAgain"/> or
/// fewer), so memory follows the cases in progress, not the numbers between them: a long-pending case among
/// thousands finished does not keep a chunk's full array alive. <see cref="Freeze"/> hands the chunks to a saved
/// state as they are and marks them shared; a later change to a shared chunk copies it first (copy on write), so
/// taking a court's state costs its turn a copy of the chunk list, not of every case.
/// </summary>
internal sealed class CaseSlots<T>
{
    private const int Shift = 11;
    private const int ChunkSize = 1 << Shift;
    private const int Mask = ChunkSize - 1;

    /// <summary>The most cases a chunk keeps as a sorted list; one more makes it a full array.</summary>
    public const int SparseMost = 256;

    /// <summary>A full chunk left with this many cases or fewer goes back to a list (half the most, so a chunk at the edge does not flip at each change).</summary>
    public const int SparseAgain = SparseMost / 2;

    private Chunk?[] _chunks = new Chunk?[64];

    public int Count { get; private set; }

    /// <summary>Chunks kept as full arrays (the rest are lists).</summary>
    public int FullChunks => _chunks.Count(c => c is { IsSparse: false });

    public bool TryGetValue(long number, out T value)
    {
        if (number >= 1 && ChunkOf(number) is { } chunk && chunk.Find((int)((number - 1) & Mask)) is var at and >= 0)
        {
            value = chunk.Values[at];
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
        var i = (int)((number - 1) & Mask);
        if (number < 1 || ChunkOf(number) is not { } found || found.Find(i) < 0)
        {
            value = default!;
            return false;
        }
        var chunk = Writable(c);
        value = chunk.RemoveAt(chunk.Find(i), i);
        Count--;
        if (chunk.Count == 0)
        {
            _chunks[c] = null;
        }
        else if (!chunk.IsSparse && chunk.Count <= SparseAgain)
        {
            _chunks[c] = chunk.ToSparse();
        }
        return true;
    }

    /// <summary>The case numbers held, ascending.</summary>
    public IEnumerable<long> Keys => Entries(_chunks).Select(e => e.Number);

    /// <summary>The values, in ascending case number.</summary>
    public IEnumerable<T> Values => Entries(_chunks).Select(e => e.Value);

    private static IEnumerable<(long Number, T Value)> Entries(Chunk?[] chunks)
    {
        for (var c = 0; c < chunks.Length; c++)
        {
            if (chunks[c] is not { } chunk)
            {
                continue;
            }
            foreach (var (i, value) in chunk.Entries())
            {
                yield return (((long)c << Shift) + i + 1, value);
            }
        }
    }

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
        var chunk = _chunks[c] is null ? (_chunks[c] = Chunk.Sparse()) : Writable(c);
        var i = (int)((number - 1) & Mask);
        var at = chunk.Find(i);
        if (at >= 0)
        {
            if (!replace)
            {
                throw new ArgumentException($"case {number} is already held", nameof(number));
            }
            chunk.Values[at] = value;
            return;
        }
        if (chunk.IsSparse && chunk.Count == SparseMost)
        {
            _chunks[c] = chunk = chunk.ToFull();
            at = ~i;
        }
        chunk.Insert(at, i, value);
        Count++;
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
            if (number >= 1 && c < chunks.Length && chunks[c] is { } chunk && chunk.Find((int)((number - 1) & Mask)) is var at and >= 0)
            {
                value = chunk.Values[at];
                return true;
            }
            value = default!;
            return false;
        }

        /// <summary>The numbers and values, ascending.</summary>
        public IEnumerable<(long Number, T Value)> Entries() => CaseSlots<T>.Entries(chunks);
    }

    /// <summary>
    /// A chunk's cases: a full array indexed by the number's place in the chunk (<see cref="Has"/> says which are held),
    /// or, sparse, the places held in ascending order (<see cref="Places"/>) with their values at the same index.
    /// </summary>
    public sealed class Chunk
    {
        private Chunk(T[] values, bool[]? has, ushort[]? places, int count)
        {
            Values = values;
            Has = has;
            Places = places;
            Count = count;
        }

        public T[] Values { get; private set; }

        public bool[]? Has { get; }

        public ushort[]? Places { get; private set; }

        public int Count { get; private set; }

        public bool Shared { get; set; }

        public bool IsSparse => Has is null;

        public static Chunk Sparse(int capacity = 4) => new(new T[capacity], null, new ushort[capacity], 0);

        /// <summary>Where place <paramref name="i"/>'s value is in <see cref="Values"/>, or a negative number (for a sparse chunk, the complement of where it would go).</summary>
        public int Find(int i) => Has is { } has ? (has[i] ? i : ~i) : Array.BinarySearch(Places!, 0, Count, (ushort)i);

        /// <summary>Puts a value at place <paramref name="i"/>, not held; <paramref name="at"/> is <see cref="Find"/>'s answer.</summary>
        public void Insert(int at, int i, T value)
        {
            if (Has is { } has)
            {
                has[i] = true;
                Values[i] = value;
                Count++;
                return;
            }
            var to = ~at;
            if (Count == Values.Length)
            {
                var grown = Math.Min(SparseMost, Values.Length * 2);
                var values = Values;
                var places = Places!;
                Array.Resize(ref values, grown);
                Array.Resize(ref places, grown);
                Values = values;
                Places = places;
            }
            Array.Copy(Values, to, Values, to + 1, Count - to);
            Array.Copy(Places!, to, Places!, to + 1, Count - to);
            Values[to] = value;
            Places![to] = (ushort)i;
            Count++;
        }

        /// <summary>Takes out place <paramref name="i"/>'s value, at <paramref name="at"/> (<see cref="Find"/>'s answer).</summary>
        public T RemoveAt(int at, int i)
        {
            var value = Values[at];
            if (Has is { } has)
            {
                has[i] = false;
                Values[i] = default!;
            }
            else
            {
                Array.Copy(Values, at + 1, Values, at, Count - at - 1);
                Array.Copy(Places!, at + 1, Places!, at, Count - at - 1);
                Values[Count - 1] = default!;
            }
            Count--;
            return value;
        }

        /// <summary>The places held and their values, ascending.</summary>
        public IEnumerable<(int Place, T Value)> Entries()
        {
            if (Has is { } has)
            {
                for (var i = 0; i < ChunkSize; i++)
                {
                    if (has[i])
                    {
                        yield return (i, Values[i]);
                    }
                }
                yield break;
            }
            for (var k = 0; k < Count; k++)
            {
                yield return (Places![k], Values[k]);
            }
        }

        /// <summary>The same cases as a full array.</summary>
        public Chunk ToFull()
        {
            var full = new Chunk(new T[ChunkSize], new bool[ChunkSize], null, 0);
            foreach (var (i, value) in Entries())
            {
                full.Insert(~i, i, value);
            }
            return full;
        }

        /// <summary>The same cases as a sorted list, sized to them.</summary>
        public Chunk ToSparse()
        {
            var sparse = Sparse(Math.Max(4, Count));
            foreach (var (i, value) in Entries())
            {
                sparse.Insert(~sparse.Count, i, value);
            }
            return sparse;
        }

        public Chunk Copy() => new((T[])Values.Clone(), (bool[]?)Has?.Clone(), (ushort[]?)Places?.Clone(), Count);
    }
}
