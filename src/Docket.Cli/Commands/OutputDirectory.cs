using Docket.Domain.Courts;
using Docket.Domain.Scenarios;

namespace Docket.Cli.Commands;

/// <summary>
/// The directory a command writes its results to, made and checked before the run: a run that would end in a path it
/// cannot write is refused at once, naming <c>--out</c> (exit 2), rather than after the run with its results lost.
/// </summary>
internal static class OutputDirectory
{
    /// <summary>
    /// Makes <paramref name="directory"/> (and its parents) and checks that each of <paramref name="files"/> can be
    /// written in it and each of <paramref name="folders"/> made: none is in the way as the other kind, and a folder
    /// already there takes new PNG files (charts) in place of those it has.
    /// </summary>
    public static void Prepare(string directory, IReadOnlyList<string> files, IReadOnlyList<string>? folders = null) =>
        Check(directory, files, folders, make: true);

    /// <summary>
    /// The checks of <see cref="Prepare"/> without making the directory, for a command that must leave nothing behind
    /// when it refuses its input after this (<c>replay</c>, whose ledger is verified first).
    /// </summary>
    public static void Check(string directory, IReadOnlyList<string> files, IReadOnlyList<string>? folders = null) =>
        Check(directory, files, folders, make: false);

    private static void Check(string directory, IReadOnlyList<string> files, IReadOnlyList<string>? folders, bool make)
    {
        RefuseEmpty(directory, "--out", "a directory");
        if (File.Exists(directory))
        {
            throw new BadInputException($"--out {directory}: a file, not a directory");
        }
        if (FileOnTheWay(directory) is { } inTheWay)
        {
            throw new BadInputException($"--out {directory}: {inTheWay} is a file, not a directory");
        }
        if (!make && !Directory.Exists(directory))
        {
            return;
        }
        if (Make(directory) is { } cannot)
        {
            throw new BadInputException($"--out {directory}: cannot be made ({cannot})");
        }
        foreach (var file in files)
        {
            var path = Path.Combine(directory, file);
            if (Directory.Exists(path))
            {
                throw new BadInputException($"--out {directory}: {file} would be written there, but {path} is a directory");
            }
            if (File.Exists(path) && (File.GetAttributes(path) & FileAttributes.ReadOnly) != 0)
            {
                throw new BadInputException($"--out {directory}: {path} is read-only");
            }
        }
        foreach (var folder in folders ?? [])
        {
            var path = Path.Combine(directory, folder);
            if (File.Exists(path))
            {
                throw new BadInputException($"--out {directory}: its {folder} folder would be made there, but {path} is a file");
            }
            if (!Directory.Exists(path))
            {
                continue;
            }
            // The folder's files (charts) are named only after the run: anything there that one of them could not replace is refused now.
            if (Directory.EnumerateDirectories(path, "*.png").FirstOrDefault() is { } chartInTheWay)
            {
                throw new BadInputException($"--out {directory}: a chart would be written at {chartInTheWay}, but it is a directory");
            }
            if (Directory.EnumerateFiles(path, "*.png").FirstOrDefault(f => (File.GetAttributes(f) & FileAttributes.ReadOnly) != 0) is { } readOnlyChart)
            {
                throw new BadInputException($"--out {directory}: {readOnlyChart} is read-only");
            }
            if (!Writable(path))
            {
                throw new BadInputException($"--out {directory}: its {folder} folder is not writable");
            }
        }
        if (!Writable(directory))
        {
            throw new BadInputException($"--out {directory}: not writable");
        }
    }

    /// <summary>
    /// The folder under <c>out/</c> a run writes to when no <c>--out</c> is given, named after its scenarios; refused,
    /// asking for <c>--out</c>, when a name cannot name a folder (<see cref="Scenario.IsFolderName"/>).
    /// </summary>
    public static string Default(string prefix, IReadOnlyList<string> names, string suffix = "", string separator = "-vs-")
    {
        if (names.FirstOrDefault(n => !Scenario.IsFolderName(n)) is { } unfit)
        {
            throw new BadInputException($"the scenario's name {Quoted.Value(unfit)} cannot name its output folder under out/ (a folder name is up to 100 bytes of letters, digits, '-', '_', '.' and inner spaces, starting with a letter or digit): give --out DIR");
        }
        var folder = prefix + string.Join(separator, names) + suffix;
        if (System.Text.Encoding.UTF8.GetByteCount(folder) > 255)
        {
            throw new BadInputException($"the output folder out/{folder[..40]}… named after the scenarios is longer than a folder name may be: give --out DIR");
        }
        return Path.Combine("out", folder);
    }

    /// <summary>A file to write (<c>scenario --out</c>): not a directory, and its directory exists or can be made.</summary>
    public static void PrepareFile(string file, string option = "--out")
    {
        RefuseEmpty(file, option, "a file");
        if (Directory.Exists(file))
        {
            throw new BadInputException($"{option} {file}: a directory, not a file");
        }
        var parent = Path.GetDirectoryName(Path.GetFullPath(file));
        if (parent is null)
        {
            return;
        }
        if (FileOnTheWay(parent) is { } inTheWay)
        {
            throw new BadInputException($"{option} {file}: {inTheWay} is a file, not a directory");
        }
        if (Make(parent) is { } cannot)
        {
            throw new BadInputException($"{option} {file}: its directory cannot be made ({cannot})");
        }
        if (!Writable(parent))
        {
            throw new BadInputException($"{option} {file}: {parent} is not writable");
        }
    }

    /// <summary>An empty path names nothing to write to (.NET refuses it with an exception, an internal failure).</summary>
    private static void RefuseEmpty(string path, string option, string what)
    {
        if (path.Length == 0)
        {
            throw new BadInputException($"{option}: an empty path, not {what}");
        }
    }

    /// <summary>The nearest existing ancestor of <paramref name="directory"/> (or itself) when it is a file.</summary>
    private static string? FileOnTheWay(string directory)
    {
        for (var at = Path.GetFullPath(directory); at is not null; at = Path.GetDirectoryName(at))
        {
            if (File.Exists(at))
            {
                return at;
            }
            if (Directory.Exists(at))
            {
                return null;
            }
        }
        return null;
    }

    /// <summary>Makes <paramref name="directory"/> and its parents; why it cannot be made, or null.</summary>
    private static string? Make(string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return e.Message;
        }
    }

    private static bool Writable(string directory)
    {
        var probe = Path.Combine(directory, $".docket-write-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
            {
            }
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
