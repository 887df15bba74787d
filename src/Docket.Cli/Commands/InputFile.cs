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
}
