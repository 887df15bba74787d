namespace Docket.Benchmarks.Infrastructure;

/// <summary>Where the repository and the benchmark artifacts are, found by walking up to Actors.sln.</summary>
/// <remarks>
/// BenchmarkDotNet runs each benchmark in a child process built under bench/Docket.Benchmarks/bin, so walking up from
/// the process's base directory finds the repository from both the host and the children.
/// </remarks>
public static class RepoPaths
{
    private static readonly Lazy<string> RootDirectory = new(FindRoot);

    public static string Root => RootDirectory.Value;

    public static string Scenarios => Path.Combine(Root, "scenarios");

    public static string Artifacts => Path.Combine(Root, "bench", "Docket.Benchmarks", "BenchmarkDotNet.Artifacts");

    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Actors.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new InvalidOperationException(
            $"cannot find Actors.sln above {AppContext.BaseDirectory} or {Directory.GetCurrentDirectory()}: run the benchmarks from the repository");
    }
}
