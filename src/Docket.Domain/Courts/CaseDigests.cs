using System.Collections;

namespace Docket.Domain.Courts;

/// <summary>
/// Every case's <see cref="CaseDigest"/> by case number, in chunks of 4,096, so that a saved state can take them
/// without copying: <see cref="Freeze"/> hands out the chunks as they are and marks them shared, and a later change
/// to a shared chunk copies that chunk first (copy on write). A court of a million cases then saves without copying
/// 56 MB in its turn; between two saves only the chunks of cases that changed are copied, once each.
/// </summary>
internal sealed class CaseDigests : IReadOnlyList<CaseDigest>
{
    private const int Shift = 12;
    private const int ChunkSize = 1 << Shift;
    private const int Mask = ChunkSize - 1;

    private CaseDigest[][] _chunks = new CaseDigest[16][];
    private bool[] _shared = new bool[16];

    public int Count { get; private set; }

    public CaseDigest this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"no digest {index} of {Count}");
            }
            return _chunks[index >> Shift][index & Mask];
        }
        set
        {
            if ((uint)index >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"no digest {index} of {Count}");
            }
            Writable(index >> Shift)[index & Mask] = value;
        }
    }

    public void Add(CaseDigest digest)
    {
        var chunk = Count >> Shift;
        if (chunk == _chunks.Length)
        {
            Array.Resize(ref _chunks, _chunks.Length * 2);
            Array.Resize(ref _shared, _shared.Length * 2);
        }
        // Appending writes past what any frozen copy holds of this chunk: no copy needed.
        (_chunks[chunk] ??= new CaseDigest[ChunkSize])[Count & Mask] = digest;
        Count++;
    }

    /// <summary>The digests as they are now, unchanged by later changes to these (a snapshot's view).</summary>
    public FrozenDigests Freeze()
    {
        var used = (Count + Mask) >> Shift;
        Array.Fill(_shared, true, 0, used);
        return new FrozenDigests(_chunks[..used], Count);
    }

    private CaseDigest[] Writable(int chunk)
    {
        if (_shared[chunk])
        {
            _chunks[chunk] = (CaseDigest[])_chunks[chunk].Clone();
            _shared[chunk] = false;
        }
        return _chunks[chunk];
    }

    public IEnumerator<CaseDigest> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return _chunks[i >> Shift][i & Mask];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Digests frozen at a moment: <see cref="Count"/> of them in the chunks held.</summary>
    internal sealed class FrozenDigests(CaseDigest[][] chunks, int count) : IEnumerable<CaseDigest>
    {
        public int Count => count;

        public IEnumerator<CaseDigest> GetEnumerator()
        {
            for (var i = 0; i < count; i++)
            {
                yield return chunks[i >> Shift][i & Mask];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
