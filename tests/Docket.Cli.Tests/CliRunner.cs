namespace Docket.Cli.Tests;

/// <summary>Runs `docket` in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await DocketCli.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Runs `docket` as if its output were a terminal (or a pipe) <paramref name="width"/> columns wide.</summary>
    public static async Task<(int Exit, string Output, string Error)> RunAtWidthAsync(int width, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await DocketCli.RunAsync(args, new Output.CliOutput(output, width), error);
        return (exit, output.ToString(), error.ToString());
    }

    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Actors.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Actors.sln not found above the test binaries");
    }

    public static string WriteTemp(string text, string extension = ".yaml")
    {
        var path = Path.Combine(Path.GetTempPath(), $"docket-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(path, text);
        return path;
    }
}
