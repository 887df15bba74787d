using Docket.Server.Hosting;

namespace Docket.Server.Storage;

/// <summary>A key file outside the database: created once, readable and writable by the service's user only.</summary>
internal static class SecretFile
{
    /// <summary>
    /// Writes <paramref name="content"/> to <paramref name="full"/> unless the file exists (a silo creating it at the same
    /// moment wins: its file is taken); a <see cref="StartupException"/> naming <paramref name="setting"/> when it cannot be created.
    /// </summary>
    public static void CreateOnce(string full, string setting, string what, Func<string> content)
    {
        if (File.Exists(full))
        {
            return;
        }
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            using var writer = new StreamWriter(full, System.Text.Encoding.ASCII, options);
            writer.Write(content());
            writer.Write('\n');
        }
        catch (IOException) when (File.Exists(full))
        {
            // Another silo created it at the same moment: take that one.
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"{setting}: cannot create the {what} file {full}: {e.Message}");
        }
    }
}
