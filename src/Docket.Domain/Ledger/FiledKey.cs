namespace Docket.Domain.Ledger;

/// <summary>
/// The idempotency key a filing entry names, with the filing's time in Unix milliseconds: what a court's journal keeps
/// beside the entry, in the same write, so that a retried filing is answered from storage and the court holds no key
/// in memory. Only filings (<see cref="LedgerKinds.Assign"/>, <see cref="LedgerKinds.Queue"/>) carry keys.
/// </summary>
public readonly record struct FiledKey(string Key, long FiledAtMs)
{
    private const string KeyProperty = "\"idempotency_key\":\"";
    private const string AtProperty = "\"at\":\"";

    /// <summary>The key of a stored filing entry, or null for an entry of another kind or a filing without one.</summary>
    /// <remarks>
    /// Once per filing on the way to storage, so the entry's text is not parsed whole: in the canonical form
    /// (<see cref="LedgerEntry.ToJson"/>) the first <c>"at":"</c> and <c>"idempotency_key":"</c> are the entry's own
    /// (no object comes before them, and a string's quotes inside a value are escaped); a value with an escape in it is
    /// read by the full parser.
    /// </remarks>
    public static FiledKey? Of(LedgerRecord record)
    {
        if (record.Kind is not (LedgerKinds.Assign or LedgerKinds.Queue))
        {
            return null;
        }
        var json = record.Json.AsSpan();
        var keyAt = json.IndexOf(KeyProperty, StringComparison.Ordinal);
        if (keyAt < 0)
        {
            return null;
        }
        var key = Value(json, keyAt + KeyProperty.Length);
        var atAt = json.IndexOf(AtProperty, StringComparison.Ordinal);
        if (key.IsEmpty || atAt < 0 || Value(json, atAt + AtProperty.Length) is not { IsEmpty: false } at
            || !DateTimeOffset.TryParse(at, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var filed))
        {
            var entry = LedgerEntry.Parse(record.Json);
            return entry.IdempotencyKey is { } parsed ? new FiledKey(parsed, entry.At.ToUnixTimeMilliseconds()) : null;
        }
        return new FiledKey(key.ToString(), filed.ToUnixTimeMilliseconds());
    }

    /// <summary>A string value's characters up to its closing quote; empty when it holds an escape (or does not end).</summary>
    private static ReadOnlySpan<char> Value(ReadOnlySpan<char> json, int start)
    {
        var rest = json[start..];
        var end = rest.IndexOfAny('"', '\\');
        return end > 0 && rest[end] == '"' ? rest[..end] : [];
    }

    /// <summary>
    /// The keys of a batch of entries, one per key (a key named twice in one batch keeps its later filing, as storage
    /// keeps a key's latest filing).
    /// </summary>
    public static List<(LedgerRecord Record, FiledKey Key)> In(IReadOnlyList<LedgerRecord> records)
    {
        var keyed = new List<(LedgerRecord, FiledKey)>();
        foreach (var record in records)
        {
            if (Of(record) is not { } key)
            {
                continue;
            }
            var earlier = keyed.FindIndex(k => string.Equals(k.Item2.Key, key.Key, StringComparison.Ordinal));
            if (earlier >= 0)
            {
                keyed.RemoveAt(earlier);
            }
            keyed.Add((record, key));
        }
        return keyed;
    }
}

/// <summary>Where the filing made under an idempotency key is: its ledger entry and its case.</summary>
[Orleans.GenerateSerializer, Orleans.Immutable, Orleans.Alias("docket.live.keyed-filing")]
public sealed record KeyedFiling([property: Orleans.Id(0)] long Seq, [property: Orleans.Id(1)] string CaseId);
