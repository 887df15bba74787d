namespace Docket.Domain.Courts;

/// <summary>
/// Idempotency-key fingerprints to case numbers, split by the fingerprint's low byte into 256 dictionaries: the
/// fingerprints are SHA-256 bytes, so each holds about 1/256 of them and grows by small steps, where one dictionary
/// of hundreds of thousands of keys stopped the court's filings for a rehash each time it doubled.
/// </summary>
internal sealed class KeyPrintIndex
{
    private readonly Dictionary<ulong, long>[] _parts = [.. Enumerable.Range(0, 256).Select(_ => new Dictionary<ulong, long>())];

    public int Count { get; private set; }

    public bool TryGetValue(ulong print, out long number) => Part(print).TryGetValue(print, out number);

    public long this[ulong print]
    {
        set
        {
            var part = Part(print);
            var before = part.Count;
            part[print] = value;
            Count += part.Count - before;
        }
    }

    public bool Remove(ulong print)
    {
        var removed = Part(print).Remove(print);
        Count -= removed ? 1 : 0;
        return removed;
    }

    private Dictionary<ulong, long> Part(ulong print) => _parts[(int)(print & 0xFF)];
}
