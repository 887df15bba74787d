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
        if (!File.Exists(full))
        {
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                using var key = LedgerKey.Create();
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }
                using var writer = new StreamWriter(full, System.Text.Encoding.ASCII, options);
                writer.Write(key.ExportPkcs8PrivateKeyPem());
                writer.Write('\n');
            }
            catch (IOException) when (File.Exists(full))
            {
                // Another silo created it at the same moment: take that one.
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new StartupException($"Docket:Ledger:SigningKey: cannot create the ledger key file {full}: {e.Message}");
            }
        }
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
