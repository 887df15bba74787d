using System.Globalization;

namespace Docket.Benchmarks.Infrastructure;

/// <summary>
/// Cases simulated per benchmark invocation, handed from the benchmark's child process to the host's
/// <see cref="CasesPerSecondColumn"/> through a small file under the artifacts directory (the number of cases a
/// scenario produces is only known once it has run).
/// </summary>
public static class CaseTally
{
    public static string Directory => Path.Combine(RepoPaths.Artifacts, "cases");

    /// <summary>The file name for a benchmark case: class, method and parameter values ordered by parameter name.</summary>
    public static string Key(string type, string method, IEnumerable<(string Name, object? Value)> parameters) =>
        string.Join('.', new[] { type, method }.Concat(parameters.OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => Convert.ToString(p.Value, CultureInfo.InvariantCulture) ?? "null")));

    public static void Record(string key, double casesPerInvocation)
    {
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllText(Path.Combine(Directory, key), casesPerInvocation.ToString("R", CultureInfo.InvariantCulture));
    }

    public static double? Read(string key)
    {
        var path = Path.Combine(Directory, key);
        return File.Exists(path) && double.TryParse(File.ReadAllText(path), NumberStyles.Float, CultureInfo.InvariantCulture, out var cases)
            ? cases
            : null;
    }

    /// <summary>Forgets the previous run's figures, so a failed benchmark shows "?" rather than an old number.</summary>
    public static void Clear()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
