using Docket.Domain.Scenarios;

namespace Docket.Domain.Tests.Scenarios;

/// <summary>Helpers for scenario tests: marked positions in YAML, loading, and the repository root.</summary>
internal static class ScenarioTestSupport
{
    /// <summary>Marks where an error is expected in a test's YAML; removed before loading.</summary>
    public const char Marker = '»';

    /// <summary>The minimal scenario (docs/domain.md, "The minimal court"), always accepted.</summary>
    public const string Minimal = """
        name: minimal
        seed: 7
        days: 3650
        warmup_days: 365
        calendar: { days_per_week: 7, hours_per_day: 24 }
        case_types:
          - id: generic
            effort: { judge: { dist: exponential, mean_hours: 240 } }
        intake:
          - { type: generic, per_year: 292 }
        teams:
          - { id: t, count: 10, members: { judge: 1 }, accepts: [generic] }
        assignment: { policy: random }        # or { policy: pull, cap: 1 }
        """;

    /// <summary>The text without its marker, and the 1-based line and column where the marker was.</summary>
    public static (string Text, int Line, int Column) Unmark(string marked)
    {
        var index = marked.IndexOf(Marker, StringComparison.Ordinal);
        Assert.True(index >= 0, "the test's YAML has no » marker");
        var before = marked[..index];
        var line = before.Count(c => c == '\n') + 1;
        var column = index - (before.LastIndexOf('\n') + 1) + 1;
        return (marked.Remove(index, 1), line, column);
    }

    public static ScenarioLoadResult Load(string text) => ScenarioLoader.Load(text, "test.yaml");

    public static Scenario LoadValid(string text)
    {
        var result = Load(text);
        Assert.True(result.Errors.Count == 0, "unexpected errors:\n" + string.Join("\n", result.Errors));
        Assert.NotNull(result.Scenario);
        return result.Scenario;
    }

    /// <summary>
    /// Loads marked YAML and asserts it is rejected with an error at the marker whose message contains every
    /// fragment; returns that error.
    /// </summary>
    public static ScenarioError AssertErrorAt(string marked, params string[] fragments)
    {
        var (text, line, column) = Unmark(marked);
        var result = Load(text);
        Assert.Null(result.Scenario);
        var match = result.Errors.FirstOrDefault(e =>
            e.Line == line && e.Column == column && fragments.All(f => e.Message.Contains(f, StringComparison.Ordinal)));
        Assert.True(match is not null,
            $"expected an error at {line}:{column} containing [{string.Join(" | ", fragments)}]; got:\n{string.Join("\n", result.Errors)}");
        return match;
    }

    /// <summary>The folder holding Actors.sln, found by walking up from the test's working directory.</summary>
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Actors.sln")))
        {
            dir = dir.Parent;
        }
        Assert.True(dir is not null, "Actors.sln not found above " + AppContext.BaseDirectory);
        return dir.FullName;
    }
}
