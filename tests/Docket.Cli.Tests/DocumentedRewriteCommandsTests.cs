using System.Text.RegularExpressions;

namespace Docket.Cli.Tests;

/// <summary>
/// The docs' commands that re-write a committed sample (<c>DOCKET_WRITE_…=1 dotnet test … --filter
/// FullyQualifiedName~Class.Method</c>) are not run here — each would re-write a file of the repository — but each must
/// name exactly one test that exists and reads that variable, so the command re-writes what the doc says it does.
/// </summary>
public sealed partial class DocumentedRewriteCommandsTests
{
    [Fact]
    public void Every_documented_rewrite_command_names_one_test_that_reads_its_variable()
    {
        var root = CliRunner.RepoRoot();
        var lines = Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories).Append(Path.Combine(root, "README.md"))
            .SelectMany(doc => AnyRewriteCommand().Matches(File.ReadAllText(doc)).Select(m => (Doc: Path.GetFileName(doc), Line: m.Value)))
            .ToList();
        Assert.True(lines.Count >= 2, $"the docs show the sample ledgers' rewrite commands ({lines.Count} found)");
        foreach (var (doc, line) in lines)
        {
            // Every rewrite command in the one form whose filter names a single test by its class.
            var m = RewriteCommand().Match(line);
            Assert.True(m.Success && m.Index == 0 && m.Length == line.TrimEnd().Length,
                $"{doc}: '{line}' is not 'DOCKET_WRITE_…=1 dotnet test tests/… -c Release --filter FullyQualifiedName~Class.Method'");
            var (variable, project, type, method) = (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value, m.Groups[4].Value);
            Assert.True(Directory.Exists(Path.Combine(root, project)), $"{doc}: '{m.Value}' names {project}, which is not a folder of the repository");
            var declaring = Directory.EnumerateFiles(Path.Combine(root, project), "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .Select(File.ReadAllText)
                .Where(text => Regex.IsMatch(text, $@"\bclass {Regex.Escape(type)}\b"))
                .ToList();
            var source = Assert.Single(declaring);
            Assert.True(Regex.Matches(source, $@"\b(void|Task) {Regex.Escape(method)}\(").Count == 1, $"{doc}: '{m.Value}': {type} has no test {method}");
            Assert.Contains($"\"{variable}\"", source, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"DOCKET_WRITE_\w+=1 dotnet test[^\n]*")]
    private static partial Regex AnyRewriteCommand();

    [GeneratedRegex(@"(DOCKET_WRITE_[A-Z_]+)=1 dotnet test (tests/[\w.]+) -c Release --filter FullyQualifiedName~(\w+)\.(\w+)")]
    private static partial Regex RewriteCommand();
}
