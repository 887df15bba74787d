using System.Security.Cryptography;
using System.Text;

namespace Docket.Domain.Courts;

/// <summary>
/// A party's code: 16 base32 characters (RFC 4648's alphabet, 80 random bits from <see cref="RandomNumberGenerator"/>),
/// given to the party once and kept by the court only as a keyed hash (HMAC-SHA256 under a server key that is not in
/// the ledger), so an exported ledger cannot be searched for codes.
/// </summary>
public static class PartyCodes
{
    /// <summary>Characters of a code.</summary>
    public const int Length = 16;

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>A new code: 16 characters of 5 random bits each.</summary>
    public static string New()
    {
        Span<byte> bytes = stackalloc byte[Length * 5 / 8];
        RandomNumberGenerator.Fill(bytes);
        var code = new char[Length];
        for (var i = 0; i < Length; i++)
        {
            var bit = i * 5;
            var pair = (bytes[bit / 8] << 8) | (bit / 8 + 1 < bytes.Length ? bytes[bit / 8 + 1] : 0);
            code[i] = Alphabet[(pair >> (11 - bit % 8)) & 31];
        }
        return new string(code);
    }

    /// <summary>The code's keyed hash (lowercase hex), as the ledger records it; null when the text is not a well-formed code.</summary>
    public static string? Hmac(ReadOnlySpan<byte> key, string? code)
    {
        var normal = Normalize(code);
        return normal is null ? null : Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(normal)));
    }

    /// <summary>Whether <paramref name="code"/> is the code whose keyed hash is <paramref name="hmac"/> (compared in constant time).</summary>
    public static bool Matches(ReadOnlySpan<byte> key, string? code, string? hmac) => SameHmac(Hmac(key, code), hmac);

    /// <summary>Whether two keyed hashes are the same, neither null (compared in constant time).</summary>
    public static bool SameHmac(string? given, string? hmac) =>
        given is not null && hmac is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(given), Encoding.ASCII.GetBytes(hmac));

    /// <summary>Whether the text is a keyed hash as the ledger records it: 64 lowercase hex digits.</summary>
    public static bool IsHmac(string? text) => text is { Length: 64 } && text.All(ch => ch is >= '0' and <= '9' or >= 'a' and <= 'f');

    /// <summary>The code in upper case without spaces or dashes (as a party may type it), or null when it is not 16 base32 characters.</summary>
    private static string? Normalize(string? code)
    {
        if (code is null)
        {
            return null;
        }
        var normal = new string([.. code.Where(ch => ch is not (' ' or '-')).Select(char.ToUpperInvariant)]);
        return normal.Length == Length && normal.All(ch => Alphabet.Contains(ch, StringComparison.Ordinal)) ? normal : null;
    }
}
