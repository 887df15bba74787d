namespace Docket.Server.Tests.Docs;

/// <summary>The repository this test assembly was built from (the directory holding Actors.sln).</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string File(string relative) => System.IO.Path.Combine(Path, relative);

    /// <summary>
    /// bash running <paramref name="script"/> in the repository root, as a reader runs a doc's block, its output
    /// redirected; without dotnet test's MSBuild variables, which would send a child's dotnet run to the test host's MSBuild.
    /// </summary>
    public static System.Diagnostics.ProcessStartInfo Bash(string script)
    {
        var info = new System.Diagnostics.ProcessStartInfo("bash")
        {
            WorkingDirectory = Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(key);
        }
        return info;
    }

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "Actors.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException($"no Actors.sln above {AppContext.BaseDirectory}");
    }
}
