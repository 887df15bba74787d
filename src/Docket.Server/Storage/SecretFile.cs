using Docket.Server.Hosting;

namespace Docket.Server.Storage;

/// <summary>A key file outside the database: created once, readable and writable by the service's user only.</summary>
internal static class SecretFile
{
    /// <summary>
    /// Writes <paramref name="content"/> to <paramref name="full"/> unless the file exists (a silo creating it at the same
    /// moment wins: its file is taken); a <see cref="StartupException"/> naming <paramref name="setting"/> when it cannot be created.
    /// The content is written to a temporary file first and moved into place whole, so a silo starting beside the one
    /// creating it never finds the file half written or still held open.
    /// </summary>
    public static void CreateOnce(string full, string setting, string what, Func<string> content)
    {
        if (File.Exists(full))
        {
            return;
        }
        var temporary = $"{full}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            using (var writer = new StreamWriter(temporary, System.Text.Encoding.ASCII, options))
            {
                writer.Write(content());
                writer.Write('\n');
            }
            File.Move(temporary, full, overwrite: false);
        }
        catch (IOException) when (File.Exists(full))
        {
            // Another silo created it at the same moment: take that one.
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"{setting}: cannot create the {what} file {full}: {e.Message}");
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
