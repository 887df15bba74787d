namespace Docket.Server.Tests.Docs;

/// <summary>The repository this test assembly was built from (the directory holding Actors.sln).</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string File(string relative) => System.IO.Path.Combine(Path, relative);

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
