using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Docket.Domain.Courts;

namespace Docket.Domain.Ledger;

/// <summary>
/// A court's ledger as it stood when entries were acknowledged: the last entry's position and hash, and when. Signed
/// with the service's ledger key and kept outside the database (the witness), it is what a rewritten or cut chain
/// can no longer match.
/// </summary>
public sealed record LedgerCheckpoint(string Court, long Seq, string Head, DateTimeOffset At)
{
    /// <summary>The bytes signed: a versioned, line-separated text of the four fields (the time in round-trip form, UTC).</summary>
    public byte[] SignedBytes() => Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
        $"docket-checkpoint/1\n{Court}\n{Seq}\n{Head}\n{At.UtcDateTime:O}"));
}

/// <summary>
/// A checkpoint with its signature: ECDSA P-256 over SHA-256 of <see cref="LedgerCheckpoint.SignedBytes"/>, IEEE P1363
/// form (r ‖ s), base64; <see cref="Key"/> names the public key (<see cref="LedgerKey.IdOf"/>). One line of the witness.
/// </summary>
public sealed record SignedCheckpoint(LedgerCheckpoint Checkpoint, string Key, string Signature)
{
    public string ToLine() => JsonSerializer.Serialize(new CheckpointLine(Checkpoint.Court, Checkpoint.Seq, Checkpoint.Head,
        Checkpoint.At.ToUniversalTime(), Key, Signature), CheckpointJsonContext.Default.CheckpointLine);

    /// <summary>Reads a witness line; null when it is not one (the caller names the line).</summary>
    public static SignedCheckpoint? Parse(string line)
    {
        try
        {
            var l = JsonSerializer.Deserialize(line, CheckpointJsonContext.Default.CheckpointLine);
            return l is { Court: { } court, Head: { Length: 64 } head, Key: { } key, Sig: { } sig } && l.Seq > 0
                ? new SignedCheckpoint(new LedgerCheckpoint(court, l.Seq, head, l.At), key, sig)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Whether <paramref name="key"/> signed this checkpoint.</summary>
    public bool IsSignedBy(ECDsa key)
    {
        try
        {
            return key.VerifyData(Checkpoint.SignedBytes(), Convert.FromBase64String(Signature), HashAlgorithmName.SHA256);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

/// <summary>A witness line as written.</summary>
internal sealed record CheckpointLine(string Court, long Seq, string Head, DateTimeOffset At, string Key, string Sig);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = false)]
[JsonSerializable(typeof(CheckpointLine))]
internal sealed partial class CheckpointJsonContext : JsonSerializerContext;

/// <summary>The ledger key: ECDSA P-256 from the platform's cryptography; its public half is what auditors hold.</summary>
public static class LedgerKey
{
    /// <summary>A new key.</summary>
    public static ECDsa Create() => ECDsa.Create(ECCurve.NamedCurves.nistP256);

    /// <summary>The key's name in witness lines: the first 16 hex digits of SHA-256 of its public key (SubjectPublicKeyInfo).</summary>
    public static string IdOf(ECDsa key) => Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16];

    /// <summary>The public key in PEM form (what <c>docket ledger public-key</c> prints).</summary>
    public static string PublicPem(ECDsa key) => key.ExportSubjectPublicKeyInfoPem();

    /// <summary>Signs a checkpoint.</summary>
    public static SignedCheckpoint Sign(ECDsa key, string keyId, LedgerCheckpoint checkpoint) =>
        new(checkpoint, keyId, Convert.ToBase64String(key.SignData(checkpoint.SignedBytes(), HashAlgorithmName.SHA256)));

    private static readonly byte[] s_sealMagic = "DKSEAL1\n"u8.ToArray();
    private const int SignatureBytes = 64;

    /// <summary>
    /// A court's saved state signed: <c>DKSEAL1\n</c>, the 64-byte signature (P1363) of the court, position and state,
    /// then the state. What the database holds cannot then be swapped for a state the key did not sign.
    /// </summary>
    public static byte[] Seal(ECDsa key, string court, long seq, ReadOnlySpan<byte> state)
    {
        var result = new byte[SealBytes + state.Length];
        state.CopyTo(result.AsSpan(SealBytes));
        using var hash = SealHash(court, seq);
        hash.AppendData(state);
        WriteSeal(key, hash, result);
        return result;
    }

    /// <summary>What <see cref="Seal"/> puts before the state: the magic and the signature.</summary>
    public static int SealBytes => s_sealMagic.Length + SignatureBytes;

    /// <summary>
    /// Seals a state where it lies, as <see cref="Seal"/> would: <paramref name="state"/> is hashed a megabyte at a
    /// time at about <paramref name="share"/> of a core (<see cref="WorkPace"/>: a large court's state is hundreds of
    /// megabytes, neither copied nor hashed in one burst beside the filings), and the magic and signature are written
    /// into <paramref name="seal"/> (<see cref="SealBytes"/> long, the bytes before the state).
    /// </summary>
    public static async Task SealInPlaceAsync(ECDsa key, string court, long seq, ReadOnlySequence<byte> state, Memory<byte> seal, double share, CancellationToken cancellationToken = default)
    {
        var pace = new WorkPace(share);
        using var hash = SealHash(court, seq);
        foreach (var slice in StateBuffer.Slices(state))
        {
            hash.AppendData(slice.Span);
            await pace.SliceDoneAsync(cancellationToken);
        }
        WriteSeal(key, hash, seal.Span);
    }

    private static void WriteSeal(ECDsa key, IncrementalHash hash, Span<byte> sealedState)
    {
        var signature = key.SignHash(hash.GetHashAndReset());
        s_sealMagic.CopyTo(sealedState);
        signature.CopyTo(sealedState[s_sealMagic.Length..]);
    }

    /// <summary>The state <see cref="Seal"/> signed for this court and position, or null (not sealed, or not by this key).</summary>
    public static byte[]? Unseal(ECDsa key, string court, long seq, byte[] sealedState)
    {
        if (sealedState.Length < s_sealMagic.Length + SignatureBytes || !sealedState.AsSpan(0, s_sealMagic.Length).SequenceEqual(s_sealMagic))
        {
            return null;
        }
        var state = sealedState.AsSpan(SealBytes);
        using var hash = SealHash(court, seq);
        hash.AppendData(state);
        return key.VerifyHash(hash.GetHashAndReset(), sealedState.AsSpan(s_sealMagic.Length, SignatureBytes)) ? state.ToArray() : null;
    }

    /// <summary>SHA-256 of <c>docket-state/1\n{court}\n{seq}\n</c> and then the state, appended by the caller.</summary>
    private static IncrementalHash SealHash(string court, long seq)
    {
        var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"docket-state/1\n{court}\n{seq}\n")));
        return hash;
    }

    /// <summary>
    /// Reads a PEM key (private or public). Throws <see cref="ArgumentException"/> naming what is wrong: not PEM, or not
    /// a P-256 key.
    /// </summary>
    public static ECDsa FromPem(string pem, string source)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new ArgumentException($"{source}: not an ECDSA key in PEM form ({e.Message})");
        }
        if (key.KeySize != 256)
        {
            key.Dispose();
            throw new ArgumentException($"{source}: an ECDSA key of {key.KeySize} bits, not P-256");
        }
        return key;
    }
}
