using System.Buffers;
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
    public static string Of(string json)
    {
        // Encoded into a pooled buffer: every entry written, replayed or verified is hashed.
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(json, bytes);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(bytes.AsSpan(0, length), hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>The commitment to a secret: SHA-256 of its 32 bytes, lower-case hex.</summary>
    public static string Commitment(string secretHex) => Convert.ToHexStringLower(SHA256.HashData(Convert.FromHexString(secretHex)));

    /// <summary>
    /// Whether <paramref name="secretHex"/> is a secret (32 bytes, hex) whose commitment is <paramref name="commitment"/>:
    /// false, never an exception, for text that is not a secret (a revealed or stored secret is read from outside).
    /// </summary>
    public static bool Opens(string? secretHex, string? commitment) =>
        secretHex is { Length: 64 } && secretHex.All(char.IsAsciiHexDigit) && commitment is not null && Commitment(secretHex) == commitment;

    /// <summary>The random streams' seed: the secret's first 8 bytes, little-endian.</summary>
    public static ulong Seed(string secretHex) => BinaryPrimitives.ReadUInt64LittleEndian(Convert.FromHexString(secretHex).AsSpan(0, 8));

    public static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
