using System.Security.Cryptography;
using Docket.Domain.Ledger;
using Docket.Server.Hosting;

namespace Docket.Server.Storage;

/// <summary>
/// The ledger key's file (PKCS#8 PEM, outside the database): read when it exists, created on first start when it does
/// not — readable and writable by the service's user only. Every silo of a cluster names the same file (or a copy).
/// </summary>
public static class LedgerKeyFile
{
    /// <summary>The key at <paramref name="path"/>, created when absent; a <see cref="StartupException"/> naming the setting when it cannot be read.</summary>
    public static ECDsa LoadOrCreate(string path)
    {
        var full = Path.GetFullPath(path);
        SecretFile.CreateOnce(full, "Docket:Ledger:SigningKey", "ledger key", () =>
        {
            using var key = LedgerKey.Create();
            return key.ExportPkcs8PrivateKeyPem();
        });
        try
        {
            var key = LedgerKey.FromPem(File.ReadAllText(full), full);
            if (key.ExportParameters(includePrivateParameters: false).Q.X is null)
            {
                throw new ArgumentException($"{full}: no public key");
            }
            try
            {
                _ = key.ExportECPrivateKey();
            }
            catch (CryptographicException)
            {
                key.Dispose();
                throw new ArgumentException($"{full}: a public key; the service needs the private key to sign checkpoints");
            }
            return key;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new StartupException($"Docket:Ledger:SigningKey: {e.Message}");
        }
    }
}
