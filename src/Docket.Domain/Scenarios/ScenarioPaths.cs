namespace Docket.Domain.Scenarios;

/// <summary>Field paths as errors print them: <c>courts[0].teams[1].cap</c>.</summary>
internal static class ScenarioPaths
{
    public static string Child(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    public static string Index(string path, int index) => $"{path}[{index}]";

    /// <summary>"path: " to start a message, or nothing at the top level.</summary>
    public static string Prefix(string path) => path.Length == 0 ? "" : $"{path}: ";
}
