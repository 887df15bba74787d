using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Docket.Domain.Access;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;

namespace Docket.Domain.Ledger;

/// <summary>The ledger's hashes and the seed a secret gives.</summary>
public static class LedgerHash
{
    public static string Genesis { get; } = new('0', 64);

    /// <summary>SHA-256 of the entry's UTF-8 text, lower-case hex.</summary>
    public static string Of(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));

    /// <summary>The commitment to a secret: SHA-256 of its 32 bytes, lower-case hex.</summary>
    public static string Commitment(string secretHex) => Convert.ToHexStringLower(SHA256.HashData(Convert.FromHexString(secretHex)));

    /// <summary>The random streams' seed: the secret's first 8 bytes, little-endian.</summary>
    public static ulong Seed(string secretHex) => BinaryPrimitives.ReadUInt64LittleEndian(Convert.FromHexString(secretHex).AsSpan(0, 8));

    public static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
