namespace Docket.Cli.Commands;

/// <summary>A file named on the command line that the command reads.</summary>
internal static class InputFile
{
    /// <summary>Refuses a path that names no file, saying whether it names a directory (<paramref name="kind"/>: scenario, ledger).</summary>
    public static void Require(string path, string kind)
    {
        if (!File.Exists(path))
        {
            throw new BadInputException(Directory.Exists(path) ? $"{path}: a directory, not a {kind} file" : $"{path}: no such {kind} file");
        }
    }

    /// <summary>
    /// A path a command that reads its input more than once can read again: the file itself, or, for a pipe or
    /// another stream that can be read only once (<c>&lt;(curl …)</c>, <c>/dev/stdin</c>), a copy of it in a temporary
    /// file, deleted when the input is disposed. Messages go on naming the path given.
    /// </summary>
    public static RereadableInput Rereadable(string path)
    {
        using var source = File.OpenRead(path);
        // A descriptor opened again by its /dev/fd or /proc path may share the first one's position on some systems: copied too.
        var full = Path.GetFullPath(path);
        if (source.CanSeek && !full.StartsWith("/dev/", StringComparison.Ordinal) && !full.StartsWith("/proc/", StringComparison.Ordinal))
        {
            return new RereadableInput(path, null);
        }
        var copy = Path.GetTempFileName();
        try
        {
            using var target = File.Create(copy);
            source.CopyTo(target);
        }
        catch
        {
            File.Delete(copy);
            throw;
        }
        return new RereadableInput(copy, copy);
    }
}

/// <summary>An input file to read as often as needed at <see cref="Path"/>; <see cref="Temporary"/> is the copy made of a pipe, if any.</summary>
internal sealed record RereadableInput(string Path, string? Temporary) : IDisposable
{
    public void Dispose()
    {
        if (Temporary is not null)
        {
            File.Delete(Temporary);
        }
    }
}
