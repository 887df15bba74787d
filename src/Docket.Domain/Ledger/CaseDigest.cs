using System.Buffers.Binary;
using System.Security.Cryptography;
using Orleans;

namespace Docket.Domain.Ledger;

/// <summary>
/// A case's chain within the court's chain: SHA-256 folded over the stored hashes of every entry that names the case —
/// its own entries (<see cref="LedgerRecord.CaseId"/>) and those that name it besides (<see cref="NamedCases"/>), in
/// ledger order, exactly the entries a court's journal reads back for it. The court keeps each case in progress's
/// digest as it verifies and appends entries, so a case's grain that folds its record from storage can tell that
/// storage holds the entries the court verified: a rewritten, removed or inserted entry changes the digest, and an
/// entry's text changed without its hash fails the entry's own hash. Four words, not an array, so a court holds one
/// per case in progress without an allocation each.
/// </summary>
[GenerateSerializer, Immutable, Alias("docket.ledger.case-digest")]
public readonly record struct CaseDigest([property: Id(0)] ulong A, [property: Id(1)] ulong B, [property: Id(2)] ulong C, [property: Id(3)] ulong D)
{
    /// <summary>The digest of no entries, which a case's filing chains onto.</summary>
    public static CaseDigest None => default;

    /// <summary>This digest with the entry whose stored hash (lower-case hex) is <paramref name="entryHash"/> chained on.</summary>
    public CaseDigest Then(string entryHash)
    {
        Span<byte> input = stackalloc byte[64];
        WriteTo(input[..32]);
        if (entryHash.Length != 64 || Convert.FromHexString(entryHash, input[32..], out _, out _) != System.Buffers.OperationStatus.Done)
        {
            throw new FormatException($"'{entryHash}' is not an entry's hash");
        }
        Span<byte> output = stackalloc byte[32];
        SHA256.HashData(input, output);
        return Read(output);
    }

    /// <summary>The digest of case <paramref name="caseId"/>'s entries among <paramref name="records"/> (in ledger order), as the court keeps it.</summary>
    public static CaseDigest Of(string caseId, IEnumerable<LedgerRecord> records)
    {
        var digest = None;
        foreach (var record in records)
        {
            if (record.CaseId == caseId || NamedCases.Besides(record).Contains(caseId))
            {
                digest = digest.Then(record.Hash);
            }
        }
        return digest;
    }

    /// <summary>Lower-case hex, as it is shown (it travels between grains as its four words).</summary>
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[32];
        WriteTo(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    internal void Write(BinaryWriter w)
    {
        w.Write(A);
        w.Write(B);
        w.Write(C);
        w.Write(D);
    }

    internal static CaseDigest Read(BinaryReader r) => new(r.ReadUInt64(), r.ReadUInt64(), r.ReadUInt64(), r.ReadUInt64());

    private void WriteTo(Span<byte> bytes)
    {
        BinaryPrimitives.WriteUInt64BigEndian(bytes, A);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], B);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[16..], C);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[24..], D);
    }

    private static CaseDigest Read(ReadOnlySpan<byte> bytes) => new(
        BinaryPrimitives.ReadUInt64BigEndian(bytes),
        BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]),
        BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]),
        BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]));
}
