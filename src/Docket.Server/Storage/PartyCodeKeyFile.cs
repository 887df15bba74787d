using System.Security.Cryptography;
using Docket.Server.Hosting;

namespace Docket.Server.Storage;

/// <summary>
/// The key under which parties' codes are hashed (32 random bytes as hex, outside the database, beside the ledger
/// key): read when it exists, created on first start when it does not — readable and writable by the service's user
/// only. Every silo of a cluster names the same file (or a copy). Without it the ledger's hashes cannot be matched to codes.
/// </summary>
public static class PartyCodeKeyFile
{
    private const int KeyBytes = 32;

    /// <summary>
    /// The key the configuration names: <c>Docket:Public:CodeKey</c>, else <c>party-code-key</c> in the data
    /// directory; with in-memory storage and no file named, a key of this process only (the ledger goes with it).
    /// </summary>
    public static byte[] For(PublicOptions options, StorageOptions storage, string kind) =>
        options.CodeKey is { Length: > 0 } path ? LoadOrCreate(path)
        : kind == ServerStorage.Memory ? RandomNumberGenerator.GetBytes(KeyBytes)
        : LoadOrCreate(Path.Combine(storage.DataDirectory, "party-code-key"));

    /// <summary>The key at <paramref name="path"/>, created when absent; a <see cref="StartupException"/> naming the setting when it cannot be read.</summary>
    public static byte[] LoadOrCreate(string path)
    {
        var full = Path.GetFullPath(path);
        SecretFile.CreateOnce(full, "Docket:Public:CodeKey", "party-code key",
            () => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(KeyBytes)));
        try
        {
            var key = Convert.FromHexString(File.ReadAllText(full).Trim());
            return key.Length >= KeyBytes ? key : throw new FormatException($"{key.Length} bytes, fewer than {KeyBytes}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            throw new StartupException($"Docket:Public:CodeKey: {full} does not hold a key of {KeyBytes} bytes in hex: {e.Message}");
        }
    }
}
